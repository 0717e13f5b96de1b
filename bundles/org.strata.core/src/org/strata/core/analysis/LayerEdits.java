package org.strata.core.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.strata.core.TechniqueException;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;

/**
 * The depth edits the layer analyses and techniques share: remove blocks (the residual stream rewired past
 * them) and truncate a model after a block (early exit, the final norm and head reused).
 *
 * <p>Removing block {@code b} is {@code replaceAllUsesWith(b.output(), b.input())} then
 * {@code removeDeadNodes()}; several blocks are removed from the last to the first, so that a run of adjacent
 * blocks collapses onto the input of its first. What belongs to a removed block alone goes with it: graph
 * outputs computed by its nodes (a decoder's {@code present} key/value of that layer) are removed from the
 * interface, and graph inputs only its nodes read (that layer's {@code past} key/value) too — so the cache
 * inputs and outputs of the layers that remain still pair up, one input and one output per remaining layer.
 */
public final class LayerEdits {
    private LayerEdits() {
    }

    /**
     * What a removal did.
     *
     * @param blocks        the removed block numbers (from 1), ascending
     * @param nodesAdded    nodes a {@link Bridge} added in their place
     * @param nodesRemoved  nodes removed from the graph
     * @param bytesSaved    initializer bytes no longer in the model
     * @param inputsRemoved graph inputs only the removed blocks read
     * @param outputsRemoved graph outputs only the removed blocks computed
     */
    public record Removal(List<Integer> blocks, int nodesAdded, int nodesRemoved, long bytesSaved, List<String> inputsRemoved,
            List<String> outputsRemoved) {
        public Removal {
            blocks = List.copyOf(blocks);
            inputsRemoved = List.copyOf(inputsRemoved);
            outputsRemoved = List.copyOf(outputsRemoved);
        }
    }

    /**
     * What stands in for a run of adjacent removed blocks: the value the rest of the model reads instead of the
     * run's output. {@link #SKIP} is the run's input (the residual stream passes straight through); a bridge may add
     * nodes computing something from it (a fitted linear map).
     */
    @FunctionalInterface
    public interface Bridge {
        Bridge SKIP = (graph, first, last) -> first.input();

        Value replacement(Graph graph, Block first, Block last);
    }

    /** A deep copy of {@code model} (serialised and read back), for variants measured against the original. */
    public static Model copy(Model model) {
        return ModelReader.read(ModelWriter.toBytes(model), "copy of " + model.graph().name());
    }

    /**
     * Checks block numbers a user gave against the model.
     *
     * @throws TechniqueException naming the first number out of range and the valid range, or saying that every
     *                            block would go
     */
    public static void checkRemovable(TransformerStructure s, Collection<Integer> numbers, String what) {
        int n = s.blockCount();
        for (int b : numbers) {
            if (b < 1 || b > n) {
                throw new TechniqueException(what + ": block " + b + " is out of range; the model has blocks 1 to " + n);
            }
        }
        if (new TreeSet<>(numbers).size() >= n) {
            throw new TechniqueException(what + ": removing " + (n == 1 ? "the only block" : "all " + n + " blocks")
                    + " leaves no transformer; at least one block must stay");
        }
    }

    /**
     * Removes blocks {@code numbers} (from 1) of {@code model}, whose structure is {@code s}.
     *
     * @throws TechniqueException for a number out of range or when every block would go (nothing is changed then)
     */
    public static Removal removeBlocks(Model model, TransformerStructure s, Collection<Integer> numbers) {
        return removeBlocks(model, s, numbers, Bridge.SKIP);
    }

    /**
     * Removes blocks {@code numbers} (from 1) of {@code model}, whose structure is {@code s}; each run of adjacent
     * removed blocks is replaced by what {@code bridge} makes of it.
     *
     * @throws TechniqueException for a number out of range or when every block would go (nothing is changed then)
     */
    public static Removal removeBlocks(Model model, TransformerStructure s, Collection<Integer> numbers, Bridge bridge) {
        checkRemovable(s, numbers, "cannot remove blocks " + new TreeSet<>(numbers));
        Graph g = model.graph();
        List<Integer> descending = new ArrayList<>(new TreeSet<>(numbers).descendingSet());
        Set<Node> owned = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Value> streams = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int b : descending) {
            owned.addAll(s.block(b).nodes());
            streams.add(s.block(b).output());
        }
        Set<Value> allStreams = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Block b : s.blocks()) {
            allStreams.add(b.input());
            allStreams.add(b.output());
        }
        List<String> outputsRemoved = new ArrayList<>();
        for (Value out : new ArrayList<>(g.outputs())) {
            if (!streams.contains(out) && computedWithin(out, owned, allStreams)) {
                outputsRemoved.add(out.name());
                g.removeOutput(out);
            }
        }
        List<Value> ownedInputs = new ArrayList<>();
        for (Value in : g.realInputs()) {
            if (in.hasUses() && in.consumers().stream().allMatch(owned::contains)) ownedInputs.add(in);
        }
        long bytesBefore = model.initializerBytes();
        int nodesBefore = g.nodes().size();
        int added = 0;
        List<List<Integer>> runs = runs(new ArrayList<>(new TreeSet<>(numbers)));
        for (int r = runs.size() - 1; r >= 0; r--) {
            List<Integer> run = runs.get(r);
            Block first = s.block(run.get(0));
            Block last = s.block(run.get(run.size() - 1));
            int before = g.nodes().size();
            Value replacement = bridge.replacement(g, first, last);
            added += g.nodes().size() - before;
            g.replaceAllUsesWith(last.output(), replacement);
        }
        g.removeDeadNodes();
        List<String> inputsRemoved = new ArrayList<>();
        for (Value in : ownedInputs) {
            if (!in.hasUses()) {
                inputsRemoved.add(in.name());
                g.removeInput(in);
            }
        }
        return new Removal(new ArrayList<>(new TreeSet<>(numbers)), added, nodesBefore + added - g.nodes().size(),
                bytesBefore - model.initializerBytes(), inputsRemoved, outputsRemoved);
    }

    /**
     * True when {@code v} is computed by one of {@code owned}, directly or through a chain of nodes with one
     * non-constant input each (an Identity, Cast or Transpose of a layer's key/value), without passing a
     * residual-stream value.
     */
    private static boolean computedWithin(Value v, Set<Node> owned, Set<Value> streams) {
        Value x = v;
        for (int steps = 0; steps < 16; steps++) {
            if (streams.contains(x) || x.producer() == null) return false;
            if (owned.contains(x.producer())) return true;
            List<Value> data = x.producer().inputs().stream().filter(in -> in != null && !in.isInitializer()).toList();
            if (data.size() != 1) return false;
            x = data.get(0);
        }
        return false;
    }

    /** Maximal runs of consecutive numbers in an ascending list: [2, 3, 5] → [[2, 3], [5]]. */
    public static List<List<Integer>> runs(List<Integer> ascending) {
        List<List<Integer>> out = new ArrayList<>();
        for (int b : ascending) {
            List<Integer> last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.get(last.size() - 1) == b - 1) last.add(b);
            else out.add(new ArrayList<>(List.of(b)));
        }
        return out;
    }

    /**
     * Truncates {@code model} after block {@code k}: blocks {@code k+1} to the last are removed, and whatever
     * followed the last block (final norm, pooler, LM head) now reads block {@code k}'s output, so the outputs
     * keep their names, types and meaning.
     *
     * @throws TechniqueException when {@code k} is not a block before the last
     */
    public static Removal truncateAfter(Model model, TransformerStructure s, int k) {
        int n = s.blockCount();
        if (k < 1 || k >= n) {
            throw new TechniqueException("cannot exit after block " + k + ": choose a block from 1 to " + (n - 1)
                    + " (the model has " + n + " blocks; exiting after the last changes nothing)");
        }
        List<Integer> later = new ArrayList<>();
        for (int b = k + 1; b <= n; b++) later.add(b);
        return removeBlocks(model, s, later);
    }
}
