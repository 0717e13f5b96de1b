package org.strata.onnx.structure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.Value;

/**
 * Discovers a {@link TransformerStructure}: finds the residual stream where the first attention's output
 * rejoins it, walks it block by block ({@link BlockMatcher}) until the stream has no residual Add any more,
 * then describes what comes before (embeddings, attention mask) and after (final norm, head). Uses op types
 * and topology only, never names.
 */
final class StructureDiscovery {
    private final Graph graph;

    StructureDiscovery(Graph graph) {
        this.graph = graph;
    }

    TransformerStructure discover() {
        List<Node> order = graph.topologicalOrder();
        Value first = firstBlockInput(order);
        List<Block> blocks = new ArrayList<>();
        Value x = first;
        for (int number = 1; number <= order.size(); number++) {
            Set<Node> downstream = Reach.descendants(x);
            Node residual = BlockMatcher.residualOf(x, downstream);
            Block b;
            if (residual != null) {
                b = new BlockMatcher(number, x, downstream).match(residual);
            } else {
                b = number == 1 ? null : afterTokenReduction(number, x, downstream, order);
                if (b == null) break;
            }
            blocks.add(b);
            x = b.output();
        }
        if (blocks.isEmpty()) {
            throw new StructureException("block 1: expected the residual stream value '" + first.name()
                    + "' (where the first attention's residual Add adds) to be used by that residual Add, but its users are "
                    + first.consumers().stream().map(Node::describe).toList());
        }
        Set<Node> before = Reach.ancestors(first);
        for (Node n : before) {
            if (n.is("MatMul") && !Constants.isConstant(n.input(0)) && !Constants.isConstant(n.input(1))) {
                // attention-like work before the first recognised block: a block 1 whose Softmax is missing
                throw AttentionMatcher.missingCore(1, before, first, null);
            }
        }
        int hidden = (int) blocks.get(0).attention().o().outFeatures();
        Embeddings embeddings = embeddings(first, before, hidden);
        AttentionMask mask = attentionMask(blocks, embeddings);
        boolean causal = blocks.stream().anyMatch(b -> b.attention().causal());
        ModelFamily family = embeddings.patches() != null ? ModelFamily.VISION
                : causal ? ModelFamily.DECODER : ModelFamily.ENCODER;
        Value last = blocks.get(blocks.size() - 1).output();
        Norm finalNorm = NormPatterns.startingAt(last).value();
        OutputHead head = head(last, finalNorm, family, embeddings);
        return new TransformerStructure(family, hidden, embeddings, blocks, mask, finalNorm, head);
    }

    /**
     * The next block when the stream does not go on into one directly but through a token reduction (tokens.drop,
     * merge or pool: Gather/GatherElements/MatMul of the stream after a block, whose result the next block reads):
     * the first value computed from {@code x}, in graph order, that is the input of a recognisable block. Its
     * attention's keys and values may still read {@code x} (the next block attending to every token while its queries
     * run on the kept ones). Null when there is none (the stream reaches the head), so graphs without a reduction are
     * discovered as before.
     */
    private static Block afterTokenReduction(int number, Value x, Set<Node> downstream, List<Node> order) {
        for (Node n : order) {
            if (!downstream.contains(n) || !(n.is("Add") || NormPatterns.isSkipNorm(n))) continue;
            for (int i = 0; i < 2; i++) {
                Value y = n.input(i);
                Value other = n.input(1 - i);
                if (y == null || other == null || y == x || !Reach.producedIn(y, downstream)) continue;
                Set<Node> below = Reach.descendants(y);
                if (!Reach.producedIn(other, below) || BlockMatcher.residualOf(y, below) != n) continue;
                try {
                    return new BlockMatcher(number, y, below, x).match(n);
                } catch (StructureException e) {
                    return null; // not a block after all: the stream ends at x as it would without this look
                }
            }
        }
        return null;
    }

    /** The residual-stream value the first attention's residual Add adds to. */
    private static Value firstBlockInput(List<Node> order) {
        for (Node core : order) {
            if (!AttentionMatcher.isAttentionCore(core)) continue;
            Set<Node> after = Reach.descendants(core.output(0));
            for (Node n : order) {
                if (!after.contains(n) || !(n.is("Add") || NormPatterns.isSkipNorm(n))) continue;
                for (int i = 0; i < 2; i++) {
                    Value in = n.input(i);
                    if (in != null && !Constants.isConstant(in) && in.producer() != core
                            && (in.producer() == null || !after.contains(in.producer()))) {
                        return LookThrough.source(in); // the stream itself, not a quantize/dequantize copy of it
                    }
                }
            }
            throw new StructureException("found the attention " + core.describe() + ", but its output never rejoins a "
                    + "residual stream: no Add after it adds a value computed before it");
        }
        throw new StructureException("found no attention: no Softmax over the product of two run-time values and no fused "
                + "attention node; the graph's ops are " + histogram(order));
    }

    private static String histogram(List<Node> nodes) {
        java.util.Map<String, Integer> ops = new java.util.TreeMap<>();
        for (Node n : nodes) ops.merge(GraphPattern.Op.qualifiedType(n), 1, Integer::sum);
        return ops.toString();
    }

    // ---- before the first block -----------------------------------------------------------------------

    private Embeddings embeddings(Value output, Set<Node> before, int hidden) {
        List<Node> nodes = Reach.inGraphOrder(graph, before);
        Value tokens = null;
        Value positions = null;
        Value types = null;
        Projection patches = null;
        Value classToken = null;
        Norm norm = null;
        List<Gather> byInput = new ArrayList<>();
        for (Node n : nodes) {
            if (n.is("com.microsoft", "EmbedLayerNormalization")) {
                tokens = n.input(2);
                positions = n.input(3);
                types = n.input(4);
                norm = new Norm(NormKind.LAYER_NORM, true, null, n.output(0), n.input(5), n.input(6),
                        n.attrFloat("epsilon", 1e-12f), List.of(n));
            } else if (n.is("Gather") && table(n.input(0)) != null) {
                if (realInputBehind(n.input(1)) != null) byInput.add(new Gather(n, table(n.input(0)).dims()[0]));
                else if (positions == null) positions = n.input(0);
            } else if (n.is("Conv") && realInputBehind(n.input(0)) != null && Constants.tensor(n.input(1)) != null) {
                long[] w = Constants.tensor(n.input(1)).dims();
                long in = 1;
                for (int i = 1; i < w.length; i++) in *= w[i];
                patches = new Projection(n, List.of(n), n.input(0), n.output(0), n.input(1), n.input(2), in, w[0], true,
                        Quantization.NONE);
            } else if (n.is("Concat")) {
                for (Value in : n.inputs()) if (classToken == null) classToken = hiddenWideConstant(in, hidden);
            } else if (n.is("Add") && positions == null) {
                for (Value in : n.inputs()) if (positions == null) positions = hiddenWideConstant(in, hidden);
            }
        }
        byInput.sort((a, b) -> Long.compare(b.rows, a.rows));
        for (Gather g : byInput) {
            if (tokens == null) tokens = g.node.input(0);
            else if (g.rows <= 16 && types == null) types = g.node.input(0);
            else if (positions == null) positions = g.node.input(0);
        }
        if (norm == null) norm = NormPatterns.endingAt(output, null).value();
        Set<Value> inputs = new LinkedHashSet<>();
        for (Value in : graph.realInputs()) {
            for (Node c : in.consumers()) if (before.contains(c)) inputs.add(in);
        }
        return new Embeddings(tokens, positions, types, patches, classToken, norm, output, new ArrayList<>(inputs), nodes);
    }

    private record Gather(Node node, long rows) {
    }

    /** A constant 2-D table, or null. */
    private static Tensor table(Value v) {
        Tensor t = Constants.tensor(v);
        return t != null && t.rank() == 2 ? t : null;
    }

    /** The model input {@code v} is (through Cast/Identity), or null. */
    private static Value realInputBehind(Value v) {
        while (v != null && v.producer() != null && (v.producer().is("Cast") || v.producer().is("Identity"))) {
            v = v.producer().input(0);
        }
        return v != null && v.isGraphInput() && !v.isInitializer() ? v : null;
    }

    /** A float table of rank 2 or more whose rows are {@code hidden} wide behind {@code v} (class token, positions), or null. */
    private static Value hiddenWideConstant(Value v, int hidden) {
        Value c = constantBehind(v);
        Tensor t = c == null ? null : Constants.tensor(c);
        return t != null && t.type().isFloatingPoint() && t.rank() >= 2 && t.dims()[t.rank() - 1] == hidden ? c : null;
    }

    /** The constant {@code v} is, or is an Expand/Tile/Slice/Cast of; null otherwise. */
    private static Value constantBehind(Value v) {
        for (int hops = 0; v != null && hops < 4; hops++) {
            if (Constants.isConstant(v)) return v;
            Node p = v.producer();
            if (p == null || !(p.is("Expand") || p.is("Tile") || p.is("Slice") || p.is("Cast") || p.is("Identity"))) {
                return null;
            }
            v = p.input(0);
        }
        return null;
    }

    // ---- the mask -------------------------------------------------------------------------------------

    private AttentionMask attentionMask(List<Block> blocks, Embeddings embeddings) {
        boolean causal = blocks.stream().anyMatch(b -> b.attention().causal());
        List<Value> masks = new ArrayList<>();
        for (Block b : blocks) masks.addAll(b.attention().masks());
        if (masks.isEmpty() && !causal) return null;
        Set<Node> exclude = new HashSet<>(embeddings.nodes());
        for (Block b : blocks) exclude.addAll(b.nodes());
        Set<Node> path = Reach.ancestors(masks);
        path.removeAll(exclude);
        Set<Node> embeddingReaders = new HashSet<>(embeddings.nodes());
        Value input = null;
        for (Value m : masks) {
            Node p = m.producer();
            // ORT's fused BERT embeddings turn the mask input into the attention's mask_index (output 1)
            if (input == null && p != null && p.is(Node.MS_DOMAIN, "EmbedLayerNormalization") && m == p.output(1)) {
                input = realInputBehind(p.input(7));
            }
        }
        for (Node n : Reach.inGraphOrder(graph, path)) {
            for (Value in : n.inputs()) {
                if (input == null && realInputBehind(in) == in && in != null
                        && in.consumers().stream().noneMatch(embeddingReaders::contains)) {
                    input = in;
                }
            }
        }
        return new AttentionMask(input, blocks.get(0).attention().masks(), causal, Reach.inGraphOrder(graph, path));
    }

    // ---- after the last block -------------------------------------------------------------------------

    private OutputHead head(Value last, Norm finalNorm, ModelFamily family, Embeddings embeddings) {
        Set<Node> after = Reach.descendants(last);
        Value hidden = finalNorm != null ? finalNorm.output() : last;
        Set<Node> toOutputs = Reach.ancestors(graph.outputs());
        Projection projection = null;
        for (Node n : Reach.inGraphOrder(graph, after)) {
            if (projection == null && toOutputs.contains(n) && ProjectionPatterns.isCore(n)) projection = ProjectionPatterns.fromCore(n);
        }
        HeadKind kind = HeadKind.HIDDEN_STATES;
        if (projection != null) {
            Tensor tokens = embeddings.tokens() == null ? null : Constants.tensor(embeddings.tokens());
            boolean tanh = projection.output().consumers().stream().anyMatch(c -> c.is("Tanh"));
            if (tanh) kind = HeadKind.POOLER;
            else if (family == ModelFamily.DECODER || tokens != null && projection.outFeatures() == tokens.dims()[0]) {
                kind = HeadKind.LM_HEAD;
            } else {
                kind = HeadKind.CLASSIFIER;
            }
        }
        return new OutputHead(kind, hidden, projection, graph.outputs(), Reach.inGraphOrder(graph, after));
    }
}
