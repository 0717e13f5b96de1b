package org.strata.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.StrataException;
import org.strata.onnx.Value;
import org.strata.onnx.infer.ShapeInference;
import org.strata.runtime.internal.Tensors;

import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtSession;

/**
 * Runs a model on real or random inputs and hands back intermediate tensors (block outputs, the inputs of
 * a MatMul, attention probabilities…) batch by batch. This is what calibration, per-block divergence,
 * block influence, layer similarity and importance scores are computed from.
 *
 * <p>The model is copied and the requested values are made extra graph outputs of the copy; the caller's
 * model is not touched. ONNX Runtime then cannot fuse across a captured value, so captured runs measure
 * values, never speed.
 *
 * <pre>{@code
 * ActivationCapture.of(model, List.of("h1", "h2"))
 *     .run(CaptureInputs.texts(tokenizer, texts, 8, 128), SessionSettings.defaults(), batch -> {
 *         CapturedTensor h1 = batch.tensor("h1");   // [batch, seq, hidden]
 *         long[][] mask = batch.attentionMask();   // real tokens
 *     });
 * }</pre>
 */
public final class ActivationCapture {

    /** One captured tensor, row-major floats whatever its element type. */
    public record CapturedTensor(long[] shape, float[] values) {
        public int rank() {
            return shape.length;
        }

        public int dim(int i) {
            return Math.toIntExact(shape[i]);
        }
    }

    /**
     * The captured tensors of one batch.
     *
     * @param index         batch number from 0
     * @param attentionMask 1 for a real token, 0 for padding, {@code [batch][sequence]} (empty rows for a
     *                      model without tokens)
     * @param tensors       value name to tensor, in the order asked for, then the model's own outputs
     */
    public record Batch(int index, long[][] attentionMask, Map<String, CapturedTensor> tensors) {
        /** @throws IllegalArgumentException if the value was not captured */
        public CapturedTensor tensor(String name) {
            CapturedTensor t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException("value " + name + " was not captured; captured: " + tensors.keySet());
            }
            return t;
        }

        public int batchSize() {
            return attentionMask.length;
        }
    }

    @FunctionalInterface
    public interface Visitor {
        void batch(Batch batch);
    }

    /** Where the inputs of a capture come from. */
    public sealed interface CaptureInputs {
        /** Real texts, {@code batchSize} at a time, each truncated to {@code maxLength} tokens, padded to the longest. */
        record Texts(WordPieceTokenizer tokenizer, List<String> texts, int batchSize, int maxLength)
                implements CaptureInputs {
            public Texts {
                texts = List.copyOf(texts);
                if (texts.isEmpty() || batchSize < 1 || maxLength < 2) {
                    throw new IllegalArgumentException("a capture needs at least one text, a batch size of at least"
                            + " 1 and a sequence length of at least 2");
                }
            }
        }

        /** Seeded random token ids, for models without a tokenizer. */
        record Random(RandomInputs inputs) implements CaptureInputs {}

        static CaptureInputs texts(WordPieceTokenizer tokenizer, List<String> texts, int batchSize, int maxLength) {
            return new Texts(tokenizer, texts, batchSize, maxLength);
        }

        static CaptureInputs random(RandomInputs inputs) {
            return new Random(inputs);
        }

        default int batches() {
            return switch (this) {
                case Texts t -> Math.ceilDiv(t.texts().size(), t.batchSize());
                case Random r -> r.inputs().runs();
            };
        }

        default ModelFeed feed(ModelInputs in, int batch) {
            return switch (this) {
                case Texts t -> in.forTexts(t.tokenizer(),
                        t.texts().subList(batch * t.batchSize(), Math.min(t.texts().size(), (batch + 1) * t.batchSize())),
                        Padding.toLongest(t.maxLength()));
                case Random r -> in.forRandomTokens(r.inputs().batchSize(), r.inputs().sequenceLength(),
                        r.inputs().vocabSize(), r.inputs().seed() + batch);
            };
        }
    }

    private final Model probe;
    private final List<String> names;
    private final Map<String, String> aliases; // probe output name -> captured value name

    private ActivationCapture(Model probe, List<String> names, Map<String, String> aliases) {
        this.probe = probe;
        this.names = names;
        this.aliases = aliases;
    }

    /**
     * Prepares a capture of {@code values} (names of values in {@code model}'s main graph: node outputs,
     * graph inputs or initializers are all allowed, duplicates ignored).
     *
     * @throws StrataException if a name is not a value of the model
     */
    public static ActivationCapture of(Model model, Collection<String> values) {
        Model copy = ModelReader.read(ModelWriter.toBytes(model), "capture of " + model.graph().name());
        Set<String> wanted = new LinkedHashSet<>(values);
        Set<String> existing = new LinkedHashSet<>();
        copy.graph().outputs().forEach(v -> existing.add(v.name()));
        Map<String, String> aliases = new LinkedHashMap<>();
        boolean needTypes = false;
        for (String name : wanted) {
            Value v = copy.graph().value(name);
            if (v == null) {
                throw new StrataException("Cannot capture " + name + ": the model has no value of that name.");
            }
            needTypes |= v.type() == null || v.type().elementType() == null;
        }
        if (needTypes) {
            ShapeInference.standard().infer(copy);
        }
        for (String name : wanted) {
            if (existing.add(name)) {
                Value v = copy.graph().value(name);
                if (v.isInitializer() || v.isGraphInput()) {
                    // ONNX Runtime does not return an input or an initializer as an output; route it through Identity.
                    Value through = copy.graph().addNode("Identity", List.of(v), copy.graph().uniqueName(name + "_capture"))
                            .outputs().get(0);
                    through.setType(v.type());
                    copy.graph().addOutput(through);
                    aliases.put(through.name(), name);
                } else {
                    copy.graph().addOutput(v);
                }
            }
        }
        return new ActivationCapture(copy, List.copyOf(wanted), Map.copyOf(aliases));
    }

    /** The model with the captured values as extra outputs (a copy; what {@link #run} runs). */
    public Model probe() {
        return probe;
    }

    /**
     * Runs the probe on every batch of {@code inputs} and hands each batch's tensors to {@code visitor}.
     * Nothing is kept between batches, so a long corpus does not pile up memory.
     *
     * @throws StrataException if ONNX Runtime cannot load or run the probe
     */
    public void run(CaptureInputs inputs, SessionSettings settings, Visitor visitor) {
        try (OrtSession session = OrtSessions.open(probe, "capture model", settings)) {
            ModelInputs in = ModelInputs.of(session);
            for (int b = 0; b < inputs.batches(); b++) {
                try (ModelFeed feed = inputs.feed(in, b);
                        OrtSession.Result result = OrtSessions.run(session, "capture model", feed.tensors())) {
                    Map<String, CapturedTensor> tensors = new LinkedHashMap<>();
                    Map<String, CapturedTensor> rest = new LinkedHashMap<>();
                    for (Map.Entry<String, OnnxValue> e : result) {
                        String name = aliases.getOrDefault(e.getKey(), e.getKey());
                        Tensors.FloatTensor t = Tensors.toFloats(e.getValue(), name);
                        (names.contains(name) ? tensors : rest).put(name, new CapturedTensor(t.shape(), t.values()));
                    }
                    Map<String, CapturedTensor> ordered = new LinkedHashMap<>();
                    for (String n : names) {
                        if (tensors.containsKey(n)) {
                            ordered.put(n, tensors.get(n));
                        }
                    }
                    ordered.putAll(rest);
                    visitor.batch(new Batch(b, feed.attentionMask(), ordered));
                }
            }
        } catch (ai.onnxruntime.OrtException e) {
            throw new OnnxRuntimeException("ONNX Runtime could not release the capture session: " + e.getMessage(), e);
        }
    }

    /** The names asked for, in order. */
    public List<String> values() {
        return new ArrayList<>(names);
    }
}
