package org.strata.technique.layers.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
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
import org.strata.core.ModelRunner;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueException;
import org.strata.core.analysis.LayerEdits;
import org.strata.core.analysis.LayerReference;
import org.strata.core.analysis.LayerSimilarity;
import org.strata.core.analysis.LayerStatistics;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Norm;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.TransformerStructure;

/**
 * {@code layers.share}: cross-layer weight sharing without retraining, after CRaSh (Zhang et al., 2023, "CRaSh:
 * Clustering, Removing, and Sharing Enhance Fine-tuning without Full Large Language Model"): adjacent blocks whose
 * outputs are most alike (linear CKA, {@link LayerSimilarity}) form a cluster, and the blocks of a cluster use one
 * set of weights.
 *
 * <ul>
 * <li>Weights are matched by structural role, never by name: each projection (Q, K, V or QKV, O, gate, up, down)
 * and norm of a block, and every initializer its nodes read, by position. Members must be built alike. Only
 * the projections' biases and the norms' scales and shifts stay per block unless {@code share-vectors}: they are a few
 * kilobytes and keeping them keeps more of each block's behaviour.</li>
 * <li>{@code keep}: the weights of the middle (or first, last) member, or their element-wise mean (float only);
 * {@code best} measures every member and the mean on the calibration data and keeps the highest cosine.</li>
 * <li>{@code mode=repeat}: the model keeps its depth; every member's nodes read the one kept initializer and the
 * duplicates are deleted, so the file shrinks by the weights of all but one member. {@code mode=collapse}: the
 * cluster becomes one block (the kept one, at its place), so the model is also shallower.</li>
 * </ul>
 * Clusters come from {@code blocks} (one run of adjacent block numbers) or from the similarity: {@code clusters}
 * non-overlapping runs of {@code size} adjacent blocks with the highest mean pairwise CKA. Bytes saved and the
 * calibration fidelity are reported.
 */
@Component(service = Technique.class)
public final class BlockSharing implements Technique {
    static final String ID = "layers.share";
    static final String BLOCKS = "blocks";
    static final String SIZE = "size";
    static final String CLUSTERS = "clusters";
    static final String MODE = "mode";
    static final String KEEP = "keep";
    static final String MEAN = "mean";
    static final String VECTORS = "share-vectors";

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Share block weights", "layers",
            "Clusters adjacent blocks with the most similar outputs (CKA) and makes each cluster use one set of weights"
                    + " (repeat: same depth, smaller file) or one block (collapse: shallower too)",
            false,
            List.of(ParameterSpec.intList(BLOCKS, List.of(), 1, 100_000,
                            "one cluster by block numbers (adjacent, from 1); when given, size and clusters are not used"),
                    ParameterSpec.integer(SIZE, 3, 2, 100_000, "blocks per cluster"),
                    ParameterSpec.integer(CLUSTERS, 1, 1, 100_000, "how many clusters to form"),
                    ParameterSpec.choice(MODE, "repeat", List.of("repeat", "collapse"),
                            "repeat: every block of a cluster runs on the shared weights; collapse: the cluster becomes one block"),
                    ParameterSpec.choice(KEEP, "best", List.of("best", "middle", "first", "last", MEAN),
                            "whose weights the cluster keeps: a member's, the element-wise mean (float weights), or best:"
                                    + " whichever keeps the highest calibration cosine"),
                    ParameterSpec.bool(VECTORS, false,
                            "also share biases and norm parameters (a few kilobytes per block); off: each block keeps its own,"
                                    + " which measured a higher cosine on MiniLM"),
                    LayerTechniques.texts()),
            EnumSet.allOf(GraphForm.class), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext ctx) {
        TransformerStructure s = LayerTechniques.structure(ctx, ID);
        int n = s.blockCount();
        int texts = params.getInt(LayerTechniques.TEXTS);
        boolean collapse = params.getString(MODE).equals("collapse");
        boolean vectors = params.getBoolean(VECTORS);
        String keep = params.getString(KEEP);
        List<AnalysisTable> analyses = new ArrayList<>();
        List<List<Integer>> clusters;
        List<Integer> named = params.getIntList(BLOCKS);
        if (!named.isEmpty()) {
            clusters = List.of(namedCluster(named, n));
        } else {
            LayerSimilarity similarity = LayerStatistics.stream(model, ctx, texts).similarity();
            analyses.add(similarity.tables().get(0));
            clusters = mostSimilar(similarity, params.getInt(SIZE), params.getInt(CLUSTERS));
        }
        for (List<Integer> c : clusters) slotsOf(s, c, vectors); // refuse blocks that are not built alike before anything else
        long bytesBefore = LayerTechniques.fileBytes(model);
        LayerReference reference = LayerStatistics.reference(model, ctx, texts);

        Map<String, String> details = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        for (List<Integer> cluster : clusters) {
            String k = keep;
            if (keep.equals("best")) {
                k = best(model, s, cluster, collapse, vectors, reference, ctx, analyses, details);
            }
            chosen.add(k);
            kept.add(describe(cluster, k));
        }
        int nodesBefore = model.graph().nodes().size();
        List<Integer> removed = edit(model, s, clusters, chosen, collapse, vectors);
        long bytesAfter = LayerTechniques.fileBytes(model);
        ModelRunner.Agreement agreement = reference.agreement(model);

        List<Integer> touched = new ArrayList<>();
        for (List<Integer> c : clusters) touched.addAll(c);
        details.put("clusters", clusters.toString());
        details.put("kept", String.join("; ", kept));
        details.put("mode", collapse ? "collapse" : "repeat");
        details.put("file-bytes-before", Long.toString(bytesBefore));
        details.put("file-bytes-after", Long.toString(bytesAfter));
        details.put("file-bytes-saved", Long.toString(bytesBefore - bytesAfter));
        details.put("file-smaller-by", LayerTechniques.percent(1 - (double) bytesAfter / bytesBefore));
        details.put("calibration-mean-cosine", LayerTechniques.fmt(agreement.meanCosine()));
        details.put("calibration-min-cosine", LayerTechniques.fmt(agreement.minCosine()));
        if (collapse) details.put("blocks-after", Integer.toString(n - removed.size()));
        String summary = (collapse ? "collapsed " : "shared weights in ") + String.join(", ", kept) + "; file "
                + LayerTechniques.percent(1 - (double) bytesAfter / bytesBefore) + " smaller (" + (bytesBefore - bytesAfter)
                + " bytes), calibration cosine " + LayerTechniques.fmt(agreement.meanCosine());
        ctx.log(ID + ": " + summary);
        int nodesAfter = model.graph().nodes().size();
        return new Change(summary, 0, Math.max(0, nodesBefore - nodesAfter), touched, details, analyses);
    }

    private static List<Integer> namedCluster(List<Integer> named, int n) {
        List<Integer> c = new ArrayList<>(new TreeSet<>(named));
        for (int b : c) {
            if (b < 1 || b > n) throw new TechniqueException(ID + ": block " + b + " is out of range; the model has blocks 1 to " + n);
        }
        if (c.size() < 2) throw new TechniqueException(ID + ": a cluster needs at least two blocks, got " + c);
        if (c.get(c.size() - 1) - c.get(0) != c.size() - 1) {
            throw new TechniqueException(ID + ": blocks " + c + " are not adjacent; a cluster is a run of adjacent blocks such as "
                    + c.get(0) + "," + (c.get(0) + 1));
        }
        return c;
    }

    /** {@code count} non-overlapping runs of {@code size} adjacent blocks, highest mean pairwise CKA first. */
    static List<List<Integer>> mostSimilar(LayerSimilarity sim, int size, int count) {
        int n = sim.blockCount();
        if (size > n) throw new TechniqueException(ID + ": a cluster of " + size + " blocks does not fit a model of " + n + " blocks");
        if ((long) size * count > n) {
            throw new TechniqueException(ID + ": " + count + " clusters of " + size + " blocks need " + (size * count)
                    + " blocks; the model has " + n);
        }
        List<List<Integer>> out = new ArrayList<>();
        boolean[] used = new boolean[n + 1];
        for (int c = 0; c < count; c++) {
            int bestStart = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int start = 1; start + size - 1 <= n; start++) {
                boolean free = true;
                for (int b = start; b < start + size; b++) free &= !used[b];
                if (!free) continue;
                double sum = 0;
                int pairs = 0;
                for (int a = start; a < start + size; a++) {
                    for (int b = a + 1; b < start + size; b++) {
                        sum += sim.cka(a, b);
                        pairs++;
                    }
                }
                double score = sum / pairs;
                if (score > bestScore) {
                    bestScore = score;
                    bestStart = start;
                }
            }
            if (bestStart < 0) {
                throw new TechniqueException(ID + ": only " + out.size() + " non-overlapping clusters of " + size
                        + " adjacent blocks fit; asked for " + count);
            }
            List<Integer> cluster = new ArrayList<>();
            for (int b = bestStart; b < bestStart + size; b++) {
                cluster.add(b);
                used[b] = true;
            }
            out.add(cluster);
        }
        out.sort((x, y) -> Integer.compare(x.get(0), y.get(0)));
        return out;
    }

    /** Measures every member and the mean on a copy and returns the keep choice with the highest calibration cosine. */
    private static String best(Model model, TransformerStructure s, List<Integer> cluster, boolean collapse, boolean vectors, LayerReference reference, TechniqueContext ctx,
            List<AnalysisTable> analyses, Map<String, String> details) {
        List<String> options = new ArrayList<>();
        for (int b : cluster) options.add("block " + b);
        boolean floats = averagable(slotsOf(s, cluster, vectors), cluster);
        if (floats) options.add(MEAN);
        double[] cosine = new double[options.size()];
        String best = null;
        double bestCos = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < options.size(); i++) {
            ctx.monitor().checkCanceled();
            String option = i < cluster.size() ? "block:" + cluster.get(i) : MEAN;
            Model variant = LayerEdits.copy(model);
            edit(variant, TransformerStructure.discover(variant), List.of(cluster), List.of(option), collapse, vectors);
            cosine[i] = reference.agreement(variant).meanCosine();
            if (cosine[i] > bestCos) {
                bestCos = cosine[i];
                best = option;
            }
        }
        String label = "blocks " + cluster.get(0) + "-" + cluster.get(cluster.size() - 1);
        analyses.add(AnalysisTable.bars("share-candidates-" + cluster.get(0) + "-" + cluster.get(cluster.size() - 1),
                "Weight sharing in " + label + ": calibration cosine by the weights kept", options, "mean cosine", cosine, "",
                "Mean cosine against the original on the calibration data when the cluster " + (collapse ? "collapses to" : "runs on")
                        + " each member's weights or their mean; the highest is kept."));
        for (int i = 0; i < options.size(); i++) details.put("candidate " + label + " " + options.get(i), LayerTechniques.fmt(cosine[i]));
        return best;
    }

    private static String describe(List<Integer> cluster, String keep) {
        String label = "blocks " + cluster.get(0) + "-" + cluster.get(cluster.size() - 1);
        return label + " (" + (keep.equals(MEAN) ? "mean of their weights" : "weights of block " + resolve(cluster, keep)) + ")";
    }

    /** The member whose weights {@code keep} names ("block:N", first, middle, last), or -1 for the mean. */
    private static int resolve(List<Integer> cluster, String keep) {
        return switch (keep) {
            case "first" -> cluster.get(0);
            case "last" -> cluster.get(cluster.size() - 1);
            case "middle" -> cluster.get((cluster.size() - 1) / 2);
            case MEAN -> -1;
            default -> Integer.parseInt(keep.substring("block:".length()));
        };
    }

    /**
     * Makes each cluster share its kept weights (repeat) or become its kept block (collapse) in {@code model}, whose
     * structure is {@code s}. Returns the blocks removed (collapse).
     */
    static List<Integer> edit(Model model, TransformerStructure s, List<List<Integer>> clusters, List<String> keeps, boolean collapse,
            boolean vectors) {
        Graph g = model.graph();
        List<Integer> removed = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            if (keeps.get(c).equals(MEAN)) checkAveragable(slotsOf(s, clusters.get(c), vectors), clusters.get(c));
        }
        for (int c = 0; c < clusters.size(); c++) {
            List<Integer> cluster = clusters.get(c);
            List<List<Slot>> slots = slotsOf(s, cluster, vectors);
            int keptBlock = resolve(cluster, keeps.get(c));
            int keptIndex = keptBlock < 0 ? (cluster.size() - 1) / 2 : cluster.indexOf(keptBlock);
            List<Slot> keptSlots = slots.get(keptIndex);
            for (int i = 0; i < keptSlots.size(); i++) {
                Value target = keptSlots.get(i).value();
                if (keptBlock < 0) target = mean(g, slots, i, cluster);
                for (int m = 0; m < cluster.size(); m++) {
                    if (collapse && m != keptIndex) continue;
                    Slot slot = slots.get(m).get(i);
                    if (slot.value() != target) slot.node().setInput(slot.index(), target);
                }
            }
            for (int m = 0; m < cluster.size(); m++) if (collapse && m != keptIndex) removed.add(cluster.get(m));
        }
        if (collapse) LayerEdits.removeBlocks(model, s, removed);
        g.removeDeadNodes();
        return removed;
    }

    /** The element-wise mean of slot {@code i} over the cluster as a new initializer (or the shared value if all agree). */
    private static Value mean(Graph g, List<List<Slot>> slots, int i, List<Integer> cluster) {
        Value first = slots.get(0).get(i).value();
        boolean same = true;
        for (List<Slot> member : slots) same &= member.get(i).value() == first || member.get(i).value().initializer().sameContent(first.initializer());
        if (same) return first;
        Tensor t = first.initializer();
        float[] sum = new float[(int) t.elementCount()];
        double[] acc = new double[sum.length];
        for (List<Slot> member : slots) {
            float[] v = TensorCodec.toFloats(member.get(i).value().initializer());
            for (int j = 0; j < acc.length; j++) acc[j] += v[j];
        }
        for (int j = 0; j < acc.length; j++) sum[j] = (float) (acc[j] / slots.size());
        String name = first.name() + "_shared_mean";
        return g.addInitializer(name, TensorCodec.fromFloats(name, t.dims(), sum));
    }

    /** Refuses keep=mean before anything is edited when members differ in a weight that is not float32. */
    private static void checkAveragable(List<List<Slot>> slots, List<Integer> cluster) {
        for (int i = 0; i < slots.get(0).size(); i++) {
            Value first = slots.get(0).get(i).value();
            for (List<Slot> member : slots) {
                Value v = member.get(i).value();
                if (v != first && !v.initializer().sameContent(first.initializer()) && first.initializer().type() != DataType.FLOAT) {
                    throw new TechniqueException(ID + ": keep=mean averages float32 weights, but '" + first.name() + "' of block "
                            + cluster.get(0) + " is " + first.initializer().type() + "; keep a member's weights (middle) or share"
                            + " before quantizing");
                }
            }
        }
    }

    private static boolean averagable(List<List<Slot>> slots, List<Integer> cluster) {
        try {
            checkAveragable(slots, cluster);
            return true;
        } catch (TechniqueException e) {
            return false;
        }
    }

    /** One weight a block's node reads: input {@code index} of {@code node}. */
    record Slot(Node node, int index) {
        Value value() {
            return node.input(index);
        }
    }

    /**
     * The weight slots of every member, by role: the projections' nodes (Q/K/V or QKV, O, gate, up, down) then the
     * norms' nodes, each node's initializer inputs in order.
     *
     * @throws TechniqueException when members are not built alike
     */
    static List<List<Slot>> slotsOf(TransformerStructure s, List<Integer> cluster, boolean vectors) {
        List<List<Slot>> out = new ArrayList<>();
        for (int b : cluster) out.add(slots(s.block(b), vectors));
        List<Slot> ref = out.get(0);
        for (int m = 1; m < out.size(); m++) {
            List<Slot> other = out.get(m);
            String where = ID + ": blocks " + cluster.get(0) + " and " + cluster.get(m) + " are not built alike";
            if (other.size() != ref.size()) {
                throw new TechniqueException(where + " (" + ref.size() + " weights against " + other.size() + "); they cannot share weights");
            }
            for (int i = 0; i < ref.size(); i++) {
                Slot a = ref.get(i), b = other.get(i);
                Tensor ta = a.value().initializer(), tb = b.value().initializer();
                if (!a.node().opType().equals(b.node().opType()) || a.index() != b.index() || ta.type() != tb.type()
                        || !java.util.Arrays.equals(ta.dims(), tb.dims())) {
                    throw new TechniqueException(where + ": weight '" + a.value().name() + "' " + ta.type() + java.util.Arrays.toString(ta.dims())
                            + " of " + a.node().describe() + " against '" + b.value().name() + "' " + tb.type()
                            + java.util.Arrays.toString(tb.dims()) + " of " + b.node().describe());
                }
            }
        }
        return out;
    }

    private static List<Slot> slots(Block b, boolean vectors) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> nodes = new ArrayList<>();
        for (Projection p : b.projections()) for (Node x : p.nodes()) if (seen.add(x)) nodes.add(x);
        for (Norm norm : b.norms()) for (Node x : norm.nodes()) if (seen.add(x)) nodes.add(x);
        // Biases and norm parameters, by role: each block keeps its own unless asked to share them too.
        Set<Value> own = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Projection p : b.projections()) if (p.bias() != null) own.add(p.bias());
        for (Norm norm : b.norms()) {
            if (norm.scale() != null) own.add(norm.scale());
            if (norm.bias() != null) own.add(norm.bias());
        }
        List<Slot> out = new ArrayList<>();
        for (Node x : nodes) {
            for (int i = 0; i < x.inputs().size(); i++) {
                Value v = x.input(i);
                if (v != null && v.isInitializer() && (vectors || !own.contains(v))) out.add(new Slot(x, i));
            }
        }
        return out;
    }
}
