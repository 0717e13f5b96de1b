package org.strata.testing;

import java.util.ArrayList;
import java.util.List;

import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Model;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.testing.TransformerSpec.ActivationForm;
import org.strata.testing.TransformerSpec.AttentionForm;
import org.strata.testing.TransformerSpec.Family;
import org.strata.testing.TransformerSpec.Head;
import org.strata.testing.TransformerSpec.NormForm;
import org.strata.testing.TransformerSpec.ProjectionForm;
import org.strata.testing.TransformerSpec.QkvForm;

/** Builds the graph a {@link TransformerSpec} describes, family by family, with HF-style exporter scopes. */
final class TransformerAssembler {
    private static final String BATCH = "batch_size";
    private static final String SEQ = "sequence_length";
    private static final float MASKED = -10000f;

    private final TransformerSpec spec;
    private final SyntheticGraph g;
    private final int hidden;
    private final int headSize;
    private final boolean rms;

    /** Mask forms prepared once and shared by all blocks (only those the family and forms use are set). */
    private Value paddingBias; // float [batch, 1, 1, seq]: 0 keep, -10000 hide
    private Value maskIndex; // int32 [batch, seq] for the fused attention nodes
    private Value causalCondition; // bool [1, 1, seq, seq] (GPT)
    private Value causalBias; // float [batch, 1, seq, seq] (LLaMA: causal + padding)
    private Value cos;
    private Value sin;
    private Value tokenTable;

    /** Exporter scopes of one block. */
    private record Scopes(String q, String k, String v, String qkv, String attention, String o, String norm1,
            String norm2, String gate, String up, String act, String down) {
    }

    /** A residual add fused with a norm: the normalised output and, in pre-LN, the sum. */
    private record Skip(Value normed, Value sum) {
    }

    TransformerAssembler(TransformerSpec spec) {
        this.spec = spec;
        this.g = new SyntheticGraph(spec.family().name().toLowerCase(java.util.Locale.ROOT), spec.naming(), spec.opset(),
                spec.layers(), spec.seed());
        this.hidden = spec.hidden();
        this.headSize = spec.headSize();
        this.rms = spec.family() == Family.LLAMA;
    }

    Model build() {
        Value x = switch (spec.family()) {
            case BERT_POST_LN, BERT_PRE_LN -> bertEmbeddings();
            case GPT -> gptEmbeddings();
            case LLAMA -> llamaEmbeddings();
            case VIT -> vitEmbeddings();
        };
        for (int i = 0; i < spec.layers(); i++) x = spec.preLn() ? preLnBlock(scopes(i), x) : postLnBlock(scopes(i), x);
        head(x);
        Model m = new Model(g.graph, 8, spec.opset());
        if (g.usesContribOps()) m.setOpset("com.microsoft", 1);
        m.setProducer("strata-synthetic", spec.family().name());
        return m;
    }

    private Scopes scopes(int i) {
        return switch (spec.family()) {
            case BERT_POST_LN, BERT_PRE_LN -> {
                String l = "/encoder/layer." + i;
                yield new Scopes(l + "/attention/self/query", l + "/attention/self/key", l + "/attention/self/value",
                        l + "/attention/self/qkv", l + "/attention/self", l + "/attention/output/dense",
                        l + "/attention/output/LayerNorm", l + "/output/LayerNorm", null, l + "/intermediate/dense",
                        l + "/intermediate/intermediate_act_fn", l + "/output/dense");
            }
            case GPT -> {
                String l = "/transformer/h." + i;
                yield new Scopes(l + "/attn/q", l + "/attn/k", l + "/attn/v", l + "/attn/c_attn", l + "/attn",
                        l + "/attn/c_proj", l + "/ln_1", l + "/ln_2", null, l + "/mlp/c_fc", l + "/mlp/act", l + "/mlp/c_proj");
            }
            case LLAMA -> {
                String l = "/model/layers." + i;
                yield new Scopes(l + "/self_attn/q_proj", l + "/self_attn/k_proj", l + "/self_attn/v_proj",
                        l + "/self_attn/qkv_proj", l + "/self_attn", l + "/self_attn/o_proj", l + "/input_layernorm",
                        l + "/post_attention_layernorm", l + "/mlp/gate_proj", l + "/mlp/up_proj", l + "/mlp/act_fn",
                        l + "/mlp/down_proj");
            }
            case VIT -> {
                String l = "/vit/encoder/layer." + i;
                yield new Scopes(l + "/attention/attention/query", l + "/attention/attention/key",
                        l + "/attention/attention/value", l + "/attention/attention/qkv", l + "/attention/attention",
                        l + "/attention/output/dense", l + "/layernorm_before", l + "/layernorm_after", null,
                        l + "/intermediate/dense", l + "/intermediate/intermediate_act_fn", l + "/output/dense");
            }
        };
    }

    // ---- embeddings and masks -------------------------------------------------------------------------

    /** The {@code input_ids} and {@code attention_mask} inputs, with the masks prepared; returns the ids. */
    private Value textInputs() {
        Value ids = g.input("input_ids", DataType.INT64, BATCH, SEQ);
        masks(g.input("attention_mask", DataType.INT64, BATCH, SEQ));
        return ids;
    }

    private Value bertEmbeddings() {
        Value ids = textInputs();
        Value types = g.input("token_type_ids", DataType.INT64, BATCH, SEQ);
        if (spec.attention() == AttentionForm.ATTENTION && spec.norm() == NormForm.SKIP) return fusedBertEmbeddings(ids, types);
        g.scope("/embeddings");
        long[] positions = new long[spec.maxPositions()];
        for (int i = 0; i < positions.length; i++) positions[i] = i;
        Value positionIds = g.op("Slice", g.intParam("embeddings.position_ids", DataType.INT64,
                new long[] {1, positions.length}, positions), g.ints(0), g.dim(ids, 1), g.ints(1));
        Value words = gather("/embeddings/word_embeddings", spec.vocab(), ids);
        Value tokenTypes = gather("/embeddings/token_type_embeddings", 2, types);
        g.scope("/embeddings");
        Value sum = g.op("Add", words, tokenTypes);
        Value pos = gather("/embeddings/position_embeddings", spec.maxPositions(), positionIds);
        g.scope("/embeddings");
        return norm(g.op("Add", sum, pos), "/embeddings/LayerNorm");
    }

    /** com.microsoft EmbedLayerNormalization: gathers, sums, normalises, and turns the mask into per-sequence lengths. */
    private Value fusedBertEmbeddings(Value ids, Value types) {
        g.scope("/embeddings");
        Value words = g.randomParam("embeddings.word_embeddings.weight", 0, 0.5f, spec.vocab(), hidden);
        Value positions = g.randomParam("embeddings.position_embeddings.weight", 0, 0.5f, spec.maxPositions(), hidden);
        Value tokenTypes = g.randomParam("embeddings.token_type_embeddings.weight", 0, 0.5f, 2, hidden);
        Value gamma = g.randomParam("embeddings.LayerNorm.weight", 1, 0.1f, hidden);
        Value beta = g.randomParam("embeddings.LayerNorm.bias", 0, 0.1f, hidden);
        var n = g.contrib("EmbedLayerNormalization", 2, List.of(Attribute.of("epsilon", 1e-12f)), g.cast(ids, DataType.INT32),
                g.cast(types, DataType.INT32), words, positions, tokenTypes, gamma, beta, maskIndex);
        maskIndex = n.output(1);
        return n.output(0);
    }

    private Value gather(String scope, long rows, Value indices) {
        g.scope(scope);
        Value table = g.randomParam(g.paramPath("weight"), 0, 0.5f, rows, hidden);
        if (tokenTable == null) tokenTable = table;
        return g.op("Gather", table, indices);
    }

    private Value gptEmbeddings() {
        Value ids = textInputs();
        g.scope("/transformer");
        Value positionIds = g.unsqueeze(g.op("Range", g.scalarInt(0), g.scalarDim(ids, 1), g.scalarInt(1)), 0);
        Value words = gather("/transformer/wte", spec.vocab(), ids);
        Value pos = gather("/transformer/wpe", spec.maxPositions(), positionIds);
        g.scope("/transformer");
        return g.op("Add", words, pos);
    }

    private Value llamaEmbeddings() {
        Value ids = textInputs();
        g.scope("/model/rotary_emb");
        Value positionIds = g.op("Range", g.scalarInt(0), g.scalarDim(ids, 1), g.scalarInt(1));
        int p = spec.maxPositions();
        float[] c = new float[p * headSize];
        float[] s = new float[p * headSize];
        for (int pos = 0; pos < p; pos++) {
            for (int i = 0; i < headSize / 2; i++) {
                double angle = pos / Math.pow(10000, 2.0 * i / headSize);
                c[pos * headSize + i] = c[pos * headSize + i + headSize / 2] = (float) Math.cos(angle);
                s[pos * headSize + i] = s[pos * headSize + i + headSize / 2] = (float) Math.sin(angle);
            }
        }
        cos = g.unsqueeze(g.op("Gather", g.param(g.paramPath("cos_cached"), c, p, headSize), positionIds), 0, 1);
        sin = g.unsqueeze(g.op("Gather", g.param(g.paramPath("sin_cached"), s, p, headSize), positionIds), 0, 1);
        return gather("/model/embed_tokens", spec.vocab(), ids);
    }

    private Value vitEmbeddings() {
        int side = spec.imageSize();
        int patch = spec.patchSize();
        long patches = (long) (side / patch) * (side / patch);
        Value pixels = g.input("pixel_values", DataType.FLOAT, BATCH, spec.channels(), side, side);
        g.scope("/vit/embeddings/patch_embeddings/projection");
        Value w = g.randomParam(g.paramPath("weight"), 0, (float) (1 / Math.sqrt(spec.channels() * patch * patch)), hidden,
                spec.channels(), patch, patch);
        Value b = g.randomParam(g.paramPath("bias"), 0, 0.02f, hidden);
        Value conv = g.op("Conv", List.of(Attribute.ofInts("kernel_shape", patch, patch), Attribute.ofInts("strides", patch, patch)),
                pixels, w, b);
        g.scope("/vit/embeddings/patch_embeddings");
        Value tokens = g.transpose(g.reshape(conv, g.shapeOf(0L, (long) hidden, -1L)), 0, 2, 1);
        g.scope("/vit/embeddings");
        Value cls = g.randomParam("vit.embeddings.cls_token", 0, 0.5f, 1, 1, hidden);
        Value clsBatch = g.op("Expand", cls, g.shapeOf(g.dim(pixels, 0), 1L, 1L));
        Value joined = g.op("Concat", List.of(Attribute.of("axis", 1L)), clsBatch, tokens);
        Value pos = g.randomParam("vit.embeddings.position_embeddings", 0, 0.5f, 1, patches + 1, hidden);
        return g.op("Add", joined, pos);
    }

    /** Prepares what the attention form needs from the 0/1 padding mask (and the causal mask for decoders). */
    private void masks(Value mask) {
        g.scope("");
        if (spec.attention() != AttentionForm.PLAIN) {
            maskIndex = g.cast(mask, DataType.INT32);
            return;
        }
        Value m = g.cast(g.unsqueeze(mask, 1, 2), DataType.FLOAT);
        paddingBias = g.op("Mul", g.op("Sub", g.constant(1f), m), g.constant(MASKED));
        int p = spec.maxPositions();
        if (spec.family() == Family.GPT) {
            long[] tri = new long[p * p];
            for (int i = 0; i < p; i++) for (int j = 0; j <= i; j++) tri[i * p + j] = 1;
            Value buffer = g.intParam("transformer.h.0.attn.bias", DataType.BOOL, new long[] {1, 1, p, p}, tri);
            Value s = g.dim(mask, 1);
            causalCondition = g.op("Slice", buffer, g.ints(0, 0), g.shapeOf(s, s), g.ints(2, 3));
        } else if (spec.family() == Family.LLAMA) {
            float[] tri = new float[p * p];
            for (int i = 0; i < p; i++) for (int j = i + 1; j < p; j++) tri[i * p + j] = MASKED;
            Value s = g.dim(mask, 1);
            Value causal = g.op("Slice", g.param("model.causal_mask", tri, p, p), g.ints(0, 0), g.shapeOf(s, s), g.ints(0, 1));
            causalBias = g.op("Add", g.unsqueeze(causal, 0, 1), paddingBias);
        }
    }

    // ---- blocks ---------------------------------------------------------------------------------------

    private Value postLnBlock(Scopes sc, Value x) {
        Value a = attention(sc, x);
        Value h = spec.norm() == NormForm.SKIP ? skip(a, x, sc.norm1, false).normed
                : norm(add(sc.o, a, x), sc.norm1);
        Value f = ffn(sc, h);
        return spec.norm() == NormForm.SKIP ? skip(f, h, sc.norm2, false).normed : norm(add(sc.down, f, h), sc.norm2);
    }

    private Value preLnBlock(Scopes sc, Value x) {
        Value a = attention(sc, norm(x, sc.norm1));
        Value sum;
        Value normed;
        if (spec.norm() == NormForm.SKIP) {
            Skip s = skip(a, x, sc.norm2, true);
            sum = s.sum;
            normed = s.normed;
        } else {
            sum = add(sc.o, x, a);
            normed = norm(sum, sc.norm2);
        }
        return add(sc.down, sum, ffn(sc, normed));
    }

    private Value add(String scope, Value a, Value b) {
        g.scope(scope.substring(0, scope.lastIndexOf('/')));
        return g.op("Add", a, b);
    }

    // ---- attention ------------------------------------------------------------------------------------

    private Value attention(Scopes sc, Value x) {
        boolean bias = spec.family() != Family.LLAMA;
        Value context = switch (spec.attention()) {
            case PLAIN -> plainAttention(sc, x, bias);
            case ATTENTION -> {
                Value w = weightParam(sc.qkv, hidden, 3L * hidden, false);
                Value b = g.randomParam(g.paramPath("bias"), 0, 0.02f, 3L * hidden);
                g.scope(sc.attention);
                List<Attribute> attrs = new ArrayList<>(List.of(Attribute.of("num_heads", (long) spec.heads())));
                if (spec.family() == Family.GPT) attrs.add(Attribute.of("unidirectional", 1L));
                yield maskIndex == null ? g.contrib("Attention", 1, attrs, x, w, b).output(0)
                        : g.contrib("Attention", 1, attrs, x, w, b, maskIndex).output(0);
            }
            case MULTI_HEAD_ATTENTION -> {
                Value q = projection(x, hidden, hidden, sc.q, bias);
                Value k = projection(x, hidden, hidden, sc.k, bias);
                Value v = projection(x, hidden, hidden, sc.v, bias);
                g.scope(sc.attention);
                List<Attribute> attrs = new ArrayList<>(List.of(Attribute.of("num_heads", (long) spec.heads())));
                if (spec.family() == Family.GPT) attrs.add(Attribute.of("unidirectional", 1L));
                yield maskIndex == null ? g.contrib("MultiHeadAttention", 1, attrs, q, k, v).output(0)
                        : g.contrib("MultiHeadAttention", 1, attrs, q, k, v, null, maskIndex).output(0);
            }
        };
        return projection(context, hidden, hidden, sc.o, bias);
    }

    private Value plainAttention(Scopes sc, Value x, boolean bias) {
        int heads = spec.heads();
        int kv = spec.kvHeads();
        long qOut = (long) heads * headSize;
        long kvOut = (long) kv * headSize;
        Value q;
        Value k;
        Value v;
        boolean bhsd = false;
        if (spec.qkv() == QkvForm.SEPARATE) {
            q = projection(x, hidden, qOut, sc.q, bias);
            k = projection(x, hidden, kvOut, sc.k, bias);
            v = projection(x, hidden, kvOut, sc.v, bias);
        } else {
            Value qkv = projection(x, hidden, qOut + 2 * kvOut, sc.qkv, bias);
            g.scope(sc.attention);
            switch (spec.qkv()) {
                case SPLIT -> {
                    List<Value> parts = g.split(qkv, 2, qOut, kvOut, kvOut);
                    q = parts.get(0);
                    k = parts.get(1);
                    v = parts.get(2);
                }
                case SLICE -> {
                    q = g.slice(qkv, 0, qOut, 2);
                    k = g.slice(qkv, qOut, qOut + kvOut, 2);
                    v = g.slice(qkv, qOut + kvOut, Long.MAX_VALUE, 2);
                }
                default -> {
                    Value packed = g.transpose(g.reshape(qkv, shape(qkv, 3L, (long) heads, (long) headSize)), 2, 0, 3, 1, 4);
                    q = g.op("Gather", List.of(Attribute.of("axis", 0L)), packed, g.scalarInt(0));
                    k = g.op("Gather", List.of(Attribute.of("axis", 0L)), packed, g.scalarInt(1));
                    v = g.op("Gather", List.of(Attribute.of("axis", 0L)), packed, g.scalarInt(2));
                    bhsd = true;
                }
            }
        }
        g.scope(sc.attention);
        Value kT;
        if (!bhsd && spec.family() != Family.LLAMA) {
            // as torch exports BERT: K transposed straight to [batch, heads, head size, seq]
            q = g.transpose(g.reshape(q, shape(q, (long) heads, (long) headSize)), 0, 2, 1, 3);
            kT = g.transpose(g.reshape(k, shape(k, (long) kv, (long) headSize)), 0, 2, 3, 1);
            v = g.transpose(g.reshape(v, shape(v, (long) kv, (long) headSize)), 0, 2, 1, 3);
        } else {
            if (!bhsd) {
                q = g.transpose(g.reshape(q, shape(q, (long) heads, (long) headSize)), 0, 2, 1, 3);
                k = g.transpose(g.reshape(k, shape(k, (long) kv, (long) headSize)), 0, 2, 1, 3);
                v = g.transpose(g.reshape(v, shape(v, (long) kv, (long) headSize)), 0, 2, 1, 3);
            }
            if (cos != null) {
                q = rotary(q);
                k = rotary(k);
            }
            if (kv < heads) {
                k = repeatKv(k);
                v = repeatKv(v);
            }
            kT = g.transpose(k, 0, 1, 3, 2);
        }
        Value scores = g.op("MatMul", q, kT);
        scores = spec.family() == Family.LLAMA ? g.op("Mul", scores, g.constant((float) (1 / Math.sqrt(headSize))))
                : g.op("Div", scores, g.constant((float) Math.sqrt(headSize)));
        if (causalCondition != null) scores = g.op("Where", causalCondition, scores, g.constant(-3.4028234663852886e38f));
        if (causalBias != null) scores = g.op("Add", scores, causalBias);
        else if (paddingBias != null) scores = g.op("Add", scores, paddingBias);
        Value probs = g.op("Softmax", List.of(Attribute.of("axis", -1L)), scores);
        Value context = g.transpose(g.op("MatMul", probs, v), 0, 2, 1, 3);
        return g.reshape(context, shape(context, (long) hidden));
    }

    /**
     * A reshape target keeping the first two dimensions of {@code like} and then {@code tail}: computed from
     * Shape at run time, or a constant with 0 ("copy") entries.
     */
    private Value shape(Value like, Long... tail) {
        List<Object> parts = new ArrayList<>();
        parts.add(spec.dynamicReshapes() ? g.dim(like, 0) : (Object) 0L);
        parts.add(spec.dynamicReshapes() ? g.dim(like, 1) : (Object) 0L);
        parts.addAll(List.of(tail));
        return g.shapeOf(parts.toArray());
    }

    /** {@code x·cos + rotate_half(x)·sin} on [batch, heads, seq, head size]. */
    private Value rotary(Value x) {
        long half = headSize / 2;
        Value first = g.slice(x, 0, half, 3);
        Value second = g.slice(x, half, Long.MAX_VALUE, 3);
        Value rotated = g.op("Concat", List.of(Attribute.of("axis", -1L)), g.op("Neg", second), first);
        return g.op("Add", g.op("Mul", x, cos), g.op("Mul", rotated, sin));
    }

    /** [batch, kv, seq, d] → [batch, heads, seq, d] by Unsqueeze, Expand and Reshape. */
    private Value repeatKv(Value x) {
        long kv = spec.kvHeads();
        long rep = spec.heads() / kv;
        Value expanded = g.op("Expand", g.unsqueeze(x, 2), g.shapeOf(g.dim(x, 0), kv, rep, g.dim(x, 2), (long) headSize));
        return g.reshape(expanded, g.ints(0, spec.heads(), -1, headSize));
    }

    // ---- FFN ------------------------------------------------------------------------------------------

    private Value ffn(Scopes sc, Value x) {
        long f = spec.ffn();
        if (spec.family() == Family.LLAMA) {
            Value gate = projection(x, hidden, f, sc.gate, false);
            Value up = projection(x, hidden, f, sc.up, false);
            g.scope(sc.act);
            Value silu = g.op("Mul", gate, g.op("Sigmoid", gate));
            g.scope(sc.up.substring(0, sc.up.lastIndexOf('/')));
            return projection(g.op("Mul", silu, up), f, hidden, sc.down, false);
        }
        ActivationForm form = spec.activation();
        boolean biasInActivation = form == ActivationForm.FAST_GELU || form == ActivationForm.BIAS_GELU;
        Value up = projection(x, hidden, f, sc.up, !biasInActivation);
        Value upBias = biasInActivation ? g.randomParam(g.paramPath("bias"), 0, 0.02f, f) : null;
        g.scope(sc.act);
        Value act = switch (form) {
            case DECOMPOSED -> spec.family() == Family.GPT ? tanhGelu(up) : erfGelu(up);
            case GELU -> g.contrib("Gelu", 1, List.of(), up).output(0);
            case FAST_GELU -> g.contrib("FastGelu", 1, List.of(), up, upBias).output(0);
            case BIAS_GELU -> g.contrib("BiasGelu", 1, List.of(), up, upBias).output(0);
        };
        return projection(act, f, hidden, sc.down, true);
    }

    /** As torch exports nn.GELU: (x · (erf(x / √2) + 1)) · 0.5. */
    private Value erfGelu(Value x) {
        Value erf = g.op("Erf", g.op("Div", x, g.constant((float) Math.sqrt(2))));
        return g.op("Mul", g.op("Mul", x, g.op("Add", erf, g.constant(1f))), g.constant(0.5f));
    }

    /** GPT-2's NewGELU: 0.5x · (1 + tanh(√(2/π) · (x + 0.044715 x³))). */
    private Value tanhGelu(Value x) {
        Value cube = g.op("Mul", g.constant(0.044715f), g.op("Pow", x, g.constant(3f)));
        Value inner = g.op("Mul", g.constant((float) Math.sqrt(2 / Math.PI)), g.op("Add", x, cube));
        return g.op("Mul", g.op("Mul", g.constant(0.5f), x), g.op("Add", g.constant(1f), g.op("Tanh", inner)));
    }

    // ---- projections and norms ------------------------------------------------------------------------

    /** A weight under {@code scope}: [in, out] for MatMul, [out, in] for Gemm (transB) or when {@code outIn}. */
    private Value weightParam(String scope, long in, long out, boolean outIn) {
        g.scope(scope);
        return outIn ? g.randomParam(g.paramPath("weight"), 0, (float) (1 / Math.sqrt(in)), out, in)
                : g.matmulWeight(g.paramPath("weight"), in, out);
    }

    private Value projection(Value x, long in, long out, String scope, boolean bias) {
        if (spec.projection() == ProjectionForm.GEMM) {
            Value w = weightParam(scope, in, out, true);
            Value b = bias ? g.randomParam(g.paramPath("bias"), 0, 0.02f, out) : null;
            Value flat = g.reshape(x, g.ints(-1, in));
            Value y = bias ? g.op("Gemm", List.of(Attribute.of("transB", 1L)), flat, w, b)
                    : g.op("Gemm", List.of(Attribute.of("transB", 1L)), flat, w);
            Value leading = g.op("Slice", g.op("Shape", x), g.ints(0), g.ints(2));
            return g.reshape(y, g.shapeOf(leading, out));
        }
        Value y = switch (spec.projection()) {
            case QDQ -> qdqProduct(x, in, out, scope);
            case DYNAMIC_INT8 -> dynamicInt8Product(x, in, out, scope);
            case MATMUL_NBITS -> nBitsProduct(x, in, out, scope);
            default -> g.op("MatMul", x, weightParam(scope, in, out, false));
        };
        return bias ? g.op("Add", g.randomParam(g.paramPath("bias"), 0, 0.02f, out), y) : y;
    }

    /** Largest activation magnitude the QDQ form represents (activations here are normalised, about N(0, 1)). */
    private static final float ACTIVATION_RANGE = 8f;

    /** The [in, out] weight as per-tensor symmetric int8 codes; its scale goes to {@code scale[0]}. */
    private Value int8Weight(long in, long out, String scope, float[] scale) {
        g.scope(scope);
        float[] w = g.matmulWeightValues(in, out);
        float max = 1e-8f;
        for (float v : w) max = Math.max(max, Math.abs(v));
        scale[0] = max / 127;
        long[] codes = new long[w.length];
        for (int i = 0; i < w.length; i++) codes[i] = Math.max(-127, Math.min(127, Math.round(w[i] / scale[0])));
        return g.weightParam(g.paramPath("weight_quantized"),
                TensorCodec.fromLongs("w", DataType.INT8, new long[] {in, out}, codes));
    }

    private Value qdqProduct(Value x, long in, long out, String scope) {
        float[] scale = new float[1];
        Value w = int8Weight(in, out, scope, scale);
        Value zero = g.intParam(g.paramPath("zero_point"), DataType.INT8, new long[0], new long[] {0});
        Value weight = g.op("DequantizeLinear", w, g.param(g.paramPath("weight_scale"), scale), zero);
        Value xScale = g.param(g.paramPath("input_scale"), new float[] {ACTIVATION_RANGE / 127});
        Value activation = g.op("DequantizeLinear", g.op("QuantizeLinear", x, xScale, zero), xScale, zero);
        return g.op("MatMul", activation, weight);
    }

    private Value dynamicInt8Product(Value x, long in, long out, String scope) {
        float[] scale = new float[1];
        Value w = int8Weight(in, out, scope, scale);
        var quantized = g.node("", "DynamicQuantizeLinear", 3, List.of(), x);
        Value zero = g.intParam(g.paramPath("weight_zero_point"), DataType.INT8, new long[0], new long[] {0});
        Value product = g.op("MatMulInteger", quantized.output(0), w, quantized.output(2), zero);
        Value scales = g.op("Mul", quantized.output(1), g.param(g.paramPath("weight_scale"), scale));
        return g.op("Mul", g.cast(product, DataType.FLOAT), scales);
    }

    /**
     * MatMulNBits with 4 bits: per output column n and block b of 16 inputs, scale s = max|w| / 7 and codes
     * q = round(w / s) + 8, stored as B[n][b][i / 2] with the even element in the low nibble.
     */
    private Value nBitsProduct(Value x, long in, long out, String scope) {
        int block = 16;
        int blocks = (int) ((in + block - 1) / block);
        g.scope(scope);
        float[] w = g.matmulWeightValues(in, out);
        byte[] packed = new byte[(int) out * blocks * block / 2];
        float[] scales = new float[(int) out * blocks];
        for (int n = 0; n < out; n++) {
            for (int b = 0; b < blocks; b++) {
                float max = 1e-8f;
                for (long k = (long) b * block; k < Math.min(in, (b + 1L) * block); k++) max = Math.max(max, Math.abs(w[(int) (k * out + n)]));
                float s = max / 7;
                scales[n * blocks + b] = s;
                for (int i = 0; i < block; i++) {
                    long k = (long) b * block + i;
                    int q = k < in ? Math.max(0, Math.min(15, Math.round(w[(int) (k * out + n)] / s) + 8)) : 8;
                    packed[((n * blocks + b) * block + i) / 2] |= (byte) (q << (4 * (i & 1)));
                }
            }
        }
        Value weight = g.weightParam(g.paramPath("weight_packed"),
                TensorCodec.fromUint8("w", new long[] {out, blocks, block / 2}, packed));
        Value scale = g.param(g.paramPath("weight_scales"), scales, out * blocks);
        return g.contrib("MatMulNBits", 1, List.of(Attribute.of("K", in), Attribute.of("N", out), Attribute.of("bits", 4L),
                Attribute.of("block_size", (long) block)), x, weight, scale).output(0);
    }

    private Value norm(Value x, String scope) {
        g.scope(scope);
        float eps = rms ? 1e-6f : 1e-12f;
        Value gamma = g.randomParam(g.paramPath("weight"), 1, 0.1f, hidden);
        if (spec.norm() != NormForm.DECOMPOSED) {
            List<Attribute> attrs = List.of(Attribute.of("axis", -1L), Attribute.of("epsilon", eps));
            return rms ? g.op("SimplifiedLayerNormalization", attrs, x, gamma)
                    : g.op("LayerNormalization", attrs, x, gamma, g.randomParam(g.paramPath("bias"), 0, 0.1f, hidden));
        }
        if (rms) {
            Value meanSquare = g.reduceMeanLast(g.op("Pow", x, g.constant(2f)));
            Value rootMeanSquare = g.op("Sqrt", g.op("Add", meanSquare, g.constant(eps)));
            return g.op("Mul", g.op("Div", x, rootMeanSquare), gamma);
        }
        Value centered = g.op("Sub", x, g.reduceMeanLast(x));
        Value variance = g.reduceMeanLast(g.op("Pow", centered, g.constant(2f)));
        Value normalized = g.op("Div", centered, g.op("Sqrt", g.op("Add", variance, g.constant(eps))));
        return g.op("Add", g.op("Mul", normalized, gamma), g.randomParam(g.paramPath("bias"), 0, 0.1f, hidden));
    }

    private Skip skip(Value branch, Value stream, String scope, boolean withSum) {
        g.scope(scope);
        List<Attribute> attrs = List.of(Attribute.of("epsilon", rms ? 1e-6f : 1e-12f));
        Value gamma = g.randomParam(g.paramPath("weight"), 1, 0.1f, hidden);
        int outputs = withSum ? 4 : 1;
        var n = rms ? g.contrib("SkipSimplifiedLayerNormalization", outputs, attrs, branch, stream, gamma)
                : g.contrib("SkipLayerNormalization", outputs, attrs, branch, stream, gamma,
                        g.randomParam(g.paramPath("bias"), 0, 0.1f, hidden));
        return new Skip(n.output(0), withSum ? n.output(3) : null);
    }

    // ---- head -----------------------------------------------------------------------------------------

    private void head(Value x) {
        Family family = spec.family();
        Value states = x;
        if (spec.preLn()) {
            String scope = switch (family) {
                case GPT -> "/transformer/ln_f";
                case LLAMA -> "/model/norm";
                case VIT -> "/vit/layernorm";
                default -> "/encoder/LayerNorm";
            };
            states = norm(x, scope);
        }
        Object tokens = family == Family.VIT ? (long) (spec.imageSize() / spec.patchSize())
                * (spec.imageSize() / spec.patchSize()) + 1 : SEQ;
        Head head = spec.head();
        if (head == Head.LM_HEAD) {
            g.scope("/lm_head");
            Value w = family == Family.GPT ? g.transpose(tokenTable, 1, 0) : g.matmulWeight("lm_head.weight", hidden, spec.vocab());
            g.output(g.op("MatMul", states, w), "logits", BATCH, SEQ, spec.vocab());
            return;
        }
        g.output(states, "last_hidden_state", BATCH, tokens, hidden);
        if (head == Head.POOLER) {
            g.scope("/pooler");
            Value first = g.op("Gather", List.of(Attribute.of("axis", 1L)), states, g.scalarInt(0));
            g.scope("/pooler/dense");
            Value w = g.randomParam(g.paramPath("weight"), 0, (float) (1 / Math.sqrt(hidden)), hidden, hidden);
            Value b = g.randomParam(g.paramPath("bias"), 0, 0.02f, hidden);
            Value dense = g.op("Gemm", List.of(Attribute.of("transB", 1L)), first, w, b);
            g.scope("/pooler/activation");
            g.output(g.op("Tanh", dense), "pooler_output", BATCH, hidden);
        } else if (head == Head.CLASSIFIER) {
            g.scope("/classifier");
            Value first = g.op("Gather", List.of(Attribute.of("axis", 1L)), states, g.scalarInt(0));
            Value logits = g.op("Add", g.op("MatMul", first, g.matmulWeight("classifier.weight", hidden, spec.classes())),
                    g.randomParam("classifier.bias", 0, 0.02f, spec.classes()));
            g.output(logits, "logits", BATCH, spec.classes());
        }
    }
}
