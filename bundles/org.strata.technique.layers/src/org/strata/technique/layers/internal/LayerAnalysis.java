package org.strata.technique.layers.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.analysis.BlockAblation;
import org.strata.core.analysis.EarlyExitAnalysis;
import org.strata.core.analysis.LayerSimilarity;
import org.strata.core.analysis.LayerStatistics;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;

/**
 * {@code analyze.layers}: measures the model's blocks on the calibration data and changes nothing — block influence
 * (ShortGPT), layer similarity (linear CKA and mean cosine of block outputs), per-block ablation and early-exit
 * fidelity — and hands them back as {@link Change#analyses()}, which the run record keeps and the report draws.
 * A later depth step on the same graph reuses what was measured (the context caches by graph fingerprint).
 */
@Component(service = Technique.class)
public final class LayerAnalysis implements Technique {
    static final String ID = "analyze.layers";
    static final String ANALYSES = "analyses";
    static final String INFLUENCE = "influence";
    static final String SIMILARITY = "similarity";
    static final String ABLATION = "ablation";
    static final String EARLY_EXIT = "early-exit";
    static final List<String> ALL = List.of(INFLUENCE, SIMILARITY, ABLATION, EARLY_EXIT);

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Layer analysis", "layers",
            "Measures block influence, layer similarity (CKA), per-block ablation and early-exit fidelity on the calibration"
                    + " data for the report; the model is not changed",
            true,
            List.of(ParameterSpec.textList(ANALYSES, ALL, ALL, "which analyses to run"), LayerTechniques.texts()),
            EnumSet.allOf(GraphForm.class), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext ctx) {
        TransformerStructure s = LayerTechniques.structure(ctx, ID);
        int texts = params.getInt(LayerTechniques.TEXTS);
        List<String> wanted = params.getStringList(ANALYSES);
        List<AnalysisTable> tables = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("modified", "false");
        details.put("blocks", Integer.toString(s.blockCount()));
        if (wanted.contains(INFLUENCE) || wanted.contains(SIMILARITY)) {
            LayerStatistics.Stream stream = LayerStatistics.stream(model, ctx, texts);
            if (wanted.contains(INFLUENCE)) {
                tables.add(stream.influence().table());
                int least = stream.influence().ranking().get(0);
                findings.add("least influential block " + least + " (" + LayerTechniques.fmt(stream.influence().of(least)) + ")");
                details.put("influence-ranking", stream.influence().ranking().toString());
            }
            if (wanted.contains(SIMILARITY)) {
                LayerSimilarity sim = stream.similarity();
                tables.addAll(sim.tables());
                if (s.blockCount() > 1) {
                    int best = 1;
                    for (int b = 1; b < s.blockCount(); b++) if (sim.cka(b, b + 1) > sim.cka(best, best + 1)) best = b;
                    findings.add("most similar adjacent blocks " + best + " and " + (best + 1) + " (CKA "
                            + LayerTechniques.fmt(sim.cka(best, best + 1)) + ")");
                }
            }
        }
        if (wanted.contains(ABLATION) && s.blockCount() > 1) {
            BlockAblation ablation = LayerStatistics.ablation(model, ctx, texts);
            tables.add(ablation.table());
            int cheapest = ablation.ranking().get(0);
            findings.add("cheapest block to remove " + cheapest + " (cosine " + LayerTechniques.fmt(ablation.meanCosine(cheapest)) + ")");
            details.put("ablation-ranking", ablation.ranking().toString());
        }
        if (wanted.contains(EARLY_EXIT) && s.blockCount() > 1) {
            EarlyExitAnalysis exit = LayerStatistics.earlyExit(model, ctx, texts);
            tables.add(exit.table());
            int k = s.blockCount() - 1;
            findings.add("exit after block " + k + " keeps cosine " + LayerTechniques.fmt(exit.meanCosine(k)));
        }
        List<String> run = new ArrayList<>(wanted);
        if (s.blockCount() < 2) run.removeAll(List.of(ABLATION, EARLY_EXIT));
        String summary = "measured " + String.join(", ", run) + " of " + s.blockCount() + " blocks on " + texts
                + " calibration texts" + (findings.isEmpty() ? "" : ": " + String.join("; ", findings)) + "; the model is unchanged";
        ctx.log(ID + ": " + summary);
        return new Change(summary, 0, 0, List.of(), details, tables);
    }
}
