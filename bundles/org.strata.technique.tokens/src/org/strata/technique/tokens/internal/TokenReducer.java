package org.strata.technique.tokens.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueException;
import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Reachability;
import org.strata.onnx.Shape;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;

/**
 * Writes a token reduction into the graph: the stages of a {@link Plan} after their blocks, the attention bias
 * of every later block, and the way back to the full sequence at the output. Shared by {@code tokens.drop},
 * {@code tokens.merge} and {@code tokens.pool}.
 *
 * <ol>
 * <li>Everything is checked first ({@link ReductionSite}); nothing is edited before the plan is known to fit.</li>
 * <li>Sizes start as the padding mask (1 for a real token, 0 for padding; all 1 without a mask).</li>
 * <li>Each stage reads the stream after its block and the current sizes, and every reader of that stream (the
 * next block) reads the reduced stream instead.</li>
 * <li>Every later block's attention takes a bias over the slots instead of the padding mask: 0 (or log size with
 * proportional attention) for a slot in use, −10³⁰ for an empty one. Without a mask, an Add before the Softmax
 * carries it.</li>
 * <li>With {@code next-block-keys=all}, the block right after a reduction keeps its keys and values (and their bias) on
 * the stream before it, and only its queries and the rest of it read the reduced stream ({@link NextBlockAttention});
 * the bias of the reduced stream starts one block later.</li>
 * <li>At the end, unless the reduced sequence is wanted: stage by stage backwards, every position takes its
 * slot's output (a Gather of its rows), or — a dropped token rejoining — keeps the stream it left with (Where). The
 * output keeps its shape [batch, sequence, hidden]. With {@code output=reduced}, the hidden-state output is the
 * reduced sequence and a second output {@code token_weights} [batch, slots] gives each slot's size.</li>
 * </ol>
 */
final class TokenReducer {
    static final String WEIGHTS_OUTPUT = "token_weights";
    static final String REDUCED_DIM = "reduced_sequence";
    /** The bias of an empty slot: far below any score, and finite so that adding it to a masked score stays finite. */
    static final float EMPTY = -1e30f;

    enum OutputMode implements TokenParameters.Choice {
        FULL, REDUCED
    }

    /** What the keys and values of the block right after a reduction read. */
    enum NextBlockKeys implements TokenParameters.Choice {
        /** Every token of the sequence before the reduction: only the queries (and the rest of the block) are reduced. */
        ALL,
        /** The kept tokens, like the later blocks. */
        KEPT
    }

    /**
     * @param stages                in order of their blocks; a block may have several (rounds of merging)
     * @param proportionalAttention add log(size) of each slot to the later attentions' scores
     * @param minTokens             the fewest tokens a row keeps after any stage (all of them when it has fewer)
     * @param nextBlockKeys         what the keys and values of the block after each reduction read
     */
    record Plan(List<ReductionStage> stages, boolean proportionalAttention, int minTokens, OutputMode output,
            NextBlockKeys nextBlockKeys, String method) {
        Plan {
            stages = List.copyOf(stages);
        }
    }

    private record Restore(Value stream, ReductionStage.Output out) {
    }

    private TokenReducer() {
    }

    static Change apply(String id, Model model, TechniqueContext context, Plan plan) {
        TransformerStructure s = context.structure();
        ReductionSite site = ReductionSite.of(id, model, s);
        int previous = 0;
        double previousKeep = 1;
        for (ReductionStage stage : plan.stages()) {
            site.checkBlock(stage.block(), "block");
            if (stage.block() < previous) {
                throw new TechniqueException(id + ": the blocks must be in increasing order, but block " + stage.block()
                        + " comes after block " + previous);
            }
            if (stage.keep() <= 0 || stage.keep() > 1) {
                throw new TechniqueException(id + ": a keep ratio must be above 0 and at most 1, but one stage keeps "
                        + stage.keep());
            }
            if (stage.keep() > previousKeep + 1e-12) {
                throw new TechniqueException(id + ": each stage keeps at most what the one before kept, but after block "
                        + stage.block() + " the keep ratio " + stage.keep() + " exceeds " + previousKeep);
            }
            previous = stage.block();
            previousKeep = stage.keep();
        }
        site.checkReducedRegion(plan.stages().get(0).block());
        boolean fullKeys = plan.nextBlockKeys() == NextBlockKeys.ALL;
        Map<Integer, NextBlockAttention> next = new HashMap<>();
        for (ReductionStage stage : plan.stages()) {
            NextBlockAttention n = next.computeIfAbsent(stage.block() + 1, k -> new NextBlockAttention(id, s.block(k), fullKeys));
            if (fullKeys) n.checkKeysCanStayFull();
        }
        context.monitor().checkCanceled();

        Graph g = model.graph();
        Set<Node> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(g.nodes());
        OpBuilder b = new OpBuilder(model, id);
        Value last = site.lastOutput();
        List<Value.Use> lastUses = last.uses();

        b.scope("sizes");
        Value size = site.maskInput() != null ? b.cast(b.cast(site.maskInput(), DataType.BOOL), DataType.FLOAT)
                : b.onesFloat(b.op("Slice", b.shape(s.block(1).input()), b.ints(0), b.ints(2), b.ints(0)));
        Value realTokens = b.reduce("ReduceSum", size, true, 1);
        Value minTokens = b.f(plan.minTokens());

        Map<Integer, List<ReductionSite.MaskUse>> biasUses = new HashMap<>();
        List<Restore> restores = new ArrayList<>();
        Value stream = null;
        int streamBlock = -1;
        int number = 0;
        for (ReductionStage stage : plan.stages()) {
            context.monitor().checkCanceled();
            number++;
            Block block = s.block(stage.block());
            Value x = stage.block() == streamBlock ? stream : block.output();
            List<Value.Use> readers = x.uses();
            Set<Node> beforeStage = Collections.newSetFromMap(new IdentityHashMap<>());
            beforeStage.addAll(g.nodes());
            NextBlockAttention following = next.get(stage.block() + 1);
            b.scope("stage" + number);
            ReductionStage.Output out = stage.reduce(b, new ReductionStage.Input(block, following, x, size, realTokens, minTokens));
            if (fullKeys && x == block.output()) {
                following.keepKeysAndValues(b, x, out.stream(), readers, beforeStage);
            } else {
                for (Value.Use u : readers) u.node().setInput(u.index(), out.stream());
            }
            Value bias = bias(b, out.size(), plan.proportionalAttention());
            for (Block later : s.blocks()) {
                // with full keys, the next block attends to the stream before this block's reductions and keeps its bias
                if (later.number() <= stage.block() || fullKeys && later.number() == stage.block() + 1) continue;
                for (ReductionSite.MaskUse use : biasUses.computeIfAbsent(later.number(), n -> biasInputs(b, site, later))) {
                    use.node().setInput(use.index(), bias);
                }
            }
            restores.add(new Restore(x, out));
            size = out.size();
            stream = out.stream();
            streamBlock = stage.block();
        }

        b.scope("restore");
        if (plan.output() == OutputMode.FULL) {
            Value y = last;
            for (int i = restores.size() - 1; i >= 0; i--) {
                Restore r = restores.get(i);
                y = b.gatherRows(y, r.out().assign());
                if (r.out().kept() != null) y = b.where(b.unsqueeze(r.out().kept(), 2), y, r.stream());
            }
            for (Value.Use u : lastUses) u.node().setInput(u.index(), y);
            int at = g.outputs().indexOf(last);
            if (at >= 0) {
                String name = last.name();
                TensorType type = last.type();
                last.rename(g.uniqueName(name + "_reduced"));
                last.setType(null);
                y.rename(name);
                y.setType(type);
                g.setOutput(at, y);
            }
        } else {
            Set<Value> reduced = Reachability.downstreamValues(last);
            for (Value out : g.outputs()) {
                TensorType t = out.type();
                if (reduced.contains(out) && t != null && t.shape() != null && t.shape().rank() == 3) {
                    out.setType(new TensorType(t.elementType(), t.shape().withDim(1, Dim.of(REDUCED_DIM))));
                }
            }
            Value weights = b.op("Identity", size);
            weights.rename(g.uniqueName(WEIGHTS_OUTPUT));
            weights.setType(new TensorType(DataType.FLOAT, Shape.of(Dim.of("batch"), Dim.of(REDUCED_DIM))));
            g.addOutput(weights);
        }
        g.sortTopologically();

        int added = (int) g.nodes().stream().filter(n -> !before.contains(n)).count();
        List<Integer> touched = new ArrayList<>();
        for (Block blk : s.blocks()) if (blk.number() > plan.stages().get(0).block()) touched.add(blk.number());
        return new Change(summary(id, plan, s.blockCount()), added, 0, touched, details(plan, added, s.blockCount()),
                List.of(tokensPerBlock(plan, s.blockCount())));
    }

    /** Bias [B, 1, 1, R] from the slot sizes: log(size) or 0 for a slot in use, {@link #EMPTY} for an empty one. */
    private static Value bias(OpBuilder b, Value size, boolean proportional) {
        Value used = b.greater(size, b.f(0f));
        Value inUse = proportional ? b.op("Log", b.max(size, b.f(1e-30f))) : b.f(0f);
        return b.unsqueeze(b.where(used, inUse, b.f(EMPTY)), 1, 2);
    }

    /** Where block {@code later} takes the bias: its mask inputs, or a new Add before its Softmax. */
    private static List<ReductionSite.MaskUse> biasInputs(OpBuilder b, ReductionSite site, Block later) {
        List<ReductionSite.MaskUse> uses = site.maskUses(later.number());
        if (!uses.isEmpty()) return uses;
        Node softmax = later.attention().core();
        Value scores = softmax.input(0);
        Node add = b.node("Add", 1, List.of(), scores, scores);
        softmax.setInput(0, add.output(0));
        return List.of(new ReductionSite.MaskUse(add, 1));
    }

    /** The fraction of the real tokens each block runs on. */
    private static double[] fractions(Plan plan, int blocks) {
        double[] f = new double[blocks];
        for (int n = 1; n <= blocks; n++) {
            double keep = 1;
            for (ReductionStage st : plan.stages()) if (st.block() < n) keep = st.keep();
            f[n - 1] = keep;
        }
        return f;
    }

    private static String summary(String id, Plan plan, int blocks) {
        List<String> stages = new ArrayList<>();
        ReductionStage previous = null;
        for (ReductionStage st : plan.stages()) {
            if (previous != null && previous.block() == st.block()) stages.set(stages.size() - 1, st.describe() + " (in rounds)");
            else stages.add(st.describe());
            previous = st;
        }
        int from = plan.stages().get(0).block() + 1;
        String output = plan.output() == OutputMode.FULL
                ? "the output is restored to the full sequence" : "the output is the reduced sequence with " + WEIGHTS_OUTPUT;
        return id + ": " + String.join("; ", stages) + "; blocks " + from + "–" + blocks + " run on "
                + ReductionStage.percent(fractions(plan, blocks)[blocks - 1]) + " of the tokens at the end" + "; " + output;
    }

    private static Map<String, String> details(Plan plan, int added, int blocks) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("modified", "true");
        d.put("method", plan.method());
        d.put("stages", Integer.toString(plan.stages().size()));
        d.put("blocks", String.join(",", plan.stages().stream().map(st -> Integer.toString(st.block())).toList()));
        d.put("keep", String.join(",", plan.stages().stream().map(st -> String.format(java.util.Locale.ROOT, "%.4f", st.keep())).toList()));
        d.put("proportional-attention", Boolean.toString(plan.proportionalAttention()));
        d.put("next-block-keys", plan.nextBlockKeys().id());
        d.put("min-tokens", Integer.toString(plan.minTokens()));
        d.put("output", plan.output().id());
        d.put("nodes-added", Integer.toString(added));
        double[] f = fractions(plan, blocks);
        double work = 0;
        for (double v : f) work += v;
        d.put("block-token-fraction", String.format(java.util.Locale.ROOT, "%.4f", work / blocks));
        return d;
    }

    private static AnalysisTable tokensPerBlock(Plan plan, int blocks) {
        List<String> rows = new ArrayList<>();
        for (int n = 1; n <= blocks; n++) rows.add("block " + n);
        return AnalysisTable.bars("tokens-per-block", "Share of the real tokens each block runs on", rows, "tokens",
                fractions(plan, blocks), "fraction",
                "1 before the first reduction; each stage then keeps its ratio of the real tokens of a row (at least 1).");
    }
}
