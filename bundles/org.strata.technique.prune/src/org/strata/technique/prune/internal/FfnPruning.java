package org.strata.technique.prune.internal;

import java.util.ArrayList;
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
import org.strata.core.analysis.NeuronImportance;
import org.strata.core.analysis.ProjectionWeights;
import org.strata.onnx.Model;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;

/**
 * {@code prune.ffn}: structured removal of FFN neurons without retraining — the width between the up (and
 * gate) and the down projection shrinks — ranked by {@link NeuronImportance}, measured on the calibration split,
 * after FLAP (An et al., AAAI 2024) and magnitude-based structured pruning (Wanda, Sun et al. 2023).
 *
 * <p>Rules:
 * <ol>
 * <li>Neurons are ranked by {@code criterion}: the fluctuation Var(a_j)·‖W_down[j, :]‖² of what they add
 * (FLAP, An et al., AAAI 2024), or the magnitude mean|a_j|·‖W_down[j, :]‖. With {@code compensate} the removed
 * neurons' mean contribution goes into the down projection's bias (one is added when there is none), so only
 * the fluctuation is lost.</li>
 * <li>The least important {@code fraction} of the neurons of every block goes (rounded; with {@code global},
 * of all blocks' neurons ranked together by score over the residual stream's size), the count kept rounded to a
 * multiple of {@code multiple-of}; at least one neuron stays. {@code blocks} limits it to some blocks.</li>
 * <li>The up and gate projections lose the weight columns and bias entries of the removed neurons, the down
 * projection the weight rows; a bias taken by a fused activation (BiasGelu, FastGelu), constants with an entry
 * per neuron, and the widths of Gemm flatten/un-flatten Reshapes follow ({@link AxisWalk}).</li>
 * <li>Without compensation, removing a neuron is exactly zeroing its row of the down projection. Quantized
 * projections and graphs whose blocks are not recognised are refused before anything changes.</li>
 * </ol>
 */
@Component(service = Technique.class)
public final class FfnPruning implements Technique {
    public static final String ID = "prune.ffn";
    static final String MULTIPLE = "multiple-of";
    private static final PruningSteps.CommonParameters COMMON = PruningSteps.CommonParameters.of("FFN neurons", "FFN",
            "down projection", "variance of the activation × ‖W_down row‖²", "mean |activation| × ‖W_down row‖");

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "FFN neuron pruning", "prune",
            "removes the least important FFN neurons (measured on calibration text) and shrinks the up, gate and down projections",
            false,
            List.of(COMMON.fraction(), COMMON.global(), COMMON.blocks(),
                    ParameterSpec.integer(MULTIPLE, 1, 1, 4096, "keep a multiple of this many neurons per block (e.g. 16 for "
                            + "kernel-friendly widths); 1 keeps exactly what the fraction says"),
                    COMMON.criterion(), COMMON.compensate(),
                    COMMON.texts()),
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
        double fraction = params.getDouble(PruningSteps.FRACTION);
        PruningSteps.checkFraction(fraction, "FFN neurons");
        for (Block b : s.blocks()) {
            // refuse a quantized model before spending time on calibration
            ProjectionWeights.of(b.ffn().up());
            if (b.ffn().gate() != null) ProjectionWeights.of(b.ffn().gate());
        }
        boolean compensate = params.getBoolean(PruningSteps.COMPENSATE);
        String criterion = params.getString(PruningSteps.CRITERION);
        boolean obs = criterion.equals(PruningSteps.OBS);
        boolean fluctuation = obs || criterion.equals("fluctuation");
        int texts = params.getInt(PruningSteps.TEXTS);
        context.monitor().subTask("measuring FFN neuron importance on " + texts + " calibration texts");
        NeuronImportance importance = context.statistics(NeuronImportance.ID + "/" + texts,
                () -> NeuronImportance.measure(model, s, context.runner(), texts));
        double[][] scores = new double[n][];
        double[] scale = new double[n];
        for (int b = 1; b <= n; b++) {
            scores[b - 1] = fluctuation ? HeadPruning.sqrt(importance.fluctuations(b)) : importance.scores(b);
            scale[b - 1] = importance.streamNorm(b);
        }
        int multiple = params.getInt(MULTIPLE);
        int[][] keep = params.getBoolean(PruningSteps.GLOBAL) ? Selection.global(scores, scale, fraction, chosen, multiple)
                : Selection.perBlock(scores, fraction, chosen, multiple);

        List<Block> touched = new ArrayList<>();
        long before = 0, after = 0;
        double[][] table = new double[n][];
        List<String> rows = new ArrayList<>();
        List<String> widths = new ArrayList<>();
        for (Block b : s.blocks()) {
            int width = scores[b.number() - 1].length;
            int kept = keep[b.number() - 1].length;
            before += width;
            after += kept;
            table[b.number() - 1] = new double[] {width, kept};
            rows.add("block " + b.number());
            widths.add(Integer.toString(kept));
            if (kept < width) touched.add(b);
        }
        List<AnalysisTable> analyses = new ArrayList<>(List.of(importance.table(fluctuation), new AnalysisTable("ffn-kept", "FFN neurons kept per block",
                AnalysisTable.Kind.TABLE, rows, List.of("neurons before", "neurons after"), table, "",
                "The width between the up and the down projection of each block, before and after pruning.")));
        Map<Integer, Surgeon.Surgery> surgeries = new LinkedHashMap<>();
        if (obs && !touched.isEmpty()) {
            List<Surgeries.Order> orders = new ArrayList<>();
            for (Block b : touched) {
                orders.add(new Surgeries.Order(b.number(), b.ffn().down(), 1,
                        scores[b.number() - 1].length - keep[b.number() - 1].length, null));
            }
            Surgeries.Result done = Surgeries.perform(model, orders, texts, context, "FFN neurons", "ffn-refit");
            done.surgeries().forEach((b, surgery) -> keep[b - 1] = surgery.keptGroups());
            surgeries.putAll(done.surgeries());
            analyses.add(done.analysis());
        }
        if (touched.isEmpty()) {
            return new Change("no FFN neuron removed: the fraction rounds to none in every block", 0, 0, List.of(),
                    Map.of("modified", "false"), analyses);
        }
        PruningSteps.Counts counts = PruningSteps.rewrite(model, touched, r -> {
            for (Block b : touched) {
                int[] k = keep[b.number() - 1];
                r.neurons(b, k);
                if (obs) {
                    r.refit(b.ffn().down(), surgeries.get(b.number()));
                } else if (compensate) {
                    r.compensate(b.ffn().down(), importance.means(b.number()), Selection.removed(k, (int) b.ffn().intermediateSize()));
                }
            }
        });
        Set<Integer> blocks = new TreeSet<>();
        touched.forEach(b -> blocks.add(b.number()));
        String summary = "removed " + (before - after) + " of " + before + " FFN neurons ("
                + PruningSteps.percent((double) (before - after) / before) + ") in " + blocks.size() + " block"
                + (blocks.size() == 1 ? "" : "s");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("neurons per block", String.join(",", widths));
        details.put("criterion", params.getString(PruningSteps.CRITERION));
        details.put("bias compensation", obs ? "least-squares refit" : compensate ? "on" : "off");
        context.log(summary + "; widths " + String.join(",", widths));
        return new Change(summary, counts.added(), counts.removed(), new ArrayList<>(blocks), details, analyses);
    }
}
