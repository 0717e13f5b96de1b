package org.strata.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strata.onnx.StrataException;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.InputRole;
import org.strata.runtime.InputSpec;
import org.strata.runtime.ModelFeed;
import org.strata.runtime.ModelInputs;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.Padding;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.WordPieceTokenizer;
import org.strata.runtime.tests.TinyModels.Input;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

class ModelInputsTest {
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = WordPieceTokenizer.load(EmbeddedModels.fp32().tokenizer());
    }

    @Test
    void bertInputsAreRecognisedByName() throws OrtException {
        try (OrtSession s = open(TinyModels.passThrough(new Input("token_type_ids", DataType.INT64, "b", "s"),
                new Input("attention_mask", DataType.INT64, "b", "s"),
                new Input("input_ids", DataType.INT64, "b", "s")))) {
            assertEquals(List.of(InputRole.TOKEN_TYPE_IDS, InputRole.ATTENTION_MASK, InputRole.TOKEN_IDS), roles(s));
        }
    }

    @Test
    void unnamedIntegerInputsTakeBertOrder() throws OrtException {
        try (OrtSession s = open(TinyModels.passThrough(new Input("x", DataType.INT64, "b", "s"),
                new Input("y", DataType.INT64, "b", "s"), new Input("z", DataType.FLOAT, "b", 4)))) {
            assertEquals(List.of(InputRole.TOKEN_IDS, InputRole.ATTENTION_MASK, InputRole.OTHER), roles(s));
        }
    }

    @Test
    void decoderBatchIsPaddedWithMaskAndPositions() throws OrtException {
        try (OrtSession s = open(TinyModels.passThrough(new Input("input_ids", DataType.INT64, "batch", "seq"),
                new Input("attention_mask", DataType.INT64, "batch", "seq"),
                new Input("position_ids", DataType.INT64, "batch", "seq")));
                ModelFeed feed = ModelInputs.of(s).forTexts(tokenizer,
                        List.of("Hello, world!", "Bake the bread at two hundred degrees."), Padding.toLongest(128));
                OrtSession.Result out = s.run(feed.tensors())) {
            int longest = tokenizer.encode("Bake the bread at two hundred degrees.").length();
            assertEquals(2, feed.batchSize());
            assertEquals(longest, feed.sequenceLength(), "padded to the longest text");
            long[] ids = longs(out, "input_ids_out");
            long[] first = Arrays.copyOfRange(ids, 0, longest);
            long[] expected = new long[longest];
            int[] hello = {101, 7592, 1010, 2088, 999, 102};
            for (int i = 0; i < hello.length; i++) {
                expected[i] = hello[i];
            }
            assertArrayEquals(expected, first, "[CLS] hello , world ! [SEP] then pad id 0");
            long[] mask = Arrays.copyOfRange(longs(out, "attention_mask_out"), 0, longest);
            assertEquals(6, Arrays.stream(mask).sum());
            assertEquals(6, feed.realTokens(0));
            assertEquals(longest, feed.realTokens(1));
            long[] positions = Arrays.copyOfRange(longs(out, "position_ids_out"), 0, longest);
            assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, Arrays.copyOf(positions, 6));
            assertTrue(Arrays.stream(positions, 6, longest).allMatch(p -> p == 1), "padding gets position 1");
        }
    }

    @Test
    void fixedPaddingTruncatesAndKeepsSeparator() throws OrtException {
        String longText = "word ".repeat(50);
        try (OrtSession s = open(TinyModels.passThrough(new Input("input_ids", DataType.INT64, "b", "s")));
                ModelFeed feed = ModelInputs.of(s).forTexts(tokenizer, List.of(longText, "short"), Padding.fixed(8))) {
            assertEquals(8, feed.sequenceLength());
            long[] ids = feed.tensors().get("input_ids").getLongBuffer().array();
            assertEquals(101, ids[0]);
            assertEquals(102, ids[7], "truncation keeps [SEP] last");
            assertEquals(8, feed.realTokens(0));
            assertEquals(3, feed.realTokens(1), "[CLS] short [SEP] then padding");
        }
    }

    @Test
    void aFixedSequenceDimensionWinsAndInt32IsFilled() throws OrtException {
        try (OrtSession s = open(TinyModels.passThrough(new Input("input_ids", DataType.INT32, "b", 8)));
                ModelFeed feed = ModelInputs.of(s).forTexts(tokenizer, List.of("hi"), Padding.toLongest(128));
                OrtSession.Result out = s.run(feed.tensors())) {
            OnnxTensor ids = (OnnxTensor) out.get("input_ids_out").orElseThrow();
            assertEquals(OnnxJavaType.INT32, ids.getInfo().type);
            assertArrayEquals(new long[] {1, 8}, ids.getInfo().getShape());
            int[] values = new int[8];
            ids.getIntBuffer().get(values);
            assertArrayEquals(new int[] {101, 7632, 102, 0, 0, 0, 0, 0}, values);
        }
    }

    @Test
    void randomTokensAreSeededAndInRange() throws OrtException {
        try (OrtSession s = open(TinyModels.passThrough(new Input("input_ids", DataType.INT64, "b", "s"),
                new Input("attention_mask", DataType.INT64, "b", "s")))) {
            ModelInputs inputs = ModelInputs.of(s);
            try (ModelFeed a = inputs.forRandomTokens(2, 16, 50, 7); ModelFeed b = inputs.forRandomTokens(2, 16, 50, 7);
                    ModelFeed c = inputs.forRandomTokens(2, 16, 50, 8)) {
                long[] ids = a.tensors().get("input_ids").getLongBuffer().array();
                assertEquals(32, ids.length);
                assertTrue(Arrays.stream(ids).allMatch(i -> i >= 0 && i < 50));
                assertTrue(Arrays.stream(ids).distinct().count() > 10, "looks random");
                assertArrayEquals(ids, b.tensors().get("input_ids").getLongBuffer().array(), "same seed, same ids");
                assertFalse(Arrays.equals(ids, c.tensors().get("input_ids").getLongBuffer().array()));
                long[] mask = a.tensors().get("attention_mask").getLongBuffer().array();
                assertTrue(Arrays.stream(mask).allMatch(m -> m == 1));
            }
        }
    }

    @Test
    void imageInputsGetSeededPixels() throws OrtException {
        try (OrtSession s = open(
                TinyModels.passThrough(new Input("pixel_values", DataType.FLOAT, "batch", 3, "h", "w")))) {
            ModelInputs inputs = ModelInputs.of(s);
            assertEquals(InputRole.PIXEL_VALUES, inputs.specs().get(0).role());
            assertFalse(inputs.takesTokens());
            try (ModelFeed a = inputs.forRandomTokens(2, 16, 1, 3);
                    ModelFeed b = inputs.forRandomTokens(2, 16, 1, 3);
                    OrtSession.Result out = s.run(a.tensors())) {
                OnnxTensor pixels = (OnnxTensor) out.get("pixel_values_out").orElseThrow();
                assertArrayEquals(new long[] {2, 3, 224, 224}, pixels.getInfo().getShape());
                float[] values = a.tensors().get("pixel_values").getFloatBuffer().array();
                float[] again = b.tensors().get("pixel_values").getFloatBuffer().array();
                assertArrayEquals(values, again, "deterministic");
                double min = 0, max = 0;
                for (float v : values) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                assertTrue(min >= -1 && max <= 1 && max - min > 1.9, "uniform in [-1, 1]: " + min + ".." + max);
            }
            StrataException e = assertThrows(StrataException.class,
                    () -> inputs.forTexts(tokenizer, List.of("text"), Padding.toLongest(16)));
            assertTrue(e.getMessage().contains("pixel_values"), e.getMessage());
        }
    }

    @Test
    void pastStatesAreEmpty() throws OrtException {
        try (OrtSession s = open(TinyModels.passThrough(new Input("input_ids", DataType.INT64, "b", "s"),
                new Input("past_key_values.0.key", DataType.FLOAT, "b", 4, "past", 8)));
                ModelFeed feed = ModelInputs.of(s).forRandomTokens(1, 5, 100, 1);
                OrtSession.Result out = s.run(feed.tensors())) {
            OnnxTensor past = (OnnxTensor) out.get("past_key_values.0.key_out").orElseThrow();
            assertArrayEquals(new long[] {1, 4, 0, 8}, past.getInfo().getShape());
        }
    }

    private static OrtSession open(byte[] model) {
        return OrtSessions.open(model, "tiny test model", SessionSettings.defaults());
    }

    private static List<InputRole> roles(OrtSession session) {
        return ModelInputs.of(session).specs().stream().map(InputSpec::role).toList();
    }

    private static long[] longs(OrtSession.Result result, String name) {
        return ((OnnxTensor) result.get(name).orElseThrow()).getLongBuffer().array();
    }
}
