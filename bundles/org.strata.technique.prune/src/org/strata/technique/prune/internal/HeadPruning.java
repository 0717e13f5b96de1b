package org.strata.technique.prune.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;
import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueException;
import org.strata.core.analysis.HeadImportance;
import org.strata.core.analysis.ProjectionWeights;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Reachability;
import org.strata.onnx.structure.Attention;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.TransformerStructure;

/**
 * {@code prune.heads}: structured removal of attention heads without retraining, after Michel et al., "Are
 * Sixteen Heads Really Better than One?" (NeurIPS 2019), with {@link HeadImportance} (the norm of what each
 * head adds to the block output, measured on the calibration split) in place of their gradient-based score.
 *
 * <p>Rules:
 * <ol>
 * <li>Heads are chosen by {@code criterion}: obs (the default; {@link Surgeon}: the output projection's input, the
 * heads' concatenated context, is measured on the calibration split, the heads removed one key/value group at a
 * time, each the group the others can best make up, and the output projection's remaining rows and bias refitted
 * by least squares), the fluctuation of what they add to the block output around its mean (FLAP, An et al.,
 * "Fluctuation-based Adaptive Structured Pruning for Large Language Models", AAAI 2024), or its mean magnitude.
 * How many go per block is decided by the fluctuation scores (so {@code global} works with obs too). With
 * {@code compensate} (fluctuation, magnitude) the removed heads' mean contribution goes into the output
 * projection's bias (one is added when there is none), so only the fluctuation is lost. Listed heads are
 * removed exactly, with the obs refit unless another criterion is set.</li>
 * <li>The heads to remove are the least important {@code fraction} of every block (rounded; at least one head
 * stays), or with {@code global} the least important {@code fraction} of all heads ranked together (scores
 * divided by the residual stream's size at the block, at least one head per block), or exactly the {@code heads}
 * listed as {@code block:head} (both from 1). {@code blocks} limits the first two to some blocks.</li>
 * <li>With grouped-query attention the unit is a key/value group: a key/value head and the query heads sharing
 * it, scored as the sum of theirs; a listed head removes its group only when every head of the group is listed.</li>
 * <li>The Q, K and V projections lose the weight columns and bias entries of the removed heads (the fused QKV
 * weight, packed or split by Split/Slice/Gather, the same per part), the output projection the matching weight
 * rows; head counts and widths in the Reshape/Expand targets between them (constants, or constant parts of a
 * Concat), the Split sizes or Slice bounds of a fused QKV, per-head constants, and {@code num_heads} /
 * {@code kv_num_heads} / {@code qkv_hidden_sizes} of com.microsoft Attention, MultiHeadAttention and
 * GroupQueryAttention follow ({@link AxisWalk}).</li>
 * <li>Without compensation, removing a head is exactly zeroing its rows of the output projection: nothing else
 * in the block depends on it. Quantized projections, key/value caches and graphs whose blocks are not recognised are refused before
 * anything changes.</li>
 * </ol>
 */
@Component(service = Technique.class)
public final class HeadPruning implements Technique {
    public static final String ID = "prune.heads";
    static final String HEADS = "heads";
    private static final PruningSteps.CommonParameters COMMON = PruningSteps.CommonParameters.of("heads", "attention",
            "output projection", "how much what the head adds varies around its mean", "the mean size of what it adds");

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Attention head pruning", "prune",
            "removes the least important attention heads (measured on calibration text) and shrinks Q, K, V and the output projection",
            false,
            List.of(COMMON.fraction(), COMMON.global(),
                    ParameterSpec.textList(HEADS, List.of(), List.of(), "exact heads to remove as block:head, both from 1 "
                            + "(e.g. 1:3,2:7); when given, fraction and global are not used"),
                    COMMON.blocks(), COMMON.criterion(), COMMON.compensate(), COMMON.texts()),
            Set.of(GraphForm.PLAIN, GraphForm.FUSED), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        TransformerStructure s = PruningSteps.structure(context, ID);
        int n = s.blockCount();
        boolean[] chosen = PruningSteps.chosen(params.getIntList(PruningSteps.BLOCKS), n);
        List<String> listed = params.getStringList(HEADS);
        String leftOut = listed.isEmpty() ? leaveEntangledBlocks(s, chosen, !params.getIntList(PruningSteps.BLOCKS).isEmpty()) : null;
        if (leftOut != null) context.log(ID + ": " + leftOut);
        boolean compensate = params.getBoolean(PruningSteps.COMPENSATE);
        boolean obs = params.getString(PruningSteps.CRITERION).equals(PruningSteps.OBS);
        boolean fluctuation = obs || params.getString(PruningSteps.CRITERION).equals("fluctuation");
        int[][] keep = listed.isEmpty() ? null : explicit(s, listed);
        if (keep != null) {
            // the listed heads decide the blocks: a listed block after a token reduction is refused like a named one
            boolean[] touched = new boolean[n];
            for (Block b : s.blocks()) touched[b.number() - 1] = keep[b.number() - 1].length < b.attention().kvHeads();
            leaveEntangledBlocks(s, touched, true);
        }
        if (keep == null) PruningSteps.checkFraction(params.getDouble(PruningSteps.FRACTION), "attention heads");
        for (Block b : s.blocks()) {
            // refuse a quantized model before spending time on calibration
            for (var p : b.attention().inputProjections()) ProjectionWeights.of(p);
            ProjectionWeights.of(b.attention().o());
        }
        List<AnalysisTable> analyses = new ArrayList<>();
        HeadImportance importance = null;
        if (keep == null || (compensate && !obs)) {
            int texts = params.getInt(PruningSteps.TEXTS);
            context.monitor().subTask("measuring head importance on " + texts + " calibration texts");
            importance = context.statistics(HeadImportance.ID + "/" + texts,
                    () -> HeadImportance.measure(model, s, context.runner(), texts));
            analyses.add(importance.table(fluctuation));
        }
        if (keep == null) {
            double[][] scores = new double[n][];
            double[] scale = new double[n];
            for (int b = 1; b <= n; b++) {
                scores[b - 1] = fluctuation ? sqrt(importance.groupFluctuations(b)) : importance.groupScores(b);
                scale[b - 1] = importance.streamNorm(b);
            }
            double fraction = params.getDouble(PruningSteps.FRACTION);
            keep = params.getBoolean(PruningSteps.GLOBAL) ? Selection.global(scores, scale, fraction, chosen, 1)
                    : Selection.perBlock(scores, fraction, chosen, 1);
        }
        Map<Integer, Surgeon.Surgery> surgeries = new LinkedHashMap<>();
        if (obs) {
            List<Surgeries.Order> orders = new ArrayList<>();
            for (Block b : s.blocks()) {
                Attention a = b.attention();
                int[] k = keep[b.number() - 1];
                if (k.length == a.kvHeads()) continue;
                int[] gone = Selection.removed(k, a.kvHeads());
                orders.add(new Surgeries.Order(b.number(), a.o(), a.heads() / a.kvHeads() * a.headSize(), gone.length,
                        listed.isEmpty() ? null : gone));
            }
            if (!orders.isEmpty()) {
                Surgeries.Result done = Surgeries.perform(model, orders, params.getInt(PruningSteps.TEXTS), context,
                        "attention heads", "heads-refit");
                int[][] chosenKeep = keep;
                done.surgeries().forEach((b, surgery) -> chosenKeep[b - 1] = surgery.keptGroups());
                surgeries.putAll(done.surgeries());
                analyses.add(done.analysis());
            }
        }
        int[][] kept = keep;
        HeadImportance measured = importance;
        List<Block> touched = new ArrayList<>();
        int before = 0, after = 0;
        List<String> removed = new ArrayList<>();
        double[][] table = new double[n][];
        for (Block b : s.blocks()) {
            Attention a = b.attention();
            int rep = a.heads() / a.kvHeads();
            int[] k = keep[b.number() - 1];
            before += a.heads();
            after += k.length * rep;
            table[b.number() - 1] = new double[] {a.heads(), k.length * rep, a.kvHeads(), k.length};
            if (k.length < a.kvHeads()) {
                touched.add(b);
                for (int g : Selection.removed(k, a.kvHeads())) {
                    for (int j = 0; j < rep; j++) removed.add(b.number() + ":" + (g * rep + j + 1));
                }
            }
        }
        analyses.add(keptTable(s, table));
        if (touched.isEmpty()) {
            return new Change("no head removed: the fraction rounds to no head in any block", 0, 0, List.of(),
                    Map.of("modified", "false"), analyses);
        }
        PruningSteps.Counts counts = PruningSteps.rewrite(model, touched, r -> {
            for (Block b : touched) {
                Attention a = b.attention();
                int[] groups = kept[b.number() - 1];
                r.heads(b, groups);
                if (obs) {
                    r.refit(a.o(), surgeries.get(b.number()));
                } else if (compensate) {
                    int[] gone = TensorSlices.expand(Selection.removed(groups, a.kvHeads()), a.heads() / a.kvHeads(), 0);
                    r.compensate(a.o(), measured.meanContext(b.number()), TensorSlices.expand(gone, a.headSize(), 0));
                }
            }
        });
        Set<Integer> blocks = new TreeSet<>();
        touched.forEach(b -> blocks.add(b.number()));
        String summary = "removed " + (before - after) + " of " + before + " attention heads ("
                + PruningSteps.percent((double) (before - after) / before) + ") in " + blocks.size() + " block"
                + (blocks.size() == 1 ? "" : "s");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("heads per block", perBlock(table, 1));
        if (s.blocks().stream().anyMatch(b -> b.attention().kvHeads() != b.attention().heads())) {
            details.put("key/value heads per block", perBlock(table, 3));
        }
        details.put("removed (block:head)", String.join(",", removed));
        details.put("criterion", listed.isEmpty() ? params.getString(PruningSteps.CRITERION) : "listed");
        if (leftOut != null) details.put("left as it is", leftOut);
        details.put("bias compensation", obs ? "least-squares refit" : compensate ? "on" : "off");
        context.log(summary + ": " + String.join(",", removed));
        return new Change(summary, counts.added(), counts.removed(), new ArrayList<>(blocks), details, analyses);
    }

    static double[] sqrt(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.sqrt(v[i]);
        return out;
    }

    private static String perBlock(double[][] table, int column) {
        List<String> parts = new ArrayList<>();
        for (double[] row : table) parts.add(Integer.toString((int) row[column]));
        return String.join(",", parts);
    }

    private static AnalysisTable keptTable(TransformerStructure s, double[][] table) {
        List<String> rows = new ArrayList<>();
        for (Block b : s.blocks()) rows.add("block " + b.number());
        return new AnalysisTable("heads-kept", "Attention heads kept per block", AnalysisTable.Kind.TABLE, rows,
                List.of("heads before", "heads after", "key/value heads before", "key/value heads after"), table, "",
                "Heads removed from each block; with grouped-query attention whole key/value groups go.");
    }

    /** Kept key/value groups per block from a {@code block:head} list. */
    static int[][] explicit(TransformerStructure s, List<String> listed) {
        int n = s.blockCount();
        List<Set<Integer>> heads = new ArrayList<>();
        for (int b = 0; b < n; b++) heads.add(new TreeSet<>());
        for (String item : listed) {
            String[] parts = item.split(":");
            int block, head;
            try {
                if (parts.length != 2) throw new NumberFormatException();
                block = Integer.parseInt(parts[0].strip());
                head = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new TechniqueException(HEADS + ": '" + item + "' is not block:head (two numbers from 1, e.g. 2:5)");
            }
            if (block < 1 || block > n) {
                throw new TechniqueException(HEADS + ": '" + item + "' names block " + block + ", but the model has blocks 1 to " + n);
            }
            int h = s.block(block).attention().heads();
            if (head < 1 || head > h) {
                throw new TechniqueException(HEADS + ": '" + item + "' names head " + head + ", but block " + block
                        + " has heads 1 to " + h);
            }
            heads.get(block - 1).add(head - 1);
        }
        int[][] keep = new int[n][];
        for (Block b : s.blocks()) {
            Attention a = b.attention();
            int rep = a.heads() / a.kvHeads();
            Set<Integer> gone = heads.get(b.number() - 1);
            List<Integer> kept = new ArrayList<>();
            for (int g = 0; g < a.kvHeads(); g++) {
                int listedInGroup = 0;
                for (int j = 0; j < rep; j++) if (gone.contains(g * rep + j)) listedInGroup++;
                if (listedInGroup == 0) {
                    kept.add(g);
                } else if (listedInGroup < rep) {
                    throw new TechniqueException(HEADS + ": block " + b.number() + " shares key/value head " + (g + 1)
                            + " among query heads " + (g * rep + 1) + " to " + (g * rep + rep) + "; list all " + rep
                            + " of them or none");
                }
            }
            if (kept.isEmpty()) {
                throw new TechniqueException(HEADS + ": the list removes every head of block " + b.number()
                        + "; at least one head per block must stay");
            }
            keep[b.number() - 1] = kept.stream().mapToInt(Integer::intValue).toArray();
        }
        return keep;
    }

    /**
     * The blocks on either side of a token reduction whose attention the reduction reads (tokens.drop ranks the tokens
     * by the attention in the block before or after it, and may let the next block's keys and values see the full
     * sequence): their heads cannot be removed without rewriting the reduction. Left out of the choice with the reason
     * returned, or, when the blocks or heads were named, refused.
     */
    private static String leaveEntangledBlocks(TransformerStructure s, boolean[] chosen, boolean named) {
        String why = null;
        for (int r : s.tokenReductions()) {
            for (Block b : List.of(s.block(r), s.block(r + 1))) {
                if (!chosen[b.number() - 1] || !readFromOutside(b)) continue;
                String reason = "the token reduction after block " + r + " reads the attention of block " + b.number()
                        + " (tokens.drop ranks the tokens by it), so its heads cannot be removed after the reduction";
                if (named) throw new TechniqueException(ID + ": " + reason + "; prune before the token reduction, or leave block "
                        + b.number() + " out");
                chosen[b.number() - 1] = false;
                why = (why == null ? "" : why + "; ") + reason;
            }
        }
        return why == null ? null : why + "; prune before the token reduction to include them";
    }

    /**
     * True when a node outside block {@code b}'s attention reads a value computed between its Q, K, V projections and
     * its context (the heads' axis): the scores, probabilities or keys a token reduction ranks by.
     */
    private static boolean readFromOutside(Block b) {
        Attention a = b.attention();
        if (a.fused() || a.o() == null) return false;
        Set<Node> toContext = Reachability.ancestors(a.o().input());
        Set<Node> heads = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Projection p : a.inputProjections()) {
            heads.addAll(p.nodes());
            if (p.output() == null) continue;
            for (Node n : Reachability.descendants(p.output())) if (toContext.contains(n)) heads.add(n);
        }
        Set<Node> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(heads);
        own.addAll(a.nodes());
        own.addAll(b.nodes());
        for (Node n : heads) {
            for (var out : n.outputs()) for (Node c : out.consumers()) if (!own.contains(c)) return true;
        }
        return false;
    }
}
