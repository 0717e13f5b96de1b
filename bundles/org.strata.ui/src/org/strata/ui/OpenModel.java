package org.strata.ui;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.strata.onnx.Model;
import org.strata.onnx.ModelSummary;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;

/**
 * A model open in the workbench: where it came from, what it is, and its discovered structure (or why there
 * is none). Immutable; the {@link Model} is read-only to the workbench — runs work on their own copy in a
 * child process.
 *
 * @param label       what the user sees
 * @param runArgument what a run passes as {@code --model}: {@code minilm}, {@code minilm-int8} or the file
 * @param file        the ONNX file
 * @param fileBytes   the file's size (external data not included)
 * @param structure   the discovered structure, or null with {@code structureProblem} saying why
 * @param blockWeights per block {parameters, bytes} of the weights its nodes use
 */
public record OpenModel(String label, String runArgument, Path file, long fileBytes, Model model, ModelSummary summary,
        TransformerStructure structure, String structureProblem, List<long[]> blockWeights) {

    /** Inspects a model that was read: {@code phases} hears of each phase before it starts and may throw to stop. */
    public static OpenModel of(String label, String runArgument, Path file, long fileBytes, Model model, Consumer<String> phases) {
        phases.accept("Discovering the transformer structure");
        TransformerStructure s = null;
        String problem = null;
        try {
            s = TransformerStructure.discover(model);
        } catch (RuntimeException e) {
            // a model whose structure is not recognised still opens: the Structure part says why
            problem = e.getMessage() != null ? e.getMessage() : e.toString();
        }
        phases.accept("Summarising the graph");
        ModelSummary summary = ModelSummary.of(model);
        List<long[]> weights = s == null ? List.of() : s.blocks().stream().map(OpenModel::weights).toList();
        return new OpenModel(label, runArgument, file, fileBytes, model, summary, s, problem, weights);
    }

    /**
     * Whether a run record's source-model text ({@code RunRecord.getSourceModel()}, e.g. "embedded all-MiniLM-L6-v2 fp32"
     * or a file's path) names this model.
     */
    public boolean isSourceOf(String recordSource, String runLabel) {
        if (label.equals(runLabel)) return true;
        if (recordSource == null) return false;
        String r = squash(recordSource);
        return r.contains(squash(label)) || file != null && r.contains(squash(file.toString()));
    }

    private static String squash(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** {parameters, bytes} of the initializers a block's nodes read, each counted once. */
    private static long[] weights(Block b) {
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long params = 0;
        long bytes = 0;
        for (Node n : b.nodes()) {
            for (Value v : n.inputs()) {
                if (v != null && v.isInitializer() && seen.add(v)) {
                    params += v.initializer().elementCount();
                    bytes += v.initializer().byteSize();
                }
            }
        }
        return new long[] {params, bytes};
    }
}
