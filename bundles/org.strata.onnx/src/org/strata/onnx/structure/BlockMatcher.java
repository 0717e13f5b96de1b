package org.strata.onnx.structure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * Recognises one block from its residual-stream input {@code x}: the attention residual is the Add (or
 * skip norm) that adds to {@code x} something computed from {@code x}; the attention is in between. Then
 * the placement of the norms: projections reading {@code x} itself mean post-LN (a norm follows each
 * residual Add), projections reading a norm of {@code x} mean pre-LN. The FFN residual is found the same
 * way from the mid-block stream, and the block output is the FFN residual sum (pre-LN) or its norm
 * (post-LN).
 */
final class BlockMatcher {
    private final int number;
    private final Value input;
    private final Set<Node> downstream;
    private final Value keyValueSource;

    BlockMatcher(int number, Value input, Set<Node> downstream) {
        this(number, input, downstream, null);
    }

    /**
     * @param keyValueSource the stream before a token reduction, which the attention's keys and values may read (or a
     *                       norm of it) instead of {@code input}; null when they read {@code input} like the queries
     */
    BlockMatcher(int number, Value input, Set<Node> downstream, Value keyValueSource) {
        this.number = number;
        this.input = input;
        this.downstream = downstream;
        this.keyValueSource = keyValueSource;
    }

    private StructureException fail(String message) {
        return new StructureException("block " + number + ": " + message);
    }

    /**
     * The residual connection adding to {@code stream} a value computed from it (an Add or a skip norm),
     * or null when {@code stream} has none (it reaches the head).
     */
    static Node residualOf(Value stream, Set<Node> downstream) {
        for (Node u : LookThrough.consumers(stream)) {
            if (!(u.is("Add") || NormPatterns.isSkipNorm(u))) continue;
            Value other = otherOperand(u, stream);
            if (other != null && Reach.producedIn(other, downstream)) return u;
        }
        return null;
    }

    /** The operand of residual {@code r} that is not {@code stream} (which it may read behind quantize/dequantize). */
    static Value otherOperand(Node r, Value stream) {
        if (LookThrough.same(r.input(0), stream)) return r.input(1);
        if (LookThrough.same(r.input(1), stream)) return r.input(0);
        return null;
    }

    /** The operand through which residual {@code r} reads {@code stream}. */
    private static Value streamOperand(Node r, Value stream) {
        return LookThrough.same(r.input(0), stream) ? r.input(0) : r.input(1);
    }

    Block match(Node attentionResidual) {
        Value attentionOut = otherOperand(attentionResidual, input);
        Set<Node> attentionBranch = intersect(downstream, Reach.ancestors(attentionOut));
        AttentionMatcher matcher = new AttentionMatcher(number, attentionBranch, attentionResidual);
        if (keyValueSource != null) {
            matcher.withKeysAndValuesFrom(keyValueSource, intersect(Reach.descendants(keyValueSource), Reach.ancestors(attentionOut)));
        }
        Attention attention = matcher.match(attentionOut, input);

        NormPlacement placement;
        Norm attentionNorm = null;
        Norm ffnNorm = null;
        if (LookThrough.same(attention.input(), input)) {
            placement = NormPlacement.POST_LN;
        } else {
            Recognized<Norm> norm = NormPatterns.endingAt(attention.input(), input);
            if (!norm.found()) {
                throw fail("expected the attention projections to read the block input '" + input.name()
                        + "' (post-LN) or a norm of it (pre-LN), but they read '" + attention.input().name() + "' from "
                        + PatternMatcher.source(attention.input()) + ": " + norm.whyNot());
            }
            placement = NormPlacement.PRE_LN;
            attentionNorm = norm.value();
        }

        Continuation afterAttention = after(attentionResidual, placement, false);
        if (placement == NormPlacement.POST_LN) attentionNorm = afterAttention.postNorm;
        else ffnNorm = afterAttention.skipNorm;
        Value mid = afterAttention.stream;

        // a pre-LN skip norm passes the sum on as output 3 and the FFN reads its output 0: both are downstream
        Set<Node> midDownstream = Reach.descendants(mid.producer() != null && NormPatterns.isSkipNorm(mid.producer())
                ? mid.producer().outputs() : List.of(mid));
        Node ffnResidual = residualOf(mid, midDownstream);
        if (ffnResidual == null) {
            throw fail("expected an FFN residual Add adding to '" + mid.name() + "' (from " + PatternMatcher.source(mid)
                    + ") something computed from it, but its users are "
                    + mid.consumers().stream().map(Node::describe).toList());
        }
        Value ffnInput = mid;
        if (placement == NormPlacement.PRE_LN) {
            if (ffnNorm == null) ffnNorm = normAfter(mid, null);
            ffnInput = ffnNorm.output();
        }
        Value ffnOut = otherOperand(ffnResidual, mid);
        FeedForward ffn = new FeedForwardMatcher(number, ffnResidual).match(ffnInput, ffnOut);

        Continuation afterFfn = after(ffnResidual, placement, true);
        if (placement == NormPlacement.POST_LN) ffnNorm = afterFfn.postNorm;
        Value output = afterFfn.stream;

        Set<Node> attentionNodes = new HashSet<>(attentionBranch);
        Set<Node> ffnNodes = intersect(midDownstream, Reach.ancestors(ffnOut));
        if (placement == NormPlacement.PRE_LN) {
            attentionNodes.removeAll(attentionNorm.nodes());
            ffnNodes.removeAll(ffnNorm.nodes());
        }
        var graph = input.graph();
        attention = attention.completed(Reach.inGraphOrder(graph, attentionNodes), skipBias(attentionResidual));
        ffn = ffn.completed(Reach.inGraphOrder(graph, ffnNodes), skipBias(ffnResidual));
        return new Block(number, input, output, placement, attentionNorm, attention,
                new Residual(attentionResidual, streamOperand(attentionResidual, input), attentionOut), ffnNorm, ffn,
                new Residual(ffnResidual, streamOperand(ffnResidual, mid), ffnOut),
                blockNodes(output));
    }

    /**
     * What the residual stream continues with after {@code residual}: post-LN, the norm of the sum (a skip
     * norm is that norm); pre-LN, the sum itself, which a skip norm passes on as output 3 while its output 0
     * is the norm of the next part.
     */
    private record Continuation(Value stream, Norm postNorm, Norm skipNorm) {
    }

    private Continuation after(Node residual, NormPlacement placement, boolean endsBlock) {
        if (placement == NormPlacement.POST_LN) {
            Norm n = residual.is("Add") ? normAfter(residual.output(0), residual) : NormPatterns.ofSkipNode(residual);
            return new Continuation(n.output(), n, null);
        }
        if (residual.is("Add")) return new Continuation(residual.output(0), null, null);
        if (endsBlock) {
            throw fail("the FFN residual is fused with the next norm in " + residual.describe()
                    + " (chained skip norms), so the block does not end in one residual-stream value; "
                    + "un-fuse that skip norm into an Add and a norm first");
        }
        return new Continuation(skipSum(residual), null, NormPatterns.ofSkipNode(residual));
    }

    private Norm normAfter(Value sum, Node residual) {
        Recognized<Norm> norm = NormPatterns.startingAt(sum);
        if (norm.found()) return norm.value();
        String what = residual == null ? "the FFN input '" + sum.name() + "' (pre-LN)"
                : "the residual " + residual.describe() + " (post-LN)";
        throw fail("expected a norm after " + what + ", but " + norm.whyNot());
    }

    /** Output 3 of a pre-LN skip norm: the residual sum the stream continues with. */
    private Value skipSum(Node skip) {
        if (skip.outputs().size() < 4 || !skip.output(3).hasUses()) {
            throw fail("expected the pre-LN skip norm " + skip.describe() + " to pass the residual sum on as its output 3, "
                    + "but it has no such output in use");
        }
        return skip.output(3);
    }

    /** The bias input of a skip norm (added to its first input), or null. */
    private static Value skipBias(Node residual) {
        if (residual.is("Add")) return null;
        return residual.opType().equals("SkipLayerNormalization") ? residual.input(4) : residual.input(3);
    }

    /**
     * Nodes computed from the block input on the way to {@code output}, plus constants only they use, minus
     * nodes whose results are also used outside (shared work such as a mask computed from the first
     * block's input).
     */
    private List<Node> blockNodes(Value output) {
        Set<Node> s = intersect(downstream, Reach.ancestors(output));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Node n : new ArrayList<>(s)) {
                for (Value in : n.inputs()) {
                    Node p = in == null ? null : in.producer();
                    if (p != null && !s.contains(p) && p.inputs().stream().allMatch(v -> v == null || Constants.isConstant(v))
                            && usedOnlyBy(p, s)) {
                        s.add(p);
                        changed = true;
                    }
                }
                if (n != output.producer() && !usedOnlyBy(n, s)) {
                    s.remove(n);
                    changed = true;
                }
            }
        }
        return Reach.inGraphOrder(input.graph(), s);
    }

    private static boolean usedOnlyBy(Node n, Set<Node> s) {
        for (Value o : n.outputs()) for (Node c : o.consumers()) if (!s.contains(c)) return false;
        return true;
    }

    static Set<Node> intersect(Set<Node> a, Set<Node> b) {
        Set<Node> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }
}
