package org.strata.technique.prune.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strata.core.AnalysisTable;
import org.strata.core.TechniqueContext;
import org.strata.core.analysis.ProjectionWeights;
import org.strata.onnx.Model;
import org.strata.onnx.structure.Projection;

/**
 * The obs criterion of both pruning techniques: one calibration pass measuring the inputs of every consumer
 * projection (the down projection of an FFN, the output projection of an attention), then per block a
 * {@link Surgeon} choosing the groups to remove and refitting the rest, plus the analysis that shows what the refit
 * saved.
 */
final class Surgeries {
    /**
     * One block's surgery to do.
     *
     * @param block     block number, from 1
     * @param consumer  the projection whose input rows are removed
     * @param groupSize consecutive input rows removed together (1 for a neuron, the rows of a key/value group for heads)
     * @param remove    how many groups to remove (when {@code forced} is null)
     * @param forced    exactly these groups, chosen by the user, or null to let the surgeon choose
     */
    record Order(int block, Projection consumer, int groupSize, int remove, int[] forced) {
    }

    /** Per block number, what was decided; and the analysis table. */
    record Result(Map<Integer, Surgeon.Surgery> surgeries, AnalysisTable analysis) {
    }

    private Surgeries() {
    }

    /**
     * Does the {@code orders} on at least {@link PruningSteps#OBS_TEXTS} calibration texts.
     *
     * @param units    what a group is, for progress and the analysis ("FFN neurons", "attention heads")
     * @param id       id of the analysis table
     */
    static Result perform(Model model, List<Order> orders, int texts, TechniqueContext context, String units, String id) {
        Map<Integer, Projection> consumers = new LinkedHashMap<>();
        for (Order o : orders) consumers.put(o.block(), o.consumer());
        int fitTexts = Math.max(texts, PruningSteps.OBS_TEXTS);
        context.monitor().subTask("measuring the covariance of what the " + units + " pass on, on up to " + fitTexts
                + " calibration texts");
        Map<Integer, InputCovariance> cov = InputCovariance.measure(model, consumers, context.runner(), fitTexts, context.monitor());
        Map<Integer, Surgeon.Surgery> out = new LinkedHashMap<>();
        double[][] errors = new double[orders.size()][];
        List<String> rows = new ArrayList<>();
        for (Order o : orders) {
            context.monitor().subTask("choosing and refitting the " + units + " of block " + o.block());
            ProjectionWeights w = ProjectionWeights.of(o.consumer());
            InputCovariance c = cov.get(o.block());
            Surgeon.Surgery surgery = o.forced() == null
                    ? Surgeon.remove(c, w.matrix(), w.out(), o.groupSize(), o.remove(), Surgeon.RIDGE, context.monitor())
                    : Surgeon.removeExactly(c, w.matrix(), w.out(), o.groupSize(), o.forced(), Surgeon.RIDGE, context.monitor());
            out.put(o.block(), surgery);
            double base = Surgeon.outputVariance(c, w.matrix(), w.out());
            errors[rows.size()] = new double[] {surgery.error()[0] / base, surgery.error()[1] / base};
            rows.add("block " + o.block());
        }
        long tokens = cov.isEmpty() ? 0 : cov.values().iterator().next().tokens();
        AnalysisTable table = new AnalysisTable(id, "Removing the " + units + ": relative output error of the "
                + (orders.isEmpty() ? "projection" : "projection they feed"),
                AnalysisTable.Kind.BARS, rows, List.of("mean in bias only", "least-squares refit"), errors, "",
                "Expected squared error of the projection's output over its variance, on " + tokens + " calibration tokens: "
                        + "removing the " + units + " with only their mean put back (FLAP), and with the remaining rows "
                        + "refitted (obs).");
        return new Result(out, table);
    }
}
