package org.strata.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.strata.onnx.StrataException;
import org.strata.runtime.internal.Tensors;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * Makes inputs for any model from what ONNX Runtime says about its inputs, so that a technique can be
 * verified on a model Strata has never seen. Each input gets an {@link InputRole}: from its name when the
 * name says it ({@code input_ids}, {@code attention_mask}, {@code token_type_ids}, {@code position_ids},
 * {@code pixel_values}, {@code past_key_values.*}), otherwise integer {@code [batch, sequence]} inputs are
 * taken in BERT's order (ids, mask, token types) and a 4-D float input is an image.
 *
 * <p>Filling rules: token ids come from a tokenizer ({@link #forTexts}) or are seeded random ids below a
 * vocabulary size ({@link #forRandomTokens}); the mask is 1 on real tokens and 0 on padding; token types
 * are 0 (one segment); positions count real tokens from 0, padding gets 1 (the Hugging Face convention
 * for right padding); images are seeded uniform noise in [-1, 1] at 224×224 where the size is dynamic;
 * past states are empty (length 0, no cache); other inputs are zeros or seeded noise. Dynamic dimensions
 * take the requested batch size and sequence length; a fixed sequence dimension wins over the request.
 */
public final class ModelInputs {
    /** Height and width of an image input whose size the model leaves open. */
    public static final int DEFAULT_IMAGE_SIZE = 224;

    private final List<InputSpec> specs;

    private ModelInputs(List<InputSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /**
     * Describes the inputs of a session.
     *
     * @throws OnnxRuntimeException if ONNX Runtime cannot describe them
     */
    public static ModelInputs of(OrtSession session) {
        Map<String, NodeInfo> inputs;
        try {
            inputs = session.getInputInfo();
        } catch (OrtException e) {
            throw new OnnxRuntimeException("ONNX Runtime could not describe the inputs of the model: "
                    + e.getMessage(), e);
        }
        List<InputSpec> specs = new ArrayList<>();
        for (NodeInfo node : inputs.values()) {
            if (!(node.getInfo() instanceof TensorInfo info)) {
                throw new StrataException("Model input " + node.getName() + " is a " + node.getInfo()
                        + ", not a tensor; Strata can only make tensor inputs.");
            }
            List<Long> shape = Arrays.stream(info.getShape()).boxed().toList();
            List<String> names = Arrays.stream(info.getDimensionNames()).map(n -> n == null ? "" : n).toList();
            specs.add(new InputSpec(node.getName(), roleByName(node.getName(), info), info.type, shape, names));
        }
        return new ModelInputs(assignByOrder(specs));
    }

    /** The inputs in the model's order. */
    public List<InputSpec> specs() {
        return specs;
    }

    /** The input with a role, if the model has one. */
    public Optional<InputSpec> input(InputRole role) {
        return specs.stream().filter(s -> s.role() == role).findFirst();
    }

    /** Whether the model takes token ids, i.e. can be fed text. */
    public boolean takesTokens() {
        return input(InputRole.TOKEN_IDS).isPresent();
    }

    /**
     * Tokenizes texts and makes one batch of them.
     *
     * @throws StrataException         if the model takes no token ids or a fixed batch size other than the
     *                                  number of texts
     * @throws IllegalArgumentException if there are no texts
     */
    public ModelFeed forTexts(WordPieceTokenizer tokenizer, List<String> texts, Padding padding) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one text");
        }
        InputSpec ids = input(InputRole.TOKEN_IDS).orElseThrow(() -> new StrataException(
                "The model takes no token ids (its inputs are " + names() + "), so it cannot be fed text."
                        + " Use random inputs for it instead."));
        Padding effective = fixedSequence(ids).<Padding>map(Padding.Fixed::new).orElse(padding);
        List<Encoding> encodings = texts.stream().map(t -> tokenizer.encode(t, effective.maxLength())).toList();
        int sequence = switch (effective) {
            case Padding.Fixed f -> f.length();
            case Padding.ToLongest l -> encodings.stream().mapToInt(Encoding::length).max().orElse(1);
        };
        int batch = encodings.size();
        long[][] tokenIds = new long[batch][sequence];
        long[][] typeIds = new long[batch][sequence];
        long[][] mask = new long[batch][sequence];
        for (int b = 0; b < batch; b++) {
            Encoding e = encodings.get(b);
            Arrays.fill(tokenIds[b], tokenizer.padId());
            for (int t = 0; t < e.length(); t++) {
                tokenIds[b][t] = e.id(t);
                typeIds[b][t] = e.typeId(t);
                mask[b][t] = 1;
            }
        }
        return build(tokenIds, typeIds, mask, 0);
    }

    /**
     * Makes a batch of seeded random token ids in {@code [0, vocabSize)} with a full attention mask, for a
     * text model Strata has no tokenizer for (or for a model without tokens, where only the batch size,
     * sequence length and seed matter).
     */
    public ModelFeed forRandomTokens(int batchSize, int sequenceLength, int vocabSize, long seed) {
        if (batchSize < 1 || sequenceLength < 1 || vocabSize < 1) {
            throw new IllegalArgumentException("batch size, sequence length and vocabulary size must be at least 1,"
                    + " got " + batchSize + ", " + sequenceLength + ", " + vocabSize);
        }
        int sequence = input(InputRole.TOKEN_IDS).flatMap(ModelInputs::fixedSequence).orElse(sequenceLength);
        SplittableRandom random = new SplittableRandom(seed);
        long[][] tokenIds = new long[batchSize][sequence];
        long[][] mask = new long[batchSize][sequence];
        for (int b = 0; b < batchSize; b++) {
            for (int t = 0; t < sequence; t++) {
                tokenIds[b][t] = random.nextInt(vocabSize);
                mask[b][t] = 1;
            }
        }
        return build(tokenIds, new long[batchSize][sequence], mask, random.nextLong());
    }

    private ModelFeed build(long[][] tokenIds, long[][] typeIds, long[][] mask, long seed) {
        int batch = tokenIds.length;
        int sequence = tokenIds[0].length;
        SplittableRandom noise = new SplittableRandom(seed);
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try {
            for (InputSpec spec : specs) {
                long[] shape = shape(spec, batch, sequence);
                OnnxTensor tensor = switch (spec.role()) {
                    case TOKEN_IDS -> Tensors.fromLongs(spec.elementType(), shape, rows(spec, shape, tokenIds));
                    case ATTENTION_MASK -> Tensors.fromLongs(spec.elementType(), shape, rows(spec, shape, mask));
                    case TOKEN_TYPE_IDS -> Tensors.fromLongs(spec.elementType(), shape, rows(spec, shape, typeIds));
                    case POSITION_IDS -> Tensors.fromLongs(spec.elementType(), shape,
                            rows(spec, shape, positions(mask)));
                    case PIXEL_VALUES -> Tensors.fromFloats(spec.elementType(), shape, uniform(noise, shape));
                    case PAST_STATE -> Tensors.fromFloats(spec.elementType(), shape, new float[count(shape)]);
                    case OTHER -> spec.isFloatingPoint()
                            ? Tensors.fromFloats(spec.elementType(), shape, uniform(noise, shape))
                            : Tensors.fromLongs(spec.elementType(), shape, new long[count(shape)]);
                };
                tensors.put(spec.name(), tensor);
            }
        } catch (OrtException | RuntimeException e) {
            tensors.values().forEach(OnnxTensor::close);
            if (e instanceof StrataException s) {
                throw s;
            }
            throw new OnnxRuntimeException("Could not make the inputs " + names() + " for the model: "
                    + e.getMessage(), e);
        }
        return new ModelFeed(tensors, mask);
    }

    /** Resolves dynamic dimensions; see the class comment. */
    private static long[] shape(InputSpec spec, int batch, int sequence) {
        long[] shape = new long[spec.rank()];
        for (int d = 0; d < shape.length; d++) {
            if (!spec.isDynamic(d)) {
                shape[d] = spec.shape().get(d);
            } else if (d == 0) {
                shape[d] = batch;
            } else {
                shape[d] = switch (spec.role()) {
                    case PIXEL_VALUES -> d == 1 ? 3 : DEFAULT_IMAGE_SIZE;
                    case PAST_STATE -> 0;
                    default -> sequence;
                };
            }
        }
        return shape;
    }

    /** Flattens a [batch][sequence] matrix into a tensor of the given shape, which must be 2-D and fit. */
    private static long[] rows(InputSpec spec, long[] shape, long[][] matrix) {
        if (shape.length != 2 || shape[0] != matrix.length || shape[1] != matrix[0].length) {
            throw new StrataException("Model input " + spec.name() + " (" + spec.role() + ") has shape "
                    + spec.shape() + ", but Strata feeds [batch, sequence] = [" + matrix.length + ", "
                    + matrix[0].length + "]. Use a batch size and sequence length the model accepts.");
        }
        long[] flat = new long[matrix.length * matrix[0].length];
        for (int b = 0; b < matrix.length; b++) {
            System.arraycopy(matrix[b], 0, flat, b * matrix[b].length, matrix[b].length);
        }
        return flat;
    }

    private static long[][] positions(long[][] mask) {
        long[][] positions = new long[mask.length][];
        for (int b = 0; b < mask.length; b++) {
            positions[b] = new long[mask[b].length];
            long next = 0;
            for (int t = 0; t < mask[b].length; t++) {
                positions[b][t] = mask[b][t] != 0 ? next++ : 1;
            }
        }
        return positions;
    }

    private static float[] uniform(SplittableRandom random, long[] shape) {
        float[] values = new float[count(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    private static int count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    private static Optional<Integer> fixedSequence(InputSpec ids) {
        return ids.rank() == 2 && !ids.isDynamic(1) ? Optional.of(Math.toIntExact(ids.shape().get(1)))
                : Optional.empty();
    }

    private List<String> names() {
        return specs.stream().map(InputSpec::name).toList();
    }

    private static InputRole roleByName(String name, TensorInfo info) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean floating = info.type == OnnxJavaType.FLOAT || info.type == OnnxJavaType.FLOAT16
                || info.type == OnnxJavaType.BFLOAT16 || info.type == OnnxJavaType.DOUBLE;
        int rank = info.getShape().length;
        if (floating && (n.startsWith("past") || n.contains("cache"))) {
            return InputRole.PAST_STATE;
        }
        if (floating && (n.contains("pixel") || rank == 4)) {
            return InputRole.PIXEL_VALUES;
        }
        if (floating) {
            return InputRole.OTHER;
        }
        if (n.contains("mask")) {
            return InputRole.ATTENTION_MASK;
        }
        if (n.contains("token_type") || n.contains("segment")) {
            return InputRole.TOKEN_TYPE_IDS;
        }
        if (n.contains("position")) {
            return InputRole.POSITION_IDS;
        }
        if (n.contains("input_ids") || n.contains("token_ids") || n.equals("ids")) {
            return InputRole.TOKEN_IDS;
        }
        return null; // decided by order, see assignByOrder
    }

    /** Integer inputs whose name said nothing take the text roles still free, in BERT's input order. */
    private static List<InputSpec> assignByOrder(List<InputSpec> specs) {
        Set<InputRole> free = EnumSet.of(InputRole.TOKEN_IDS, InputRole.ATTENTION_MASK, InputRole.TOKEN_TYPE_IDS);
        specs.forEach(s -> free.remove(s.role()));
        List<InputRole> order = new ArrayList<>(free);
        List<InputSpec> out = new ArrayList<>();
        for (InputSpec s : specs) {
            InputRole role = s.role();
            if (role == null) {
                role = s.isIntegral() && s.rank() == 2 && !order.isEmpty() ? order.remove(0) : InputRole.OTHER;
            }
            out.add(new InputSpec(s.name(), role, s.elementType(), s.shape(), s.dimensionNames()));
        }
        return out;
    }
}
