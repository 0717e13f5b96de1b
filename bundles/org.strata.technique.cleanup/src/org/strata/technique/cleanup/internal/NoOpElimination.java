package org.strata.technique.cleanup.internal;

import java.util.List;

import org.strata.core.ParameterSpec;
import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Node;
import org.strata.onnx.Shape;
import org.strata.onnx.Value;

/**
 * Removes nodes that provably return their input unchanged. Element types and shapes are the ones recorded on
 * the values: declared in the file, or inferred when the {@code shape-inference} parameter is on.
 *
 * <ul>
 * <li>{@code Cast(x, to)} where {@code x} already has element type {@code to}; {@code CastLike(x, y)} where
 * {@code x} and {@code y} have the same element type.</li>
 * <li>{@code Reshape(x, shape)} with a constant {@code shape} that gives {@code x}'s own shape: as long as
 * {@code x}'s rank, each entry 0 (copy; not with {@code allowzero = 1}) or equal to {@code x}'s fixed
 * dimension there, and at most one -1, only when every other dimension of {@code x} is fixed and
 * positive (so that -1 can only mean that dimension).</li>
 * <li>{@code Transpose(x)} with {@code perm} 0, 1, …, r-1, or without {@code perm} on a tensor of rank 0 or 1.</li>
 * <li>{@code Expand(x, shape)} with a constant {@code shape} no longer than {@code x}'s rank whose every entry
 * is 1 or {@code x}'s fixed dimension there.</li>
 * <li>{@code Tile(x, repeats)} with constant repeats, all 1, one per dimension of {@code x}.</li>
 * <li>Reshape, Expand and Tile whose input and output shapes are both fully static and equal, whatever
 * computes their second input.</li>
 * </ul>
 * Graph outputs keep their names as with {@link IdentityElimination}.
 */
record NoOpElimination() implements CleanupPass {
    /** Longest shape, perm or repeats vector read; real ones have a handful of entries. */
    private static final int MAX_VECTOR = 64;

    @Override
    public ParameterSpec parameter() {
        return ParameterSpec.bool("no-ops", true,
                "remove Cast to the same type, Reshape to the same shape, identity Transpose, and Expand/Tile that change nothing");
    }

    @Override
    public int run(GraphFacts facts) {
        int removed = 0;
        for (Node n : List.copyOf(facts.graph().nodes())) {
            if (!n.domain().isEmpty() || n.outputs().isEmpty()) continue;
            if (isNoOp(n, facts) && GraphEdits.bypass(n, n.output(0), n.input(0))) removed++;
        }
        return removed;
    }

    static boolean isNoOp(Node n, GraphFacts facts) {
        Value x = n.input(0);
        if (x == null) return false;
        return switch (n.opType()) {
            case "Cast" -> {
                DataType t = GraphFacts.elementType(x);
                yield t != null && t.code() == n.attrInt("to", -1);
            }
            case "CastLike" -> {
                DataType t = GraphFacts.elementType(x);
                yield t != null && t == GraphFacts.elementType(n.input(1));
            }
            case "Reshape" -> sameStaticShape(n, facts)
                    || reshapeKeepsShape(facts.shape(x), vector(n, 1, facts), n.attrInt("allowzero", 0) != 0);
            case "Transpose" -> identityPermutation(n.attrInts("perm"), facts.shape(x));
            case "Expand" -> sameStaticShape(n, facts) || expandKeepsShape(facts.shape(x), vector(n, 1, facts));
            case "Tile" -> sameStaticShape(n, facts) || allOnes(vector(n, 1, facts), facts.shape(x));
            default -> false;
        };
    }

    private static long[] vector(Node n, int input, GraphFacts facts) {
        KnownTensor t = facts.contents(n.input(input), MAX_VECTOR);
        return t == null || t.rank() != 1 || !KnownTensor.isArithmetic(t.type()) ? null : t.values();
    }

    private static boolean sameStaticShape(Node n, GraphFacts facts) {
        Shape in = facts.shape(n.input(0));
        Shape out = facts.shape(n.output(0));
        return in != null && out != null && in.isStatic() && in.equals(out);
    }

    static boolean reshapeKeepsShape(Shape s, long[] target, boolean allowZero) {
        if (s == null || target == null || target.length != s.rank()) return false;
        int wildcard = -1;
        for (int i = 0; i < target.length; i++) {
            Dim d = s.dim(i);
            if (target[i] == -1 && wildcard < 0) {
                wildcard = i;
            } else if (!(target[i] == 0 && !allowZero) && !(d instanceof Dim.Fixed f && f.size() == target[i])) {
                return false;
            }
        }
        if (wildcard < 0) return true;
        for (int i = 0; i < s.rank(); i++) {
            if (i != wildcard && !(s.dim(i) instanceof Dim.Fixed f && f.size() > 0)) return false;
        }
        return true;
    }

    static boolean identityPermutation(long[] perm, Shape s) {
        if (perm == null) return s != null && s.rank() <= 1;
        for (int i = 0; i < perm.length; i++) if (perm[i] != i) return false;
        return true;
    }

    static boolean expandKeepsShape(Shape s, long[] target) {
        if (s == null || target == null || target.length > s.rank()) return false;
        int offset = s.rank() - target.length;
        for (int i = 0; i < target.length; i++) {
            Dim d = s.dim(offset + i);
            if (target[i] != 1 && !(d instanceof Dim.Fixed f && f.size() == target[i])) return false;
        }
        return true;
    }

    private static boolean allOnes(long[] repeats, Shape s) {
        if (repeats == null || s == null || repeats.length != s.rank()) return false;
        for (long r : repeats) if (r != 1) return false;
        return true;
    }

    @Override
    public String describe(int count) {
        return "removed " + count + " no-op Cast/Reshape/Transpose/Expand/Tile node" + (count == 1 ? "" : "s");
    }
}
