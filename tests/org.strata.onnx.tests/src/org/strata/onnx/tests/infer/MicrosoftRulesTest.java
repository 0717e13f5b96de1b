package org.strata.onnx.tests.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.strata.onnx.tests.infer.TestGraph.assertType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.infer.InferenceReport;

/** com.microsoft fused ops as ONNX Runtime's transformer optimiser and quantisers write them (shapes checked against ORT's own outputs). */
class MicrosoftRulesTest {
    @Test
    void matMulNBitsTakesItsOutputWidthFromN() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT16, "b", "s", 384);
        Value packed = t.input("packed", DataType.UINT8, 1536, 12, 16);
        Value scales = t.input("scales", DataType.FLOAT16, 1536 * 12);
        Value y = t.ms("MatMulNBits", List.of(x, packed, scales), Attribute.of("K", 384L), Attribute.of("N", 1536L),
                Attribute.of("bits", 4L), Attribute.of("block_size", 32L));
        Node wrongK = t.node(Node.MS_DOMAIN, "MatMulNBits", List.of(x, packed, scales), 1, Attribute.of("K", 512L), Attribute.of("N", 1536L),
                Attribute.of("bits", 4L), Attribute.of("block_size", 32L));
        InferenceReport r = t.infer();
        assertType("float16[b, s, 1536]", y);
        assertEquals(List.of(wrongK.describe()), r.failures().stream().map(p -> p.where()).toList());
    }

    @Test
    void attentionOutputAndPresent() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value w = t.weights(384, 1152);
        Value bias = t.weights(1152);
        Node plain = t.node(Node.MS_DOMAIN, "Attention", List.of(x, w, bias, t.input("mask", DataType.INT32, "b", "s")), 2,
                Attribute.of("num_heads", 12L));
        Node cached = t.node(Node.MS_DOMAIN, "Attention", List.of(x, w, bias, t.input("none", DataType.INT32, "b", "s"),
                t.input("past", DataType.FLOAT, 2, "b", 12, "past", 32)), 2, Attribute.of("num_heads", 12L));
        Node unequal = t.node(Node.MS_DOMAIN, "Attention", List.of(x, t.weights(384, 1024), t.weights(1024)), 2,
                Attribute.of("num_heads", 8L), Attribute.ofInts("qkv_hidden_sizes", 256, 256, 512));
        t.inferClean();
        assertType("float[b, s, 384]", plain.output(0));
        assertType("float[2, b, 12, s, 32]", plain.output(1));
        assertType("float[b, s, 384]", cached.output(0));
        assertType("float[2, b, 12, past + s, 32]", cached.output(1));
        assertType("float[b, s, 512]", unequal.output(0));
        assertType("float[2, b, 8, s, 32]", unequal.output(1));
    }

    @Test
    void multiHeadAndGroupQueryAttention() {
        TestGraph t = new TestGraph(17);
        Value q = t.input("q", DataType.FLOAT16, "b", "s", 4096);
        Value mha = t.ms("MultiHeadAttention", List.of(t.input("query", DataType.FLOAT, "b", "s", 384),
                t.input("key", DataType.FLOAT, "b", "t", 384), t.input("value", DataType.FLOAT, "b", "t", 256)), Attribute.of("num_heads", 12L));
        Node gqa = t.node(Node.MS_DOMAIN, "GroupQueryAttention", List.of(q, t.input("k", DataType.FLOAT16, "b", "s", 1024),
                t.input("v", DataType.FLOAT16, "b", "s", 1024), t.input("pk", DataType.FLOAT16, "b", 8, "max", 128),
                t.input("pv", DataType.FLOAT16, "b", 8, "max", 128), t.input("seqlens", DataType.INT32, "b"),
                t.input("total", DataType.INT32)), 3, Attribute.of("num_heads", 32L), Attribute.of("kv_num_heads", 8L));
        Node packed = t.node(Node.MS_DOMAIN, "GroupQueryAttention", java.util.Arrays.asList(t.input("qkv", DataType.FLOAT16, "b", "s", 6144),
                null, null), 1, Attribute.of("num_heads", 32L), Attribute.of("kv_num_heads", 8L));
        t.inferClean();
        assertType("float[b, s, 256]", mha);
        assertType("float16[b, s, 4096]", gqa.output(0));
        assertType("float16[b, 8, max, 128]", gqa.output(1));
        assertType("float16[b, 8, max, 128]", gqa.output(2));
        assertType("float16[b, s, 4096]", packed.output(0));
    }

    @Test
    void fusedNormalisationsAndActivations() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value gamma = t.weights(384);
        Node skip = t.node(Node.MS_DOMAIN, "SkipLayerNormalization", List.of(x, t.input("skip", DataType.FLOAT, "b", "s", 384), gamma, gamma), 4);
        Node simplified = t.node("SimplifiedLayerNormalization", List.of(x, gamma), 2);
        Node embed = t.node(Node.MS_DOMAIN, "EmbedLayerNormalization", List.of(t.input("ids", DataType.INT32, "b", "s"),
                t.input("segments", DataType.INT32, "b", "s"), t.weights(30522, 384), t.weights(512, 384), t.weights(2, 384), gamma, gamma), 3);
        Value fast = t.ms("FastGelu", List.of(skip.output(0), gamma));
        Value biasGelu = t.ms("BiasGelu", List.of(fast, gamma));
        Value quick = t.ms("QuickGelu", List.of(biasGelu));
        Value rotary = t.ms("RotaryEmbedding", List.of(t.input("qh", DataType.FLOAT, "b", "s", 384), t.input("pos", DataType.INT64, "b", "s"),
                t.weights(512, 16), t.weights(512, 16)));
        t.inferClean();
        assertType("float[b, s, 384]", skip.output(0));
        assertType("float[b, s, 1]", skip.output(1));
        assertType("float[b, s, 1]", skip.output(2));
        assertType("float[b, s, 384]", skip.output(3));
        assertType("float[b, s, 384]", simplified.output(0));
        assertType("float[b, s, 1]", simplified.output(1));
        assertType("float[b, s, 384]", embed.output(0));
        assertType("int32[b]", embed.output(1));
        assertType("float[b, s, 384]", embed.output(2));
        assertType("float[b, s, 384]", quick);
        assertType("float[b, s, 384]", rotary);
    }

    @Test
    void quantizedMatMulsGiveFloat() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value w = t.input("w", DataType.INT8, 384, 10);
        Value dq = t.ms("DynamicQuantizeMatMul", List.of(x, w, t.input("ws", DataType.FLOAT)));
        Value itf = t.ms("MatMulIntegerToFloat", List.of(t.input("xq", DataType.UINT8, "b", "s", 384), w,
                t.input("as", DataType.FLOAT), t.input("bs", DataType.FLOAT)));
        t.inferClean();
        assertType("float[b, s, 10]", dq);
        assertType("float[b, s, 10]", itf);
    }
}
