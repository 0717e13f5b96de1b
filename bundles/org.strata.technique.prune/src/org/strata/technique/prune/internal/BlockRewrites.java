package org.strata.technique.prune.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.strata.core.TechniqueException;
import org.strata.core.analysis.ProjectionWeights;
import org.strata.onnx.Attribute;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Attention;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.FeedForward;
import org.strata.onnx.structure.Projection;
import org.strata.technique.prune.internal.AxisWalk.Carry;
import org.strata.technique.prune.internal.AxisWalk.Kind;
import org.strata.technique.prune.internal.AxisWalk.QkvParts;

/**
 * Plans the structured pruning of one block: which columns of the projections producing the units and which
 * rows of the projection consuming them stay, and (through {@link AxisWalk}) everything between them that
 * names the unit count. Nothing is edited until {@link RewritePlan#apply}.
 *
 * <p>Attention heads are pruned by key/value group: a group is one key/value head and the {@code heads /
 * kvHeads} query heads that read it (a single head when every head has its own keys and values). Removing a
 * whole group keeps grouped-query attention's repeat pattern intact and shrinks K and V as well as Q; keeping
 * the keys and values while removing only some query heads of a group would leave unequal groups, which the
 * repeat (Expand + Reshape) cannot express.
 */
final class BlockRewrites {
    private final RewritePlan plan;
    private final ShapeFacts facts;

    BlockRewrites(RewritePlan plan, ShapeFacts facts) {
        this.plan = plan;
        this.facts = facts;
    }

    /**
     * Keeps the key/value groups {@code keepGroups} (0-based, ascending, at least one) of block {@code b}.
     *
     * @throws TechniqueException when the attention cannot be rewritten (the node and the reason named)
     */
    void heads(Block b, int[] keepGroups) {
        Attention a = b.attention();
        String where = "the attention of block " + b.number();
        int heads = a.heads(), kv = a.kvHeads(), d = a.headSize();
        int[] keepQ = TensorSlices.expand(keepGroups, heads / kv, 0);
        int[] qCols = TensorSlices.expand(keepQ, d, 0);
        int[] kvCols = TensorSlices.expand(keepGroups, d, 0);
        int[] qkvCols = TensorSlices.concat(qCols, TensorSlices.expand(keepGroups, d, heads * d),
                TensorSlices.expand(keepGroups, d, heads * d + kv * d));
        Node core = a.core();
        Set<Node> region = identitySet(a.nodes());
        Set<Node> sinks = a.fused() ? identitySet(List.of(core)) : Set.of();
        QkvParts parts = new QkvParts(heads, kv, d, keepQ, keepGroups);
        AxisWalk walk = new AxisWalk(where, region, identitySet(a.o().nodes()), sinks, heads, parts, plan, facts);
        switch (a.layout()) {
            case SEPARATE -> {
                outputs(a.q(), qCols);
                outputs(a.k(), kvCols);
                outputs(a.v(), kvCols);
                walk.start(a.q().output(), Carry.packed(walk.rankOr(a.q().output(), 3), heads, d, keepQ));
                walk.start(a.k().output(), Carry.packed(walk.rankOr(a.k().output(), 3), kv, d, keepGroups));
                walk.start(a.v().output(), Carry.packed(walk.rankOr(a.v().output(), 3), kv, d, keepGroups));
            }
            case SPLIT, SLICE, GATHER, FUSED_NODE -> {
                outputs(a.qkv(), qkvCols);
                if (a.qkv().output() != null) {
                    int r = walk.rankOr(a.qkv().output(), 3);
                    walk.start(a.qkv().output(), new Carry(Kind.QKV, r, r - 1, heads, d, keepQ, -1, 0));
                }
            }
        }
        if (a.fused()) {
            fusedCore(where, core, parts, qkvCols);
            walk.start(core.output(0), Carry.packed(walk.rankOr(core.output(0), 3), heads, d, keepQ));
        }
        inputs(a.o(), qCols);
        walk.run();
    }

    /** The attributes and per-head inputs of a fused attention node. */
    private void fusedCore(String where, Node core, QkvParts p, int[] qkvCols) {
        String op = core.domain().isEmpty() ? core.opType() : core.domain() + "::" + core.opType();
        long newHeads = p.keepQ().length;
        long newKv = p.keepKv().length;
        for (int k = 1; k < core.outputs().size(); k++) {
            if (core.output(k).hasUses() || core.output(k).isGraphOutput()) {
                throw new TechniqueException(where + ": " + core.describe() + " returns its keys and values (a cache) as"
                        + " output " + k + "; their shape would change: prune a model exported without a key/value cache");
            }
        }
        switch (op) {
            case "com.microsoft::Attention" -> {
                refuseInput(where, core, 4, "a past key/value state");
                plan.attribute(core, Attribute.of("num_heads", newHeads));
                if (core.attrInts("qkv_hidden_sizes") != null) {
                    plan.attribute(core, Attribute.ofInts("qkv_hidden_sizes", p.newQ(), p.newKv(), p.newKv()));
                }
                perHeadInput(where, core, 5, p);
            }
            case "com.microsoft::MultiHeadAttention" -> {
                refuseInput(where, core, 6, "a past key");
                refuseInput(where, core, 7, "a past value");
                plan.attribute(core, Attribute.of("num_heads", newHeads));
                if (core.inputs().size() > 3 && core.input(3) != null) {
                    plan.slice(core, 3, 0, qkvCols, p.q() + 2 * p.kv());
                }
                perHeadInput(where, core, 5, p);
            }
            case "com.microsoft::GroupQueryAttention" -> {
                refuseInput(where, core, 3, "a past key");
                refuseInput(where, core, 4, "a past value");
                plan.attribute(core, Attribute.of("num_heads", newHeads));
                plan.attribute(core, Attribute.of("kv_num_heads", newKv));
            }
            case "Attention" -> {
                refuseInput(where, core, 4, "a past key");
                refuseInput(where, core, 5, "a past value");
                if (core.hasAttribute("q_num_heads")) plan.attribute(core, Attribute.of("q_num_heads", newHeads));
                if (core.hasAttribute("kv_num_heads")) plan.attribute(core, Attribute.of("kv_num_heads", newKv));
                perHeadInput(where, core, 3, p);
            }
            default -> throw new TechniqueException(where + ": cannot prune the heads of " + core.describe());
        }
    }

    private static void refuseInput(String where, Node core, int input, String what) {
        if (core.inputs().size() > input && core.input(input) != null) {
            throw new TechniqueException(where + ": " + core.describe() + " reads " + what + " (input " + input
                    + "), whose shape depends on the head count; prune a model exported without a key/value cache");
        }
    }

    /** An attention bias or mask input [batch, heads, query, key]: sliced when constant and per head. */
    private void perHeadInput(String where, Node core, int input, QkvParts p) {
        if (core.inputs().size() <= input || core.input(input) == null) return;
        Value v = core.input(input);
        Tensor t = ProjectionWeights.constant(v);
        if (t != null) {
            if (t.rank() == 4 && t.dims()[1] == p.heads() && p.heads() > 1) plan.slice(core, input, 1, p.keepQ(), p.heads());
            return;
        }
        if (facts.rank(v) == 4 && facts.dim(v, 1) == p.heads() && p.heads() > 1) {
            throw new TechniqueException(where + ": " + core.describe() + " reads a per-head bias '" + v.name()
                    + "' computed at run time; it cannot be pruned with the heads");
        }
    }

    /**
     * Keeps the FFN neurons {@code keep} (0-based, ascending, at least one) of block {@code b}.
     *
     * @throws TechniqueException when the FFN cannot be rewritten
     */
    void neurons(Block b, int[] keep) {
        FeedForward f = b.ffn();
        int width = (int) f.intermediateSize();
        Set<Node> region = identitySet(f.nodes());
        region.addAll(f.activationNodes());
        AxisWalk walk = new AxisWalk("the FFN of block " + b.number(), region, identitySet(f.down().nodes()), Set.of(), width,
                null, plan, facts);
        outputs(f.up(), keep);
        walk.start(f.up().output(), Carry.packed(walk.rankOr(f.up().output(), 3), width, 1, keep));
        if (f.gate() != null) {
            outputs(f.gate(), keep);
            walk.start(f.gate().output(), Carry.packed(walk.rankOr(f.gate().output(), 3), width, 1, keep));
        }
        inputs(f.down(), keep);
        walk.run();
    }

    /**
     * Puts the mean contribution of removed input features back as bias: {@code Σ_r mean[r] · W[r, :]} over the
     * removed rows {@code removed} of the consuming projection {@code p} (bias compensation, FLAP).
     */
    void compensate(Projection p, double[] mean, int[] removed) {
        ProjectionWeights w = ProjectionWeights.of(p);
        float[] m = w.matrix();
        int out = w.out();
        double[] delta = new double[out];
        for (int r : removed) {
            double a = mean[r];
            if (a == 0) continue;
            for (int c = 0; c < out; c++) delta[c] += a * m[r * out + c];
        }
        float[] f = new float[out];
        for (int c = 0; c < out; c++) f[c] = (float) delta[c];
        plan.addToBias(p, f);
    }

    /** Applies a least-squares refit of {@code p}'s weight and bias ({@link Surgeon}); the removed rows go with the slice. */
    void refit(Projection p, Surgeon.Surgery surgery) {
        plan.addToWeight(p, surgery.weightDelta());
        plan.addToBias(p, surgery.biasDelta());
    }

    /** Keeps the output features {@code cols} of {@code p}: weight columns, bias entries, the width of a Gemm's un-flatten. */
    void outputs(Projection p, int[] cols) {
        ProjectionWeights w = ProjectionWeights.of(p);
        Set<Node> own = identitySet(p.nodes());
        sliceUses(p, p.weight(), own, w.storedOutIn() ? 0 : 1, cols, p.outFeatures());
        if (p.bias() != null) {
            Tensor t = ProjectionWeights.constant(p.bias());
            if (t == null) throw new TechniqueException("the bias '" + p.bias().name() + "' of " + p.node().describe() + " is not a constant");
            for (Value.Use u : p.bias().uses()) {
                if (own.contains(u.node())) plan.slice(u.node(), u.index(), t.rank() - 1, cols, p.outFeatures());
            }
        }
        for (Node n : p.nodes()) {
            if (n.is("Reshape") && n.input(0) != p.input()) {
                long[] e = plan.vectors().read(n.input(1));
                if (e != null && e.length > 0 && e[e.length - 1] == p.outFeatures()) plan.entry(n, 1, e.length - 1, cols.length);
            }
        }
    }

    /** Keeps the input features {@code rows} of {@code p}: weight rows and the width of a Gemm's flatten. */
    void inputs(Projection p, int[] rows) {
        ProjectionWeights w = ProjectionWeights.of(p);
        sliceUses(p, p.weight(), identitySet(p.nodes()), w.storedOutIn() ? 1 : 0, rows, p.inFeatures());
        for (Node n : p.nodes()) {
            if (n.is("Reshape") && n.input(0) == p.input()) {
                long[] e = plan.vectors().read(n.input(1));
                if (e != null && e.length > 0 && e[e.length - 1] == p.inFeatures()) plan.entry(n, 1, e.length - 1, rows.length);
            }
        }
    }

    private void sliceUses(Projection p, Value weight, Set<Node> own, int axis, int[] keep, long size) {
        boolean any = false;
        for (Value.Use u : weight.uses()) {
            if (own.contains(u.node())) {
                plan.slice(u.node(), u.index(), axis, keep, size);
                any = true;
            }
        }
        if (!any) throw new TechniqueException("no node of " + p.node().describe() + " reads its weight '" + weight.name() + "'");
    }

    static Set<Node> identitySet(java.util.Collection<Node> nodes) {
        Set<Node> s = Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(nodes);
        return s;
    }
}
