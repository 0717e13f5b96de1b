package org.strata.technique.tokens.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.core.TechniqueException;
import org.strata.onnx.DataType;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Reachability;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.structure.AttentionMask;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;

/**
 * Where and whether a model's token sequence can be reduced, checked before anything is edited: an encoder
 * (bidirectional attention, no rotary embedding) whose attentions are plain Softmax attention, with one padding
 * mask shared by all blocks that the attentions add to their scores (or none at all, as in a ViT), reduced
 * after a block that has a later one, at opset 11 or above, in float32. Every refusal is a
 * {@link TechniqueException} whose message names the block, node or value and says what to do.
 *
 * <p>It also says how each block takes its attention bias: the Add inputs that read the padding mask today
 * (the rewrite points them at the reduced sequence's bias), or, without a mask, the Softmax whose input gets one
 * more Add.
 */
final class ReductionSite {
    /** One input of one node that reads the attention mask. */
    record MaskUse(Node node, int index) {
    }

    private final String techniqueId;
    private final Model model;
    private final TransformerStructure structure;
    private final Value maskInput;
    private final Map<Integer, List<MaskUse>> maskUses = new HashMap<>();

    private ReductionSite(String techniqueId, Model model, TransformerStructure structure, Value maskInput) {
        this.techniqueId = techniqueId;
        this.model = model;
        this.structure = structure;
        this.maskInput = maskInput;
    }

    /**
     * Checks the model as a whole.
     *
     * @throws TechniqueException naming what makes the model unfit for token reduction
     */
    static ReductionSite of(String techniqueId, Model model, TransformerStructure s) {
        long opset = model.opset(Node.DEFAULT_DOMAIN);
        if (opset < OpBuilder.MIN_OPSET) {
            throw new TechniqueException(techniqueId + " writes TopK, GatherElements and ScatterElements as of opset "
                    + OpBuilder.MIN_OPSET + ", but the model imports the default ONNX domain at opset " + opset
                    + "; convert the model to opset " + OpBuilder.MIN_OPSET + " or later first");
        }
        if (s.blockCount() < 2) {
            throw new TechniqueException(techniqueId + ": the model has only " + s.blockCount()
                    + " block, so no block runs after a reduction; token reduction needs at least 2 blocks");
        }
        for (Block b : s.blocks()) {
            if (b.attention().causal()) {
                throw new TechniqueException(techniqueId + ": block " + b.number() + "'s attention is causal (a decoder: "
                        + s.family() + "); dropping or merging tokens changes which positions exist for generation, so "
                        + "token reduction applies to encoders (BERT-like, ViT) only");
            }
            if (b.attention().fused()) {
                throw new TechniqueException(techniqueId + ": block " + b.number() + "'s attention is the fused "
                        + b.attention().core().describe() + "; token reduction rewrites the attention scores of plain "
                        + "Softmax attention, so run it before steps that fuse attention");
            }
            if (b.attention().rotary() != null) {
                throw new TechniqueException(techniqueId + ": block " + b.number() + " applies rotary position embedding,"
                        + " whose tables follow the full sequence; token reduction supports models with absolute positions only");
            }
        }
        Value tokens = s.embeddings().tokens();
        if (tokens != null && tokens.type() != null && tokens.type().elementType() != DataType.FLOAT
                && tokens.type().elementType() != DataType.UINT8 && tokens.type().elementType() != DataType.INT8) {
            throw new TechniqueException(techniqueId + ": the token embedding table '" + tokens.name() + "' is "
                    + tokens.type().elementType() + "; token reduction writes float32 arithmetic and supports float32 models");
        }
        AttentionMask mask = s.attentionMask();
        Value input = null;
        if (mask != null) {
            input = mask.input();
            if (input == null) {
                throw new TechniqueException(techniqueId + ": the attention mask path could not be found: the attentions "
                        + "consume " + names(mask.consumed()) + ", but no model input leads to them, so padded positions "
                        + "cannot be told from real tokens");
            }
            TensorType t = input.type();
            if (t != null && t.shape() != null && t.shape().rank() != 2) {
                throw new TechniqueException(techniqueId + ": the attention mask input '" + input.name() + "' has rank "
                        + t.shape().rank() + "; token reduction reads a [batch, sequence] 0/1 padding mask");
            }
        }
        ReductionSite site = new ReductionSite(techniqueId, model, s, input);
        List<Value> first = s.block(1).attention().masks();
        for (Block b : s.blocks()) {
            if (!b.attention().masks().equals(first)) {
                throw new TechniqueException(techniqueId + ": block " + b.number() + "'s attention uses the mask "
                        + names(b.attention().masks()) + " but block 1's uses " + names(first) + "; token reduction needs "
                        + "one padding mask shared by all blocks (is the model token-reduced already?)");
            }
            site.maskUses.put(b.number(), maskUses(techniqueId, b));
        }
        return site;
    }

    private static List<MaskUse> maskUses(String techniqueId, Block b) {
        Set<Node> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(b.attention().nodes());
        List<MaskUse> out = new ArrayList<>();
        for (Value m : b.attention().masks()) {
            TensorType t = m.type();
            if (t != null && t.elementType() != DataType.FLOAT && t.elementType() != DataType.UNDEFINED) {
                throw new TechniqueException(techniqueId + ": block " + b.number() + " adds the mask '" + m.name()
                        + "' of type " + t.elementType() + " to its scores; token reduction supports float32 masks");
            }
            for (Value.Use u : m.uses()) {
                if (!own.contains(u.node())) continue;
                if (!u.node().is("Add")) {
                    throw new TechniqueException(techniqueId + ": block " + b.number() + " applies its attention mask '"
                            + m.name() + "' through " + u.node().describe() + "; token reduction supports a mask added to "
                            + "the attention scores (as BERT exports do)");
                }
                out.add(new MaskUse(u.node(), u.index()));
            }
        }
        return out;
    }

    /**
     * Checks a reduction after block {@code k} (from 1).
     *
     * @param what the parameter that named the block, for the message
     */
    void checkBlock(int k, String what) {
        int last = structure.blockCount();
        if (k < 1) throw new TechniqueException(techniqueId + ": " + what + " " + k + " does not exist: blocks are numbered from 1");
        if (k > last) {
            throw new TechniqueException(techniqueId + ": " + what + " " + k + " is beyond the last block: the model has blocks"
                    + " 1 to " + last);
        }
        if (k == last) {
            throw new TechniqueException(techniqueId + ": " + what + " " + k + " is the last block, so no block would run on the"
                    + " reduced sequence; choose a block from 1 to " + (last - 1));
        }
    }

    /**
     * Checks that the blocks after block {@code k} read nothing of the full sequence but the stream and the mask:
     * a position table, rotary table or sequence length computed from the model inputs would no longer fit the
     * reduced sequence.
     */
    void checkReducedRegion(int k) {
        Value from = structure.block(k).output();
        Value to = lastOutput();
        Set<Node> region = Reachability.descendants(from);
        region.retainAll(Reachability.ancestors(to));
        Set<Value> masks = new HashSet<>(structure.block(1).attention().masks());
        for (Node n : model.graph().nodes()) {
            if (!region.contains(n)) continue;
            for (Value in : n.inputs()) {
                if (in == null || in == from || masks.contains(in) || constant(in, new HashMap<>())) continue;
                if (in.producer() != null && region.contains(in.producer())) continue;
                throw new TechniqueException(techniqueId + ": " + n.describe() + " after block " + k + " reads '" + in.name()
                        + "'" + (in.producer() != null ? " from " + in.producer().describe() : "") + ", which is computed from the"
                        + " full sequence outside the blocks (positions, a shape of the model input); it would not fit the"
                        + " reduced sequence");
            }
        }
        for (int j = k; j < structure.blockCount(); j++) {
            Block b = structure.block(j);
            if (b.output().isGraphOutput() && j > k) {
                throw new TechniqueException(techniqueId + ": block " + j + "'s output '" + b.output().name() + "' is a model"
                        + " output, but it runs on the reduced sequence; reduce after block " + j + " or later");
            }
        }
    }

    /** True for initializers and what Constant nodes compute from them (no model input, no run-time value). */
    private static boolean constant(Value v, Map<Value, Boolean> memo) {
        if (v.isInitializer()) return true;
        Node p = v.producer();
        if (p == null) return false;
        Boolean known = memo.get(v);
        if (known != null) return known;
        memo.put(v, false);
        boolean c = !p.is("Shape") && !p.is("Size") && p.subgraphs().isEmpty();
        for (Value in : p.inputs()) if (c && in != null) c = constant(in, memo);
        memo.put(v, c);
        return c;
    }

    private static String names(List<Value> vs) {
        Set<String> out = new LinkedHashSet<>();
        for (Value v : vs) out.add("'" + v.name() + "'");
        return out.isEmpty() ? "no mask" : String.join(", ", out);
    }

    /** The [batch, sequence] padding mask input, or null when the attentions use no mask (all positions are real). */
    Value maskInput() {
        return maskInput;
    }

    /** The inputs of block {@code number}'s attention nodes that read the padding mask; empty without a mask. */
    List<MaskUse> maskUses(int number) {
        return maskUses.get(number);
    }

    /** The residual-stream value after the last block. */
    Value lastOutput() {
        return structure.block(structure.blockCount()).output();
    }
}
