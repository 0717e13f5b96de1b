package org.strata.technique.quantize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

/**
 * The 4-bit block codec: rounding error within a step, the extreme of a symmetric block exact, and the layout
 * ONNX Runtime reads — MatMulNBits and GatherBlockQuantized computed from the packed codes match the matrix the
 * codes decode to, with a partial last block, with and without zero points.
 */
class Int4BlocksTest {
    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian() * (i % 7 == 0 ? 3 : 1);
        return v;
    }

    @ParameterizedTest(name = "symmetric {0}")
    @ValueSource(booleans = {true, false})
    void roundingErrorIsWithinOneStep(boolean symmetric) {
        int rows = 5;
        int cols = 40; // two blocks of 16 and a partial one of 8
        float[] w = random(rows * cols, 1);
        Int4Blocks q = Int4Blocks.quantize(w, rows, cols, 16, symmetric);
        float[] back = q.dequantized();
        float[] trip = new float[w.length];
        Int4Blocks.roundTrip(w, rows, cols, 16, symmetric, trip);
        assertTrue(Arrays.equals(back, trip), "roundTrip agrees with quantize + dequantized");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float step = Math.abs(q.scales()[r * q.blocks() + c / 16]);
                // symmetric blocks clamp the side opposite the extreme at +7 steps: up to one step off there
                float bound = symmetric ? step * 1.0001f : step * 0.5001f;
                assertTrue(Math.abs(w[r * cols + c] - back[r * cols + c]) <= bound, r + "," + c);
            }
        }
        if (symmetric) {
            // the block's largest magnitude is code 0 (or 15 mirrored) and decodes exactly
            int arg = 0;
            for (int c = 1; c < 16; c++) if (Math.abs(w[c]) > Math.abs(w[arg])) arg = c;
            assertEquals(w[arg], back[arg], Math.abs(w[arg]) * 1e-6);
            assertEquals(0, q.code(0, arg));
        }
    }

    @Test
    void nonFiniteWeightsAreNamed() {
        float[] w = new float[32];
        w[21] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Int4Blocks.quantize(w, 1, 32, 16, true));
        assertTrue(e.getMessage().contains("[0, 21]"), e.getMessage());
    }

    @ParameterizedTest(name = "symmetric {0}")
    @ValueSource(booleans = {true, false})
    void matMulNBitsInOnnxRuntimeComputesTheDecodedProduct(boolean symmetric) throws Exception {
        int k = 40;
        int n = 6;
        float[] wt = random(n * k, 2); // [N, K]
        Int4Blocks q = Int4Blocks.quantize(wt, n, k, 16, symmetric);
        Graph g = new Graph("nbits");
        Value x = g.addInput("x", TensorType.of(DataType.FLOAT, 3, k));
        List<Value> inputs = new ArrayList<>(List.of(x, g.addInitializer("b", q.packedTensor("b")),
                g.addInitializer("s", q.scaleTensor("s", (long) n * q.blocks()))));
        if (!symmetric) inputs.add(g.addInitializer("z", q.zeroPointTensor("z", (long) n * q.zeroPointBytesPerRow())));
        Node node = g.addNode(Node.MS_DOMAIN, "MatMulNBits", inputs, List.of("y"), List.of(Attribute.of("K", (long) k),
                Attribute.of("N", (long) n), Attribute.of("bits", 4L), Attribute.of("block_size", 16L)));
        node.output(0).setType(new TensorType(DataType.FLOAT, null));
        g.addOutput(node.output(0));
        float[][] xv = new float[3][];
        for (int i = 0; i < 3; i++) xv[i] = random(k, 10 + i);
        float[][] y = (float[][]) run(g, Map.of("x", xv));
        float[] w = q.dequantized();
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < n; c++) {
                double ref = 0;
                for (int j = 0; j < k; j++) ref += xv[i][j] * w[c * k + j];
                assertEquals(ref, y[i][c], 1e-4 * Math.max(1, Math.abs(ref)), "row " + i + " column " + c);
            }
        }
    }

    @ParameterizedTest(name = "symmetric {0}")
    @ValueSource(booleans = {true, false})
    void gatherBlockQuantizedInOnnxRuntimeReturnsTheDecodedRows(boolean symmetric) throws Exception {
        int rows = 9;
        int width = 64;
        float[] table = random(rows * width, 3);
        Int4Blocks q = Int4Blocks.quantize(table, rows, width, 32, symmetric);
        Graph g = new Graph("gbq");
        Value ids = g.addInput("ids", TensorType.of(DataType.INT64, 1, 4));
        List<Value> inputs = new ArrayList<>(List.of(g.addInitializer("data", q.tableTensor("data")), ids,
                g.addInitializer("s", q.scaleTensor("s", rows, q.blocks()))));
        if (!symmetric) inputs.add(g.addInitializer("z", q.zeroPointTensor("z", rows, q.zeroPointBytesPerRow())));
        Node node = g.addNode(Node.MS_DOMAIN, "GatherBlockQuantized", inputs, List.of("rows"), List.of(Attribute.of("bits", 4L),
                Attribute.of("block_size", 32L), Attribute.of("gather_axis", 0L), Attribute.of("quantize_axis", 1L)));
        node.output(0).setType(new TensorType(DataType.FLOAT, null));
        g.addOutput(node.output(0));
        long[][] picked = {{8, 0, 3, 8}};
        float[][][] out = (float[][][]) run(g, Map.of("ids", picked));
        float[] decoded = q.dequantized();
        for (int t = 0; t < 4; t++) {
            int r = (int) picked[0][t];
            for (int c = 0; c < width; c++) assertEquals(decoded[r * width + c], out[0][t][c], 1e-6, "row " + r + " column " + c);
        }
    }

    private static Object run(Graph g, Map<String, Object> feeds) throws Exception {
        Model m = new Model(g, 10, 17);
        m.setOpset(Node.MS_DOMAIN, 1);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(ModelWriter.toBytes(m), new OrtSession.SessionOptions())) {
            Map<String, OnnxTensor> in = new java.util.HashMap<>();
            for (Map.Entry<String, Object> e : feeds.entrySet()) in.put(e.getKey(), OnnxTensor.createTensor(env, e.getValue()));
            try (OrtSession.Result r = s.run(in)) {
                return r.get(0).getValue();
            } finally {
                in.values().forEach(OnnxTensor::close);
            }
        }
    }
}
