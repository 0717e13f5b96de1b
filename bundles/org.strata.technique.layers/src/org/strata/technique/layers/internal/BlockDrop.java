package org.strata.technique.layers.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.strata.core.analysis.BlockAblation;
import org.strata.core.analysis.BlockInfluence;
import org.strata.core.analysis.LayerEdits;
import org.strata.core.analysis.LayerStatistics;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;

/**
 * {@code layers.drop}: removes whole transformer blocks; the residual stream is rewired past them (block input to
 * block output, see {@link LayerEdits#removeBlocks}).
 *
 * <ul>
 * <li>Which blocks: {@code blocks} by number (from 1); otherwise the {@code count} (or {@code fraction} of all)
 * blocks chosen {@code by} the lowest block influence (ShortGPT: Men et al., 2024) or by per-block ablation (the
 * blocks whose single removal keeps the highest calibration cosine). The analysis used is attached.</li>
 * <li>{@code replace=linear}: each run of adjacent removed blocks becomes one fitted linear map (see
 * {@link LinearBridge}) instead of nothing.</li>
 * <li>Inputs and outputs that belonged to a removed block alone (a decoder's per-layer {@code past}/{@code present}
 * key/value) are removed with it, so the cache interface still pairs one input with one output per remaining
 * layer; the remaining ones keep their names (their numbers are the original layer numbers, listed in the
 * details).</li>
 * </ul>
 * Works on any graph whose structure is recognised (plain, fused or already quantized).
 */
@Component(service = Technique.class)
public final class BlockDrop implements Technique {
    static final String ID = "layers.drop";
    static final String BLOCKS = "blocks";
    static final String COUNT = "count";
    static final String FRACTION = "fraction";
    static final String BY = "by";
    static final String REPLACE = "replace";

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Drop blocks", "layers",
            "Removes whole transformer blocks, chosen by number, by lowest block influence or by ablation; the residual"
                    + " stream is rewired past them (optionally through a fitted linear map)",
            false,
            List.of(ParameterSpec.intList(BLOCKS, List.of(), 1, 100_000,
                            "block numbers to remove (from 1); when given, count, fraction and by are not used"),
                    ParameterSpec.integer(COUNT, 1, 0, 100_000, "how many blocks to remove when no blocks are named"),
                    ParameterSpec.real(FRACTION, 0.0, 0.0, 1.0,
                            "the share of all blocks to remove (rounded), instead of count, when above 0; below 1"),
                    ParameterSpec.choice(BY, "influence", List.of("influence", "ablation"),
                            "how to choose: lowest block influence (1 − cos of block input and output), or the blocks whose"
                                    + " single removal keeps the highest calibration cosine"),
                    ParameterSpec.choice(REPLACE, "none", List.of("none", "linear"),
                            "what stands in for removed blocks: nothing (the stream passes through) or one linear map per run"
                                    + " of adjacent blocks, fitted on at least " + LinearBridge.MIN_FIT_TEXTS + " calibration texts"),
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
        List<Integer> named = params.getIntList(BLOCKS);
        List<Integer> chosen;
        List<AnalysisTable> analyses = new ArrayList<>();
        String why;
        if (!named.isEmpty()) {
            LayerEdits.checkRemovable(s, named, ID);
            chosen = new ArrayList<>(new TreeSet<>(named));
            why = "as named";
        } else {
            int count = count(params, n);
            if (params.getString(BY).equals("ablation")) {
                BlockAblation ablation = LayerStatistics.ablation(model, ctx, texts);
                chosen = ablation.cheapest(count);
                analyses.add(ablation.table());
                why = "whose single removal keeps the highest calibration cosine ("
                        + String.join(", ", chosen.stream().map(b -> b + ": " + LayerTechniques.fmt(ablation.meanCosine(b))).toList()) + ")";
            } else {
                BlockInfluence influence = LayerStatistics.stream(model, ctx, texts).influence();
                chosen = influence.leastInfluential(count);
                analyses.add(influence.table());
                why = "with the lowest block influence ("
                        + String.join(", ", chosen.stream().map(b -> b + ": " + LayerTechniques.fmt(influence.of(b))).toList()) + ")";
            }
        }
        List<List<Integer>> runs = LayerEdits.runs(chosen);
        LayerEdits.Bridge bridge = LayerEdits.Bridge.SKIP;
        boolean linear = params.getString(REPLACE).equals("linear");
        if (linear) bridge = LinearBridge.fit(model, s, runs, ctx.runner(), Math.max(texts, LinearBridge.MIN_FIT_TEXTS), ctx.monitor());
        ctx.monitor().checkCanceled();

        LayerEdits.Removal removal = LayerEdits.removeBlocks(model, s, chosen, bridge);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("removed-blocks", chosen.toString());
        details.put("blocks-before", Integer.toString(n));
        details.put("blocks-after", Integer.toString(n - chosen.size()));
        details.put("weight-bytes-saved", Long.toString(removal.bytesSaved()));
        if (linear) details.put("linear-maps", Integer.toString(runs.size()));
        if (!removal.inputsRemoved().isEmpty()) details.put("inputs-removed", removal.inputsRemoved().toString());
        if (!removal.outputsRemoved().isEmpty()) details.put("outputs-removed", removal.outputsRemoved().toString());
        if (!removal.inputsRemoved().isEmpty() || !removal.outputsRemoved().isEmpty()) {
            details.put("layer-numbers-kept", kept(n, chosen).toString());
        }
        String summary = "removed " + (chosen.size() == 1 ? "block " + chosen.get(0) : "blocks " + chosen) + " of " + n + " " + why
                + (linear ? ", each run replaced by a fitted linear map" : "") + "; " + (n - chosen.size()) + " blocks remain";
        ctx.log(ID + ": " + summary);
        return new Change(summary, removal.nodesAdded(), removal.nodesRemoved(), chosen, details, analyses);
    }

    /** How many blocks to remove from {@code count} or {@code fraction}, checked against {@code n}. */
    static int count(Parameters params, int n) {
        double fraction = params.getDouble(FRACTION);
        int count;
        if (fraction > 0) {
            if (fraction >= 1) {
                throw new TechniqueException(ID + ": fraction " + fraction + " would remove all " + n
                        + " blocks; at least one must stay (use a fraction below 1)");
            }
            count = (int) Math.round(fraction * n);
            if (count == 0) {
                throw new TechniqueException(ID + ": fraction " + fraction + " of " + n + " blocks rounds to no block; use at least "
                        + LayerTechniques.fmt(0.5 / n) + " or a count");
            }
        } else {
            count = params.getInt(COUNT);
            if (count == 0) throw new TechniqueException(ID + ": nothing to remove: count is 0 and no blocks are named");
        }
        if (count >= n) {
            throw new TechniqueException(ID + ": removing " + count + " of " + n + " blocks leaves no transformer; at most "
                    + (n - 1) + " can go");
        }
        return count;
    }

    private static List<Integer> kept(int n, List<Integer> removed) {
        List<Integer> out = new ArrayList<>();
        for (int b = 1; b <= n; b++) if (!removed.contains(b)) out.add(b);
        return out;
    }
}
