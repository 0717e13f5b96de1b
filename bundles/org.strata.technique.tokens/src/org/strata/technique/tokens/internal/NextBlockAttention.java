package org.strata.technique.tokens.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.core.TechniqueException;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Reachability;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Attention;
import org.strata.onnx.structure.Block;

/**
 * The attention of the block right after a reduction, taken apart where the reduction needs it: the product of
 * the queries with the keys (Q·Kᵀ, its second operand the keys) and of the probabilities with the values (its
 * second operand the values). Two rewrites are built on it.
 *
 * <ul>
 * <li>{@link #firstTokenAttention}: what the first token pays each position in this block, computed before the
 * reduction from the full sequence. The query side (from the projections' input through the Softmax, not the
 * keys) is copied for the first token's row alone, so it costs one row of the query projection. When the block's
 * keys will read the reduced stream, the key side (and a pre-LN norm) is copied too, for the full sequence (one key
 * projection).</li>
 * <li>{@link #keepKeysAndValues}: after the reduction this block's queries, residual and everything after read the
 * reduced stream, while its keys and values still read the full sequence, so the kept tokens attend to every token
 * once more before the sequence is shorter. Nodes both sides read (a pre-LN norm, a Shape) are copied for the
 * reduced side. This costs the key and value projections of the dropped tokens in one block.</li>
 * </ul>
 */
final class NextBlockAttention {
    private final String techniqueId;
    private final Block block;
    private final Node softmax;
    private final Node scores;
    private final Node context;
    private final boolean keysStayFull;

    /**
     * @param keysStayFull whether the block's keys and values will keep reading the full sequence
     *                     ({@link #keepKeysAndValues}); otherwise {@link #firstTokenAttention} computes keys of its own
     */
    NextBlockAttention(String techniqueId, Block block, boolean keysStayFull) {
        this.techniqueId = techniqueId;
        this.block = block;
        this.keysStayFull = keysStayFull;
        Attention a = block.attention();
        this.softmax = a.core();
        Set<Node> afterSoftmax = Reachability.descendants(softmax.output(0));
        Set<Node> beforeSoftmax = Reachability.ancestors(softmax.input(0));
        Node s = null;
        Node c = null;
        // the two products of run-time values: Q·Kᵀ before the Softmax, P·V after it (the output projection's weight is constant)
        for (Node n : a.nodes()) {
            if (!n.is("MatMul") || !runtime(n.input(0)) || !runtime(n.input(1))) continue;
            if (afterSoftmax.contains(n) && c == null) c = n;
            else if (beforeSoftmax.contains(n)) s = n;
        }
        if (s == null || c == null) {
            throw new TechniqueException(techniqueId + ": block " + block.number() + "'s attention has no "
                    + (s == null ? "Q·Kᵀ product before its Softmax " : "product of its Softmax with V ")
                    + softmax.describe() + " among its nodes; it cannot be split into queries and keys");
        }
        this.scores = s;
        this.context = c;
    }

    private static boolean runtime(Value v) {
        return v != null && !v.isInitializer() && (v.producer() == null || !v.producer().is("Constant"));
    }

    /**
     * The attention the first real token pays each position in this block, averaged over heads, [B, N] (float).
     *
     * @param full   the block's input before the reduction, [B, N, H]
     * @param firstF the first real position of each row as a one-hot float mask, [B, N]
     */
    Value firstTokenAttention(OpBuilder b, Value full, Value firstF) {
        Value u = block.attention().input();
        Map<Value, Value> copies = new IdentityHashMap<>();
        if (!keysStayFull) {
            // the block itself will read the reduced stream: the keys (and the norm before them, in pre-LN) are
            // computed here once more from the full one
            Set<Node> keySide = Reachability.descendants(full);
            keySide.retainAll(Reachability.ancestors(scores.input(1), u));
            copyAll(b, keySide, copies);
        }
        // the first token's row, [B, 1, H]: its one-hot row times the rows (exact, and two nodes instead of a Gather's index arithmetic)
        Value row = b.matMul(b.unsqueeze(firstF, 1), copies.getOrDefault(u, u));
        Set<Node> querySide = Reachability.descendants(u);
        querySide.retainAll(Reachability.ancestors(softmax.output(0)));
        Set<Node> keysOnly = Reachability.ancestors(scores.input(1));
        keysOnly.removeAll(Reachability.ancestors(scores.input(0)));
        querySide.removeAll(keysOnly);
        copies.put(u, row);
        copyAll(b, querySide, copies);
        Value probs = copies.get(softmax.output(0)); // [B, heads, 1, N]
        return b.reduce("ReduceMean", probs, false, 1, 2);
    }

    /** Copies {@code nodes} in graph order, each reading the copies of its inputs where there are. */
    private void copyAll(OpBuilder b, Set<Node> nodes, Map<Value, Value> copies) {
        for (Node n : inOrder(nodes)) {
            List<Value> in = new ArrayList<>();
            for (Value v : n.inputs()) in.add(v == null ? null : copies.getOrDefault(v, v));
            Node c = b.copy(n, in);
            for (int i = 0; i < n.outputs().size(); i++) copies.put(n.output(i), c.output(i));
        }
    }

    /**
     * Points this block at the reduced stream {@code reduced} except for its keys and values, which keep reading
     * the full stream {@code full} (the block's input before the reduction).
     *
     * @param readers the uses of {@code full} before the reduction was written (the reduction's own nodes read it too)
     * @param before  every node of the graph before the reduction was written
     */
    void keepKeysAndValues(OpBuilder b, Value full, Value reduced, List<Value.Use> readers, Set<Node> before) {
        checkKeysCanStayFull();
        Set<Node> fullSide = Reachability.descendants(full);
        fullSide.retainAll(Reachability.ancestors(scores.input(1), context.input(1)));
        Map<Value, Value> copies = new IdentityHashMap<>();
        copies.put(full, reduced);
        for (Value.Use u : readers) {
            if (!fullSide.contains(u.node())) u.node().setInput(u.index(), reduced);
        }
        for (Node n : inOrder(fullSide)) {
            for (Value o : n.outputs()) {
                for (Value.Use u : List.copyOf(o.uses())) {
                    Node m = u.node();
                    if (fullSide.contains(m) || !before.contains(m)) continue;
                    if ((m == scores || m == context) && u.index() == 1) continue; // the keys and values themselves
                    m.setInput(u.index(), reducedCopy(b, o, fullSide, copies));
                }
            }
        }
    }

    /**
     * Checks that the keys and values can read another stream than the queries: they need projections of their own.
     *
     * @throws TechniqueException naming the block and what to set instead
     */
    void checkKeysCanStayFull() {
        Attention a = block.attention();
        if (a.qkv() != null) {
            throw new TechniqueException(techniqueId + ": block " + block.number() + " computes Q, K and V in one projection ("
                    + a.layout() + "), so its keys cannot read the full sequence while its queries read the kept tokens;"
                    + " set next-block-keys to kept");
        }
    }

    /** {@code v} computed from the reduced stream instead: copies of the full-side nodes it needs. */
    private static Value reducedCopy(OpBuilder b, Value v, Set<Node> fullSide, Map<Value, Value> copies) {
        Value known = copies.get(v);
        if (known != null) return known;
        Node n = v.producer();
        if (n == null || !fullSide.contains(n)) return v;
        List<Value> in = new ArrayList<>();
        for (Value x : n.inputs()) in.add(x == null ? null : reducedCopy(b, x, fullSide, copies));
        Node c = b.copy(n, in);
        for (int i = 0; i < n.outputs().size(); i++) copies.put(n.output(i), c.output(i));
        return copies.get(v);
    }

    private List<Node> inOrder(Set<Node> set) {
        Graph g = softmax.graph();
        List<Node> out = new ArrayList<>(set.size());
        Set<Node> s = Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(set);
        for (Node n : g.topologicalOrder()) if (s.contains(n)) out.add(n);
        return out;
    }
}
