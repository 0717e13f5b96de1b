package org.strata.technique.cleanup.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.infer.InferenceReport;
import org.strata.onnx.infer.ShapeInference;

/**
 * {@code cleanup.graph}: lossless graph cleanup, the ONNX-level housekeeping every exporter's output needs
 * before compression (in the spirit of onnx_ir's common passes and onnxoptimizer's eliminate/fold passes).
 *
 * <p>The rewrite rules, each a pass with its own switch, in the order they run:
 * <ol>
 * <li>{@link ConstantToInitializer} ({@code constants-to-initializers}): Constant nodes become initializers.</li>
 * <li>{@link IdentityElimination} ({@code identity}): Identity nodes go; graph outputs keep their names.</li>
 * <li>{@link DropoutElimination} ({@code dropout}): Dropout in inference mode goes.</li>
 * <li>{@link NoOpElimination} ({@code no-ops}): Cast to the same type, Reshape to the same shape, identity
 * Transpose, Expand/Tile that change nothing go.</li>
 * <li>{@link ConstantFolding} ({@code fold-constants}): shape computations on constants and static shapes
 * become initializers.</li>
 * <li>{@link InitializerDeduplication} ({@code deduplicate-initializers}): identical initializers merge.</li>
 * <li>{@link DeadNodeElimination} ({@code dead-nodes}) and {@link UnusedInitializerRemoval}
 * ({@code unused-initializers}): what nothing uses any more goes.</li>
 * </ol>
 * The sequence repeats until a round changes nothing (a fold can make a Reshape a no-op, a removal can make a
 * node dead), so cleaning a cleaned model changes nothing. The types the file declares on intermediate values
 * are set aside while the passes run (see {@link DeclaredTypes}): with {@code shape-inference} on, Strata's
 * shape inference types those values from the graph inputs and initializers alone; off, the passes know only
 * the inputs', initializers' and constants' types. The declared types are put back afterwards, so no
 * {@code value_info} is added or changed.
 *
 * <p>Assumptions: the model is valid; values are what their types say. Only the main graph is rewritten
 * (subgraphs stay as they are, and values they use stay alive). Nodes of unknown domains are never touched.
 * The model's inputs, outputs (names, order, declared types), opsets and metadata stay the same; numerics are
 * unchanged bit for bit, since nothing floating-point is ever computed.
 */
@Component(service = Technique.class)
public final class GraphCleanup implements Technique {
    static final String ID = "cleanup.graph";
    static final String SHAPE_INFERENCE = "shape-inference";
    /** Rounds are few in practice (two or three); the bound only guards against a pass that undoes another. */
    private static final int MAX_ROUNDS = 16;

    private static final TechniqueDescriptor DESCRIPTOR = buildDescriptor();

    private static TechniqueDescriptor buildDescriptor() {
        List<ParameterSpec> params = new ArrayList<>();
        for (CleanupPass p : passes(ConstantFolding.DEFAULT_MAX_ELEMENTS)) params.add(p.parameter());
        params.add(ParameterSpec.bool(SHAPE_INFERENCE, true,
                "infer shapes first, so that static shapes fold and no-ops on intermediate values are recognised"));
        params.add(ConstantFolding.limitParameter());
        return new TechniqueDescriptor(ID, "Graph cleanup", "cleanup",
                "Removes Identity, inference Dropout and no-op nodes, folds constant shape computations, turns Constants into"
                        + " initializers, merges duplicate initializers and drops dead code; outputs stay bit-identical",
                true, params, EnumSet.allOf(GraphForm.class), Double.NaN);
    }

    /** The passes in the order they run. */
    static List<CleanupPass> passes(long maxFoldedElements) {
        return List.of(new ConstantToInitializer(), new IdentityElimination(), new DropoutElimination(), new NoOpElimination(),
                new ConstantFolding(maxFoldedElements), new InitializerDeduplication(), new DeadNodeElimination(),
                new UnusedInitializerRemoval());
    }

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        Graph g = model.graph();
        List<CleanupPass> enabled = passes(params.getInt("max-folded-elements")).stream()
                .filter(p -> params.getBoolean(p.parameter().name())).toList();
        GraphFacts facts = new GraphFacts(model);
        if (!facts.mayAddInitializers() && enabled.stream().anyMatch(p -> p instanceof ConstantToInitializer || p instanceof ConstantFolding)) {
            context.log(ID + ": the model has IR version " + model.irVersion() + " (before 4), where every initializer must be a graph"
                    + " input; Constant nodes are kept and nothing is folded, so that no input is added");
        }
        Set<Node> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(g.nodes());
        int initializersBefore = g.initializers().size();
        long bytesBefore = model.initializerBytes();

        Map<CleanupPass, Integer> counts = new LinkedHashMap<>();
        DeclaredTypes declared = DeclaredTypes.setAside(g);
        int rounds = 0;
        try {
            if (params.getBoolean(SHAPE_INFERENCE)) {
                InferenceReport report = ShapeInference.standard().infer(model);
                context.log(ID + ": shape inference: " + report.summary());
            }
            boolean changed = true;
            while (changed && rounds < MAX_ROUNDS) {
                changed = false;
                rounds++;
                for (CleanupPass pass : enabled) {
                    context.monitor().checkCanceled();
                    int n = pass.run(facts);
                    if (n > 0) {
                        counts.merge(pass, n, Integer::sum);
                        changed = true;
                    }
                }
            }
        } finally {
            declared.restore(g);
        }
        return change(model, before, initializersBefore, bytesBefore, counts, rounds);
    }

    private static Change change(Model model, Set<Node> before, int initializersBefore, long bytesBefore,
            Map<CleanupPass, Integer> counts, int rounds) {
        Graph g = model.graph();
        int added = (int) g.nodes().stream().filter(n -> !before.contains(n)).count();
        int removed = before.size() + added - g.nodes().size();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("modified", Boolean.toString(!counts.isEmpty()));
        details.put("nodes-before", Integer.toString(before.size()));
        details.put("nodes-after", Integer.toString(g.nodes().size()));
        details.put("initializers-before", Integer.toString(initializersBefore));
        details.put("initializers-after", Integer.toString(g.initializers().size()));
        details.put("initializer-bytes-before", Long.toString(bytesBefore));
        details.put("initializer-bytes-after", Long.toString(model.initializerBytes()));
        details.put("rounds", Integer.toString(rounds));
        List<String> said = new ArrayList<>();
        counts.forEach((pass, n) -> {
            details.put(pass.parameter().name(), Integer.toString(n));
            said.add(pass.describe(n));
        });
        String summary = counts.isEmpty()
                ? "the graph was already clean: no rule found anything to do (" + before.size() + " nodes)"
                : before.size() + " → " + g.nodes().size() + " nodes, " + initializersBefore + " → " + g.initializers().size()
                        + " initializers: " + String.join(", ", said);
        return new Change(summary, added, removed, List.of(), details);
    }
}
