package org.strata.onnx.tests.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.onnx.tests.infer.TestGraph.assertType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.infer.InferenceReport;

/** MatMul, Gemm, Einsum, Conv and pooling. */
class LinearAlgebraRulesTest {
    @Test
    void matMulBroadcastsBatchesAndPromotesVectors() {
        TestGraph t = new TestGraph(17);
        Value a = t.input("a", DataType.FLOAT, "b", 1, "s", 64);
        Value batched = t.op("MatMul", List.of(a, t.input("w", DataType.FLOAT, 12, 64, 7)));
        Value vectorLeft = t.op("MatMul", List.of(t.input("v", DataType.FLOAT, "s"), a));
        Value vectorRight = t.op("MatMul", List.of(a, t.input("u", DataType.FLOAT, 64)));
        Value projected = t.op("MatMul", List.of(t.input("x", DataType.FLOAT, "b", "s", 384), t.weights(384, 1536)));
        Node mismatch = t.node("MatMul", List.of(t.input("p", DataType.FLOAT, "b", 384), t.weights(1536, 384)), 1);
        InferenceReport r = t.infer();
        assertType("float[b, 12, s, 7]", batched);
        assertType("float[b, 1, 64]", vectorLeft);
        assertType("float[b, 1, s]", vectorRight);
        assertType("float[b, s, 1536]", projected);
        assertEquals(List.of(mismatch.describe()), r.failures().stream().map(p -> p.where()).toList());
        assertTrue(r.failures().get(0).message().contains("inner dimensions"), r.failures().get(0).message());
    }

    @Test
    void gemmTransposes() {
        TestGraph t = new TestGraph(17);
        Value y = t.op("Gemm", List.of(t.input("a", DataType.FLOAT, "n", 64), t.weights(10, 64), t.weights(10)), Attribute.of("transB", 1L));
        Value z = t.op("Gemm", List.of(t.input("c", DataType.FLOAT, 64, "n"), t.weights(64, 3)), Attribute.of("transA", 1L));
        t.inferClean();
        assertType("float[n, 10]", y);
        assertType("float[n, 3]", z);
    }

    @Test
    void einsumExplicitImplicitAndEllipsis() {
        TestGraph t = new TestGraph(17);
        Value q = t.input("q", DataType.FLOAT, "b", 12, "s", 32);
        Value k = t.input("k", DataType.FLOAT, "b", 12, "t", 32);
        Value scores = t.op("Einsum", List.of(q, k), Attribute.of("equation", "bhqd,bhkd->bhqk"));
        Value implicit = t.op("Einsum", List.of(q, k), Attribute.of("equation", "...qd,...kd"));
        Value projection = t.op("Einsum", List.of(t.input("x", DataType.FLOAT, "b", "s", 384), t.weights(384, 12, 32)),
                Attribute.of("equation", "bsd, dhe -> bhse"));
        Value trace = t.op("Einsum", List.of(t.input("m", DataType.FLOAT, 5, 5)), Attribute.of("equation", "ii->"));
        Node bad = t.node("Einsum", List.of(q, k), 1, Attribute.of("equation", "bhqd,bhqd->bhqz"));
        InferenceReport r = t.infer();
        assertType("float[b, 12, s, t]", scores);
        assertType("float[b, 12, t, s]", implicit); // implicit output: letters used once, alphabetical (k before q)
        assertType("float[b, 12, s, 32]", projection);
        assertType("float[]", trace);
        assertEquals(List.of(bad.describe()), r.failures().stream().map(p -> p.where()).toList());
    }

    @Test
    void convForVitPatchEmbeddingAndPadding() {
        TestGraph t = new TestGraph(17);
        Value image = t.input("pixels", DataType.FLOAT, "b", 3, 224, 224);
        Value patches = t.op("Conv", List.of(image, t.weights(768, 3, 16, 16), t.weights(768)), Attribute.ofInts("strides", 16, 16));
        Value padded = t.op("Conv", List.of(t.input("small", DataType.FLOAT, "b", 3, 31, 32), t.weights(8, 3, 3, 3)),
                Attribute.ofInts("pads", 1, 1, 1, 1), Attribute.ofInts("strides", 2, 2));
        Value same = t.op("Conv", List.of(t.input("img", DataType.FLOAT, 1, 4, "h", 10), t.weights(6, 2, 3, 3)),
                Attribute.of("auto_pad", "SAME_UPPER"), Attribute.of("group", 2L));
        Node pool = t.node("MaxPool", List.of(t.input("fm", DataType.FLOAT, "b", 3, 31, 32)), 2, Attribute.ofInts("kernel_shape", 3, 3),
                Attribute.ofInts("strides", 2, 2), Attribute.of("ceil_mode", 1L));
        Value global = t.op("GlobalAveragePool", List.of(patches));
        Node wrongChannels = t.node("Conv", List.of(image, t.weights(8, 4, 3, 3)), 1);
        InferenceReport r = t.infer();
        assertType("float[b, 768, 14, 14]", patches);
        assertType("float[b, 8, 16, 16]", padded);
        assertType("float[1, 6, h, 10]", same);
        assertType("float[b, 3, 15, 16]", pool.output(0));
        assertType("int64[b, 3, 15, 16]", pool.output(1));
        assertType("float[b, 768, 1, 1]", global);
        assertEquals(List.of(wrongChannels.describe()), r.failures().stream().map(p -> p.where()).toList());
    }

    @Test
    void convTransposeGrowsBackAndHonoursOutputShape() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", 8, 7, "h");
        Value up = t.op("ConvTranspose", List.of(x, t.weights(8, 4, 3, 3)), Attribute.ofInts("strides", 2, 2),
                Attribute.ofInts("pads", 1, 1, 1, 1), Attribute.ofInts("output_padding", 1, 1));
        Value fixed = t.op("ConvTranspose", List.of(x, t.weights(8, 2, 3, 3)), Attribute.of("group", 2L),
                Attribute.ofInts("output_shape", 20, 30));
        t.inferClean();
        assertType("float[b, 4, 14, 2*h]", up); // 2·(7-1) + 1 + 3 - 2 = 14; 2·(h-1) + 2 = 2h
        assertType("float[b, 4, 20, 30]", fixed);
    }
}
