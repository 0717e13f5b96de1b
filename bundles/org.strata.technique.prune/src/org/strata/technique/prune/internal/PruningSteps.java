package org.strata.technique.prune.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.strata.core.ParameterSpec;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueException;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.StructureException;
import org.strata.onnx.structure.TransformerStructure;

/** What the two pruning techniques share: parameters, checking their input, and planning then applying the rewrite. */
final class PruningSteps {
    static final String FRACTION = "fraction";
    static final String GLOBAL = "global";
    static final String BLOCKS = "blocks";
    static final String CRITERION = "criterion";
    static final String COMPENSATE = "compensate";
    static final String TEXTS = "calibration-texts";
    static final String OBS = "obs";
    /**
     * Calibration texts the obs criterion reads at least (all of the split when it is smaller): the covariance of
     * n inputs needs several tokens per input; MiniLM's calibration split gives about 5,500 tokens.
     */
    static final int OBS_TEXTS = 512;

    private PruningSteps() {
    }

    /** The parameters both techniques take, for {@code units} ("heads", "neurons") of {@code part} ("attention", "FFN"). */
    record CommonParameters(ParameterSpec fraction, ParameterSpec global, ParameterSpec blocks, ParameterSpec criterion,
            ParameterSpec compensate, ParameterSpec texts) {
        static CommonParameters of(String units, String part, String consumer, String fluctuation, String magnitude) {
            return new CommonParameters(
                    ParameterSpec.real(FRACTION, 0.25, 0, 1, "share of the " + units + " of each block to remove (above 0, "
                            + "below 1; rounded per block, at least one stays)"),
                    ParameterSpec.bool(GLOBAL, false, "rank the " + units + " of all blocks together and remove that share of "
                            + "all of them: weak blocks lose more, strong ones fewer"),
                    ParameterSpec.intList(BLOCKS, List.of(), 1, 10_000, "blocks, from 1, whose " + part + " may be pruned (empty: all)"),
                    ParameterSpec.choice(CRITERION, OBS, List.of(OBS, "fluctuation", "magnitude"), "how " + units
                            + " are chosen: obs (Optimal Brain Surgeon: one at a time, the one whose loss the others can best make "
                            + "up, and the " + consumer + "'s remaining rows refitted by least squares on the calibration "
                            + "activations; reads at least " + OBS_TEXTS + " texts), fluctuation (" + fluctuation
                            + "; best with compensate) or magnitude (" + magnitude + ")"),
                    ParameterSpec.bool(COMPENSATE, true, "fluctuation and magnitude: add the removed " + units + "' mean "
                            + "contribution to the " + consumer + "'s bias, so only its variation is lost; off: removing one is "
                            + "exactly zeroing its rows of the " + consumer + " (obs always keeps the output's mean)"),
                    ParameterSpec.integer(TEXTS, 64, 1, 100_000, "calibration texts the importance of the " + units
                            + " is measured on"));
        }
    }

    /** The structure, or a refusal naming the technique and why the graph was not recognised. */
    static TransformerStructure structure(TechniqueContext context, String id) {
        try {
            return context.structure();
        } catch (StructureException e) {
            throw new TechniqueException(id + " needs a transformer whose blocks it can recognise: " + e.getMessage(), e);
        }
    }

    /** @throws TechniqueException unless {@code 0 < fraction < 1} */
    static void checkFraction(double fraction, String units) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new TechniqueException("fraction must be above 0 and below 1, not " + fraction + ": it is the share of the "
                    + units + " of each block to remove, and every block keeps at least one");
        }
    }

    /** Per block (index from 0), whether the user's {@code blocks} (from 1; empty for all) include it. */
    static boolean[] chosen(List<Integer> blocks, int count) {
        boolean[] chosen = new boolean[count];
        if (blocks.isEmpty()) java.util.Arrays.fill(chosen, true);
        for (int b : blocks) {
            if (b < 1 || b > count) {
                throw new TechniqueException("blocks: there is no block " + b + "; the model has blocks 1 to " + count);
            }
            chosen[b - 1] = true;
        }
        return chosen;
    }

    /** Nodes added and removed by a rewrite. */
    record Counts(int added, int removed) {
    }

    /**
     * Plans with {@code planner} (which throws, leaving the model untouched, when something cannot be rewritten),
     * applies the plan, and forgets the now stale shapes recorded for the touched blocks' values.
     */
    static Counts rewrite(Model model, List<Block> touched, Consumer<BlockRewrites> planner) {
        Graph g = model.graph();
        ShapeFacts facts = ShapeFacts.of(model);
        RewritePlan plan = new RewritePlan(g, new ShapeVectors(g, facts));
        planner.accept(new BlockRewrites(plan, facts));
        Set<Node> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(g.nodes());
        Set<Node> blockNodes = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Block b : touched) blockNodes.addAll(b.nodes());
        plan.apply();
        int added = 0;
        for (Node n : g.nodes()) {
            if (!before.remove(n)) added++;
            if (blockNodes.contains(n)) {
                for (Value o : n.outputs()) if (!o.isGraphOutput()) o.setType(null);
            }
        }
        return new Counts(added, before.size());
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
