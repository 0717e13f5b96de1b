package org.strata.technique.layers.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.strata.core.analysis.EarlyExitAnalysis;
import org.strata.core.analysis.LayerEdits;
import org.strata.core.analysis.LayerReference;
import org.strata.core.analysis.LayerStatistics;
import org.strata.onnx.Model;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.ActivationCapture.CapturedTensor;

/**
 * {@code layers.exit}: early exit after block {@code k}.
 *
 * <ul>
 * <li>{@code mode=static}: the model is truncated after block {@code k}; what followed the last block (final norm,
 * pooler, LM head) now reads block {@code k}'s output, so the outputs keep their names, types and meaning (an
 * encoder's hidden states at block {@code k} through the final norm if there is one; a decoder's logits through
 * its final norm and LM head).</li>
 * <li>{@code mode=dynamic}: an ONNX {@code If} after block {@code k} skips the remaining blocks when the residual
 * stream changed by less than {@code threshold} (relative) across block {@code k}; see {@link ExitBranch}. The
 * share of calibration inputs that would exit, and the calibration cosine that implies, are reported.</li>
 * </ul>
 * {@code block=0} picks the first block whose static early exit keeps {@code min-cosine} on the calibration data
 * (the early-exit analysis, attached).
 */
@Component(service = Technique.class)
public final class EarlyExit implements Technique {
    static final String ID = "layers.exit";
    static final String MODE = "mode";
    static final String BLOCK = "block";
    static final String MIN_COSINE = "min-cosine";
    static final String THRESHOLD = "threshold";

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Early exit", "layers",
            "Exits after block k: statically (the later blocks removed, final norm and head kept) or dynamically (an If"
                    + " skips the later blocks when block k barely changed the hidden state)",
            false,
            List.of(ParameterSpec.choice(MODE, "static", List.of("static", "dynamic"),
                            "static: always exit after the block; dynamic: decide per input from the relative change of the"
                                    + " hidden state across the block"),
                    ParameterSpec.integer(BLOCK, 0, 0, 100_000,
                            "exit after this block (from 1, before the last); 0: the first block whose static exit keeps"
                                    + " min-cosine on the calibration data"),
                    ParameterSpec.real(MIN_COSINE, 0.95, 0.0, 1.0, "with block=0: the calibration cosine the exit must keep"),
                    ParameterSpec.real(THRESHOLD, 0.1, 0.0, 1000.0,
                            "dynamic: exit when ‖h_k − h_(k−1)‖ / ‖h_(k−1)‖ is below this"),
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
        boolean dynamic = params.getString(MODE).equals("dynamic");
        if (n < 2) throw new TechniqueException(ID + ": the model has a single block; there is nothing to exit before");
        int k = params.getInt(BLOCK);
        if (k != 0 && (k < 1 || k >= n)) {
            throw new TechniqueException(ID + ": block " + k + " is out of range; exit after a block from 1 to " + (n - 1)
                    + " (the model has " + n + " blocks; exiting after the last changes nothing)");
        }
        List<Integer> reduced = s.tokenReductions();
        if (k != 0 && !reduced.isEmpty() && k > reduced.get(0)) {
            throw new TechniqueException(ID + ": the token sequence is reduced after block " + reduced.get(0) + " (a tokens.* step), so"
                    + " block " + k + " outputs the reduced sequence, not one row per token; exit after block " + reduced.get(0)
                    + " or earlier, or exit before reducing the tokens");
        }
        List<AnalysisTable> analyses = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        EarlyExitAnalysis exits = null;
        if (k == 0) {
            double target = params.getDouble(MIN_COSINE);
            exits = LayerStatistics.earlyExit(model, ctx, texts);
            analyses.add(exits.table());
            k = exits.firstReaching(target);
            if (k >= n) {
                int best = 1;
                for (int b = 1; b < n; b++) if (exits.meanCosine(b) > exits.meanCosine(best)) best = b;
                throw new TechniqueException(ID + ": no block before the last keeps mean cosine " + target
                        + " on the calibration data (the best, block " + best + ", keeps " + LayerTechniques.fmt(exits.meanCosine(best))
                        + "); lower min-cosine or name a block");
            }
            details.put("calibration-cosine-at-exit", LayerTechniques.fmt(exits.meanCosine(k)));
        }
        details.put("exit-after-block", Integer.toString(k));
        details.put("mode", dynamic ? "dynamic" : "static");
        String summary;
        Change change;
        if (!dynamic) {
            LayerEdits.Removal removal = LayerEdits.truncateAfter(model, s, k);
            details.put("weight-bytes-saved", Long.toString(removal.bytesSaved()));
            summary = "exits after block " + k + " of " + n + ": " + (k + 1 == n ? "block " + n : "blocks " + (k + 1) + " to " + n) + " removed, "
                    + (s.finalNorm() != null ? "final norm and " : "") + "outputs kept";
            change = new Change(summary, removal.nodesAdded(), removal.nodesRemoved(), removal.blocks(), details, analyses);
        } else {
            double threshold = params.getDouble(THRESHOLD);
            double[] relative = relativeChange(model, s.block(k), ctx.runner(), texts);
            int exiting = 0;
            for (double r : relative) if (r < threshold) exiting++;
            details.put("threshold", Double.toString(threshold));
            details.put("calibration-exit-share", LayerTechniques.percent((double) exiting / relative.length));
            details.put("calibration-relative-change", quantiles(relative));
            if (exiting > 0) {
                LayerReference reference = LayerStatistics.reference(model, ctx, texts);
                Model truncated = LayerEdits.copy(model);
                LayerEdits.truncateAfter(truncated, TransformerStructure.discover(truncated), k);
                double[] cos = reference.cosines(truncated);
                double sum = 0;
                for (int i = 0; i < cos.length; i++) sum += i < relative.length && relative[i] < threshold ? cos[i] : 1;
                details.put("calibration-cosine-estimate", LayerTechniques.fmt(sum / cos.length));
            }
            analyses.add(AnalysisTable.bars("exit-relative-change", "Relative change of the hidden state across block " + k,
                    List.of("min", "25 %", "median", "75 %", "max"), "relative change", quantileValues(relative), "",
                    "‖h_k − h_(k−1)‖ / ‖h_(k−1)‖ per calibration sequence; inputs below the threshold " + threshold + " exit after block " + k + "."));
            ExitBranch.Result r = ExitBranch.build(model, s, k, threshold, ID);
            List<Integer> touched = new ArrayList<>();
            for (int b = k; b <= n; b++) touched.add(b);
            summary = "exits after block " + k + " of " + n + " when the hidden state changed by less than " + threshold
                    + " across it (" + details.get("calibration-exit-share") + " of calibration inputs), else runs "
                    + (k + 1 == n ? "block " + n : "blocks " + (k + 1) + " to " + n) + "; outputs " + r.outputs() + " from an If";
            change = new Change(summary, r.nodesAdded(), r.nodesRemoved(), touched, details, analyses);
        }
        ctx.log(ID + ": " + summary);
        return change;
    }

    /** Per calibration sequence, ‖out − in‖ / ‖in‖ over its real tokens: what the If tests for an input on its own. */
    static double[] relativeChange(Model model, Block block, ModelRunner runner, int texts) {
        List<Double> out = new ArrayList<>();
        String in = block.input().name(), res = block.output().name();
        runner.capture(model, List.of(in, res), texts, batch -> {
            CapturedTensor x = batch.tensor(in), y = batch.tensor(res);
            int rows = x.rank() == 3 ? x.dim(0) : 1;
            int perRow = x.values().length / rows;
            int width = x.dim(x.rank() - 1);
            long[][] mask = batch.attentionMask();
            for (int r = 0; r < rows; r++) {
                double change = 0, norm = 0;
                for (int i = 0; i < perRow; i++) {
                    int token = i / width;
                    if (x.rank() == 3 && mask.length == rows && mask[r].length == x.dim(1) && mask[r][token] == 0) continue;
                    double a = x.values()[r * perRow + i], b = y.values()[r * perRow + i];
                    change += (b - a) * (b - a);
                    norm += a * a;
                }
                out.add(norm == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(change / norm));
            }
        });
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] quantileValues(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] q = {0, 0.25, 0.5, 0.75, 1};
        double[] out = new double[q.length];
        for (int i = 0; i < q.length; i++) out[i] = sorted.length == 0 ? Double.NaN : sorted[(int) Math.round(q[i] * (sorted.length - 1))];
        return out;
    }

    private static String quantiles(double[] v) {
        double[] q = quantileValues(v);
        return "min " + LayerTechniques.fmt(q[0]) + ", median " + LayerTechniques.fmt(q[2]) + ", max " + LayerTechniques.fmt(q[4]);
    }
}
