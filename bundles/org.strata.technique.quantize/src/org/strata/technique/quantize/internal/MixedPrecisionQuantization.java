package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import org.strata.core.analysis.LayerReference;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.structure.StructureException;
import org.strata.onnx.structure.TransformerStructure;

/**
 * {@code quantize.mixed}: dynamic int8 everywhere except where it hurts most, after the sensitivity-guided
 * mixed precision of HAWQ (Dong et al., ICCV 2019) with a measured instead of a Hessian sensitivity, as in
 * "Q8BERT"/ORT practice of leaving sensitive layers float.
 *
 * <p>Rules, in order:
 * <ol>
 * <li>Units: each block (its projections), the embedding tables (with {@code quantize-embeddings}) and the
 * products outside the blocks (LM head, pooler; with {@code quantize-other-products}). A unit the quantizer
 * finds nothing to do in is not one.</li>
 * <li>Sensitivity: each unit alone is quantized by {@link DynamicInt8Quantization} (everything else float)
 * and compared with the float model on the calibration texts ({@link LayerReference#agreement}); its
 * sensitivity is 1 − mean cosine. Units are ranked by it.</li>
 * <li>With {@code keep-fp32-blocks} ≥ 0, that many of the most sensitive blocks stay float and everything
 * else is quantized; no goal is checked.</li>
 * <li>Otherwise the goal decides: start with every unit quantized; while the mean cosine on the calibration
 * texts is below {@code min-cosine}, the most sensitive unit still quantized goes back to float, and the
 * candidate is measured again.</li>
 * <li>When even the least sensitive unit alone misses the goal, no mix can meet it: the step fails with the
 * numbers (rather than returning a model that is not quantized at all); lower {@code min-cosine} or fix the
 * count with {@code keep-fp32-blocks}.</li>
 * </ol>
 * The change carries the sensitivity per unit (bars) and, in goal mode, the search (a table), and says
 * which units stayed fp32 and why. The goal is measured on calibration data; the engine then measures the
 * result on the evaluation split. Cost: one calibration run of the float model, then one per unit and one per search
 * step of the candidate. Refuses a model that is quantized already, and one whose blocks it cannot find.
 */
@Component(service = Technique.class)
public final class MixedPrecisionQuantization implements Technique {
    public static final String ID = "quantize.mixed";
    static final String MIN_COSINE = "min-cosine";
    static final String KEEP_FP32_BLOCKS = "keep-fp32-blocks";
    static final String TEXTS = "texts";
    /** Parameters handed to every application of dynamic int8 as they are. */
    private static final List<String> PASSED_ON = List.of(DynamicInt8Quantization.FORM, DynamicInt8Quantization.PER_CHANNEL,
            DynamicInt8Quantization.SYMMETRIC, DynamicInt8Quantization.WEIGHT_TYPE, DynamicInt8Quantization.REDUCE_RANGE);
    private static final DynamicInt8Quantization INT8 = new DynamicInt8Quantization();

    private static final TechniqueDescriptor DESCRIPTOR = descriptor(INT8.descriptor());

    private static TechniqueDescriptor descriptor(TechniqueDescriptor int8) {
        List<ParameterSpec> ps = new ArrayList<>();
        ps.add(ParameterSpec.real(MIN_COSINE, 0.995, 0, 1, "fidelity goal: mean cosine of the outputs against the float model on the "
                + "calibration texts; the most sensitive units stay fp32 until it is met"));
        ps.add(ParameterSpec.integer(KEEP_FP32_BLOCKS, -1, -1, 10_000, "keep exactly this many of the most sensitive blocks fp32 "
                + "instead of searching for min-cosine (-1: search)"));
        ps.add(ParameterSpec.integer(TEXTS, 16, 2, 1024, "calibration texts per measurement (sensitivity and search)"));
        ps.add(ParameterSpec.bool(DynamicInt8Quantization.QUANTIZE_EMBEDDINGS, true,
                "quantize the embedding tables too; they are one more unit that may stay fp32"));
        ps.add(ParameterSpec.bool(DynamicInt8Quantization.OTHER_PRODUCTS, true,
                "quantize products outside the blocks (LM head, pooler) too; they are one more unit that may stay fp32"));
        for (String p : PASSED_ON) ps.add(int8.parameter(p).orElseThrow());
        return new TechniqueDescriptor(ID, "Mixed-precision int8 quantization", "quantize",
                "dynamic int8 except the blocks (and tables) most sensitive to it, chosen by measuring each on calibration data",
                false, ps, Set.of(GraphForm.PLAIN, GraphForm.FUSED), Double.NaN);
    }

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A part of the model that is quantized or kept float as a whole. */
    record Unit(String label, int block, Kind kind) {
        enum Kind {
            BLOCK, EMBEDDINGS, OTHER
        }
    }

    /** How one unit alone, or one mix, compares with the float model. */
    record Measured(Unit unit, ModelRunner.Agreement agreement) {
        double sensitivity() {
            return 1 - agreement.meanCosine();
        }
    }

    /** One step of the search: the units kept fp32 and what the mix gave. */
    record Trial(List<Unit> kept, ModelRunner.Agreement agreement) {
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        TransformerStructure structure;
        try {
            structure = context.structure();
        } catch (StructureException e) {
            throw new TechniqueException(ID + " quantizes block by block and needs the transformer structure: " + e.getMessage());
        }
        int blocks = structure.blockCount();
        int keepCount = params.getInt(KEEP_FP32_BLOCKS);
        if (keepCount > blocks) {
            throw new TechniqueException(KEEP_FP32_BLOCKS + " is " + keepCount + " but the model has " + blocks + " blocks");
        }
        double goal = params.getDouble(MIN_COSINE);
        int texts = params.getInt(TEXTS);
        ModelRunner runner = context.runner();
        byte[] original = ModelWriter.toBytes(model);
        // the float model's outputs on the calibration texts, computed once for every unit and search step
        LayerReference reference = new LayerReference(ModelReader.read(original, "float model"), runner, texts);

        List<Unit> candidates = new ArrayList<>();
        for (int b = 1; b <= blocks; b++) candidates.add(new Unit("block " + b, b, Unit.Kind.BLOCK));
        if (params.getBoolean(DynamicInt8Quantization.QUANTIZE_EMBEDDINGS)) candidates.add(new Unit("embeddings", 0, Unit.Kind.EMBEDDINGS));
        if (params.getBoolean(DynamicInt8Quantization.OTHER_PRODUCTS)) candidates.add(new Unit("other products", 0, Unit.Kind.OTHER));
        List<Unit> all = List.copyOf(candidates);

        context.monitor().subTask(ID + ": sensitivity of " + candidates.size() + " units on " + texts + " calibration texts");
        List<Measured> sensitivity = new ArrayList<>();
        for (Unit u : all) {
            context.monitor().checkCanceled();
            List<Unit> others = new ArrayList<>(all);
            others.remove(u);
            Model trial = ModelReader.read(original, "trial");
            if (!quantize(trial, params, others, context, false).modified()) {
                candidates.remove(u);
                continue;
            }
            ModelRunner.Agreement a = reference.agreement(trial);
            sensitivity.add(new Measured(u, a));
            context.log(String.format(Locale.ROOT, "%s: %s alone quantized: mean cosine %.6f, relative error %.4g", ID, u.label(),
                    a.meanCosine(), a.relativeError()));
        }
        if (sensitivity.isEmpty()) {
            return Change.none("nothing to quantize: no block, embedding table or other product has a constant float weight");
        }
        List<Measured> ranking = new ArrayList<>(sensitivity);
        ranking.sort(Comparator.comparingDouble(Measured::sensitivity).reversed());

        List<Unit> kept = new ArrayList<>();
        List<Trial> search = new ArrayList<>();
        String why;
        if (keepCount >= 0) {
            for (Measured m : ranking) if (m.unit().kind() == Unit.Kind.BLOCK && kept.size() < keepCount) kept.add(m.unit());
            why = keepCount + " most sensitive block" + (keepCount == 1 ? "" : "s") + " kept fp32 as " + KEEP_FP32_BLOCKS + " asks";
        } else {
            why = search(original, reference, params, context, texts, goal, candidates, ranking, kept, search);
        }
        Change inner = quantize(model, params, kept, context, true);

        Set<Integer> quantizedBlocks = new TreeSet<>();
        for (Unit u : candidates) if (u.kind() == Unit.Kind.BLOCK && !kept.contains(u)) quantizedBlocks.add(u.block());
        List<AnalysisTable> analyses = new ArrayList<>();
        analyses.add(sensitivityTable(sensitivity, ranking, kept, texts));
        if (!search.isEmpty()) analyses.add(searchTable(search, goal));
        Map<String, String> details = new LinkedHashMap<>(inner.details());
        details.put("ranking (most sensitive first)", String.join(", ", ranking.stream().map(m -> m.unit().label()).toList()));
        details.put("kept fp32", kept.isEmpty() ? "none" : String.join(", ", kept.stream().map(Unit::label).toList()));
        if (!search.isEmpty()) {
            details.put("calibration mean cosine", String.format(Locale.ROOT, "%.6f (goal %s)", search.get(search.size() - 1).agreement().meanCosine(),
                    goal));
        }
        String summary = summary(candidates, kept, why);
        context.log(ID + ": " + summary);
        return new Change(summary, inner.nodesAdded(), inner.nodesRemoved(), new ArrayList<>(quantizedBlocks), details, analyses);
    }

    /**
     * Goal mode: units go back to fp32, most sensitive first, until the mix meets {@code goal}. Fills
     * {@code kept} and {@code search}; returns why the final mix was chosen.
     *
     * @throws TechniqueException when only the least sensitive unit quantized still misses the goal
     */
    private static String search(byte[] original, LayerReference reference, Parameters params, TechniqueContext context,
            int texts, double goal, List<Unit> candidates, List<Measured> ranking, List<Unit> kept, List<Trial> search) {
        for (int next = 0;; next++) {
            context.monitor().checkCanceled();
            Model trial = ModelReader.read(original, "trial");
            quantize(trial, params, kept, context, false);
            ModelRunner.Agreement a = reference.agreement(trial);
            search.add(new Trial(List.copyOf(kept), a));
            context.log(String.format(Locale.ROOT, "%s: fp32 %s: mean cosine %.6f", ID, kept.isEmpty() ? "none" : kept.stream().map(Unit::label).toList(),
                    a.meanCosine()));
            if (a.meanCosine() >= goal) {
                return String.format(Locale.ROOT, "calibration mean cosine %.5f \u2265 %s with %s fp32", a.meanCosine(), goal,
                        kept.isEmpty() ? "nothing" : kept.size() == 1 ? "the most sensitive unit" : "the " + kept.size() + " most sensitive units");
            }
            if (next >= ranking.size() - 1) {
                Unit last = ranking.get(ranking.size() - 1).unit();
                throw new TechniqueException(String.format(Locale.ROOT, "%s %s is out of reach: with only %s quantized (the least sensitive "
                        + "of %d units) the mean cosine on %d calibration texts is %.6f; lower %s or set %s", MIN_COSINE, goal, last.label(),
                        candidates.size(), texts, a.meanCosine(), MIN_COSINE, KEEP_FP32_BLOCKS));
            }
            kept.add(ranking.get(next).unit());
        }
    }

    /** Applies dynamic int8 to {@code model} with the units in {@code floatUnits} left float. */
    private static Change quantize(Model model, Parameters params, List<Unit> floatUnits, TechniqueContext context, boolean log) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (String name : PASSED_ON) p.put(name, params.asMap().get(name));
        List<Integer> exclude = new ArrayList<>();
        boolean tables = params.getBoolean(DynamicInt8Quantization.QUANTIZE_EMBEDDINGS);
        boolean other = params.getBoolean(DynamicInt8Quantization.OTHER_PRODUCTS);
        for (Unit u : floatUnits) {
            switch (u.kind()) {
                case BLOCK -> exclude.add(u.block());
                case EMBEDDINGS -> tables = false;
                case OTHER -> other = false;
            }
        }
        p.put(DynamicInt8Quantization.EXCLUDE_BLOCKS, exclude);
        p.put(DynamicInt8Quantization.QUANTIZE_EMBEDDINGS, tables);
        p.put(DynamicInt8Quantization.OTHER_PRODUCTS, other);
        TechniqueContext ctx = log ? context
                : TechniqueContext.simple(model, context.target(), context.calibrationTexts(), line -> {}, null);
        return INT8.apply(model, Parameters.of(INT8.descriptor(), p), ctx);
    }

    private static String summary(List<Unit> units, List<Unit> kept, String why) {
        long blocks = units.stream().filter(u -> u.kind() == Unit.Kind.BLOCK).count();
        long quantizedBlocks = units.stream().filter(u -> u.kind() == Unit.Kind.BLOCK && !kept.contains(u)).count();
        List<String> parts = new ArrayList<>();
        parts.add(quantizedBlocks + " of " + blocks + " blocks");
        for (Unit u : units) if (u.kind() != Unit.Kind.BLOCK && !kept.contains(u)) parts.add("the " + u.label());
        String quantized = parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        String fp32 = kept.isEmpty() ? "nothing kept fp32" : "kept " + String.join(", ", kept.stream().map(Unit::label).toList()) + " fp32";
        return "quantized " + quantized + " to int8; " + fp32 + " (" + why + ")";
    }

    private static AnalysisTable sensitivityTable(List<Measured> measured, List<Measured> ranking, List<Unit> kept, int texts) {
        List<String> rows = new ArrayList<>();
        double[] v = new double[measured.size()];
        for (int i = 0; i < measured.size(); i++) {
            Measured m = measured.get(i);
            rows.add(m.unit().label() + " (#" + (ranking.indexOf(m) + 1) + (kept.contains(m.unit()) ? ", fp32)" : ")"));
            v[i] = m.sensitivity();
        }
        return AnalysisTable.bars("quantize-sensitivity", "Sensitivity to int8, unit by unit", rows, "1 \u2212 mean cosine", v, "",
                "Each unit quantized alone (dynamic int8, the rest float) and compared with the float model on " + texts
                        + " calibration texts: 1 \u2212 mean cosine of the outputs. #n is the rank, most sensitive first; "
                        + (kept.isEmpty() ? "no unit was kept fp32." : "fp32 marks the units kept float."));
    }

    private static AnalysisTable searchTable(List<Trial> search, double goal) {
        List<String> rows = new ArrayList<>();
        double[][] v = new double[search.size()][];
        Set<Unit> before = new LinkedHashSet<>();
        for (int i = 0; i < search.size(); i++) {
            Trial t = search.get(i);
            List<Unit> added = new ArrayList<>(t.kept());
            added.removeAll(before);
            before.addAll(t.kept());
            rows.add(i == 0 ? "all quantized" : "+ " + added.get(0).label() + " fp32");
            v[i] = new double[] { t.kept().size(), t.agreement().meanCosine(), t.agreement().minCosine(), t.agreement().relativeError() };
        }
        return new AnalysisTable("mixed-precision-search", "Search for the mix that meets min-cosine " + goal, AnalysisTable.Kind.TABLE, rows,
                List.of("units fp32", "mean cosine", "min cosine", "relative error"), v, "",
                "Units go back to fp32, most sensitive first, until the mean cosine on the calibration texts reaches the goal.");
    }
}
