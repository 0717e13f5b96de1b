package org.example.strata.sparsity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

/**
 * Magnitude sparsification without retraining: every weight of a matrix product ({@code MatMul}, {@code Gemm}) whose
 * magnitude is below {@code threshold} becomes exactly zero, and the step reports the sparsity it reached — overall and
 * per matrix. It is the pruning criterion of Han et al. ("Learning both Weights and Connections for Efficient Neural
 * Networks", 2015) without their retraining, which is why the threshold should stay small.
 *
 * <p>Rules: a weight is the second input of a {@code MatMul} or {@code Gemm} that is a float initializer with at least
 * {@code min-elements} elements (so biases, norms and small heads are left alone); the weights are found by op type,
 * never by name, so any transformer family works; a weight shared by several products is sparsified once. Dense ONNX
 * storage does not shrink by zeros: this step is the first half of sparse storage or of compressing the file.
 */
@Component(service = Technique.class)
public final class MagnitudeSparsity implements Technique {
    public static final String ID = "sparsity.magnitude";
    public static final String THRESHOLD = "threshold";
    public static final String MIN_ELEMENTS = "min-elements";

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Magnitude sparsity", "sparsity",
            "Sets MatMul/Gemm weights whose magnitude is below a threshold to zero and reports the sparsity reached", false,
            List.of(ParameterSpec.real(THRESHOLD, 0.005, 0.0, 100.0, "weights with |w| below this become 0 (absolute, in the weights' units)"),
                    ParameterSpec.integer(MIN_ELEMENTS, 4096, 1, Integer.MAX_VALUE,
                            "only weight matrices with at least this many elements are touched (leaves small heads alone)")),
            EnumSet.of(GraphForm.PLAIN, GraphForm.FUSED), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        double threshold = params.getDouble(THRESHOLD);
        int minElements = params.getInt(MIN_ELEMENTS);
        Graph graph = model.graph();
        List<Value> weights = weights(graph, minElements);
        if (weights.isEmpty()) {
            return Change.none("no float MatMul/Gemm weight with at least " + minElements + " elements");
        }
        long total = 0;
        long zeros = 0;
        long zeroedNow = 0;
        List<String> rows = new ArrayList<>();
        List<double[]> perMatrix = new ArrayList<>();
        context.monitor().subTask("sparsifying " + weights.size() + " weight matrices below " + ParameterSpec.format(threshold));
        for (Value w : weights) {
            context.monitor().checkCanceled();
            Tensor t = w.initializer();
            float[] values = TensorCodec.toFloats(t);
            long before = countZeros(values);
            for (int i = 0; i < values.length; i++) {
                if (Math.abs(values[i]) < threshold) values[i] = 0f;
            }
            long after = countZeros(values);
            if (after > before) graph.setInitializer(w, TensorCodec.fromFloats(t.name(), t.dims(), values));
            total += values.length;
            zeros += after;
            zeroedNow += after - before;
            rows.add(w.name());
            perMatrix.add(new double[] {100.0 * after / values.length});
        }
        double sparsity = (double) zeros / total;
        context.log(String.format(Locale.ROOT, "%s: %d of %d weights in %d matrices are zero (%.2f%%)", ID, zeros, total, weights.size(), 100 * sparsity));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("matrices", Integer.toString(weights.size()));
        details.put("weights", Long.toString(total));
        details.put("zeroed", Long.toString(zeroedNow));
        details.put("sparsity", String.format(Locale.ROOT, "%.4f", sparsity));
        details.put("modified", Boolean.toString(zeroedNow > 0));
        AnalysisTable table = new AnalysisTable("sparsity-per-matrix", "Sparsity per weight matrix", AnalysisTable.Kind.BARS, rows,
                List.of("zeros"), perMatrix.toArray(double[][]::new), "%",
                "Share of each matrix's weights that are exactly zero after the step, in graph order.");
        String summary = String.format(Locale.ROOT, "zeroed %d weights below %s in %d matrices: sparsity %.2f%%", zeroedNow,
                ParameterSpec.format(threshold), weights.size(), 100 * sparsity);
        return new Change(summary, 0, 0, List.of(), details, List.of(table));
    }

    /** The float weight initializers of matrix products, each once, in graph order. */
    static List<Value> weights(Graph graph, int minElements) {
        Set<Value> out = new LinkedHashSet<>();
        for (Node n : graph.nodes()) {
            if (!(n.is("MatMul") || n.is("Gemm")) || n.inputs().size() < 2) continue;
            Value w = n.input(1);
            if (w == null || !w.isInitializer()) continue;
            Tensor t = w.initializer();
            if (t.type() == DataType.FLOAT && t.rank() == 2 && t.elementCount() >= minElements) out.add(w);
        }
        return new ArrayList<>(out);
    }

    private static long countZeros(float[] values) {
        long n = 0;
        for (float v : values) if (v == 0f) n++;
        return n;
    }
}
