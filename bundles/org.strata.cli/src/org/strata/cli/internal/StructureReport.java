package org.strata.cli.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.StrataException;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Attention;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.FeedForward;
import org.strata.onnx.structure.Norm;
import org.strata.onnx.structure.TransformerStructure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The discovered transformer structure as {@code inspect} shows it: one line per block with heads, FFN,
 * norm and weight bytes. A model whose structure is not recognised is still inspectable; the report then
 * carries the discovery's explanation instead.
 */
record StructureReport(TransformerStructure structure, String failure, List<long[]> blockWeights) {
    static StructureReport of(Model m) {
        try {
            TransformerStructure s = TransformerStructure.discover(m);
            return new StructureReport(s, null, s.blocks().stream().map(StructureReport::weights).toList());
        } catch (StrataException e) {
            return new StructureReport(null, e.getMessage(), List.of());
        }
    }

    /** {parameters, bytes} of the initializers the block's nodes use (each counted once). */
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

    private static String attention(Attention a) {
        String heads = a.kvHeads() != a.heads() ? a.heads() + " heads (" + a.kvHeads() + " kv) × " + a.headSize()
                : a.heads() + " heads × " + a.headSize();
        return heads + (a.fused() ? ", fused" : "") + (a.rotary() != null ? ", rotary" : "") + (a.causal() ? ", causal" : "");
    }

    private static String ffn(FeedForward f) {
        return f.activation() + " " + f.up().inFeatures() + "→" + f.intermediateSize() + "→" + f.down().outFeatures()
                + (f.gate() != null ? " gated" : "");
    }

    private static String norm(Norm n) {
        return n == null ? "-" : n.kind() + (n.fused() ? " (fused)" : "");
    }

    void print(Console c) {
        if (structure == null) {
            c.printf("Structure   not recognised: %s%n", failure);
            return;
        }
        TransformerStructure s = structure;
        c.printf("Structure   %s, %d blocks, hidden %d, %s, output %s%n", s.family(), s.blockCount(), s.hiddenSize(),
                s.placement(), s.head().kind());
        if (!s.blocks().isEmpty()) {
            Block first = s.block(1);
            c.printf("            heads %d × %d, FFN %d (%s), norm %s, projections %s%n", first.attention().heads(),
                    first.attention().headSize(), first.ffn().intermediateSize(), first.ffn().activation(),
                    norm(first.attentionNorm() != null ? first.attentionNorm() : first.ffnNorm()),
                    first.attention().inputProjections().isEmpty() ? "fused" : first.attention().inputProjections().get(0).quantization());
        }
        c.printf("  %-5s %-34s %-28s %-22s %12s %10s%n", "block", "attention", "ffn", "norm", "parameters", "bytes");
        for (int i = 0; i < s.blocks().size(); i++) {
            Block b = s.blocks().get(i);
            c.printf("  %-5d %-34s %-28s %-22s %,12d %10s%n", b.number(), attention(b.attention()), ffn(b.ffn()),
                    norm(b.attentionNorm() != null ? b.attentionNorm() : b.ffnNorm()), blockWeights.get(i)[0],
                    Console.bytes(blockWeights.get(i)[1]));
        }
    }

    JsonElement toJson() {
        JsonObject o = new JsonObject();
        if (structure == null) {
            o.addProperty("recognised", false);
            o.addProperty("reason", failure);
            return o;
        }
        TransformerStructure s = structure;
        o.addProperty("recognised", true);
        o.addProperty("family", s.family().toString());
        o.addProperty("blocks", s.blockCount());
        o.addProperty("hiddenSize", s.hiddenSize());
        o.addProperty("normPlacement", String.valueOf(s.placement()));
        o.addProperty("output", String.valueOf(s.head().kind()));
        JsonArray blocks = new JsonArray();
        for (int i = 0; i < s.blocks().size(); i++) {
            Block b = s.blocks().get(i);
            JsonObject j = new JsonObject();
            j.addProperty("number", b.number());
            j.addProperty("heads", b.attention().heads());
            j.addProperty("kvHeads", b.attention().kvHeads());
            j.addProperty("headSize", b.attention().headSize());
            j.addProperty("fusedAttention", b.attention().fused());
            j.addProperty("qkvLayout", String.valueOf(b.attention().layout()));
            j.addProperty("rotary", b.attention().rotary() != null);
            j.addProperty("activation", String.valueOf(b.ffn().activation()));
            j.addProperty("ffnSize", b.ffn().intermediateSize());
            j.addProperty("gated", b.ffn().gate() != null);
            Norm n = b.attentionNorm() != null ? b.attentionNorm() : b.ffnNorm();
            j.addProperty("norm", n == null ? null : n.kind().toString());
            j.addProperty("normFused", n != null && n.fused());
            j.addProperty("parameters", blockWeights.get(i)[0]);
            j.addProperty("bytes", blockWeights.get(i)[1]);
            j.addProperty("nodes", b.nodes().size());
            blocks.add(j);
        }
        o.add("blockDetails", blocks);
        return o;
    }
}
