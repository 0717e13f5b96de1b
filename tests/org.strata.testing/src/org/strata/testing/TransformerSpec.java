package org.strata.testing;

import org.strata.onnx.Model;

/**
 * What {@link SyntheticTransformers} builds: a transformer family, its sizes, which operator forms the graph
 * uses, how its nodes and values are named, its opset and the seed of its random weights. Immutable; change
 * one aspect with the {@code with…} methods:
 *
 * <pre>{@code
 * Model m = SyntheticTransformers.llama().layers(5).heads(8).kvHeads(2).naming(Naming.ANONYMOUS).build();
 * }</pre>
 *
 * The same spec always builds the same bytes.
 *
 * @param layers number of blocks
 * @param hidden width of the residual stream
 * @param heads query heads
 * @param kvHeads key/value heads (fewer than {@code heads} only for {@link Family#LLAMA}: grouped-query attention)
 * @param ffn width of the FFN (intermediate size)
 * @param vocab token vocabulary (not used by {@link Family#VIT})
 * @param maxPositions longest sequence the position tables and causal masks cover
 * @param imageSize side of the square input image ({@link Family#VIT})
 * @param patchSize side of a square patch ({@link Family#VIT})
 * @param channels image channels ({@link Family#VIT})
 * @param classes classifier outputs for {@link Head#CLASSIFIER}
 * @param dynamicReshapes reshape targets computed from {@code Shape} at run time, as torch.onnx writes them
 *        ({@code Concat(Unsqueeze(Gather(Shape(x), 0)), ..., [heads], [head size])}), instead of constants
 *        such as {@code [0, 0, heads, head size]}
 * @param opset default-domain opset: 11 to 17 (com.microsoft ops are imported at version 1 when used)
 */
public record TransformerSpec(Family family, int layers, int hidden, int heads, int kvHeads, int ffn, int vocab,
        int maxPositions, int imageSize, int patchSize, int channels, int classes, Head head, AttentionForm attention,
        QkvForm qkv, ProjectionForm projection, NormForm norm, ActivationForm activation, boolean dynamicReshapes,
        Naming naming, int opset, long seed) {

    /** The transformer family and its architecture. */
    public enum Family {
        /** Post-LN encoder (original BERT, MiniLM): LayerNorm after each residual Add, erf GELU, learned positions, token types. */
        BERT_POST_LN,
        /** Pre-LN encoder: LayerNorm before attention and FFN, a final LayerNorm. */
        BERT_PRE_LN,
        /** GPT-2 style decoder: pre-LN, fused QKV, causal mask, tanh GELU, final LayerNorm, LM head tied to the token table. */
        GPT,
        /** LLaMA style decoder: RMSNorm, separate Q/K/V without bias, grouped-query attention, rotary embedding, SwiGLU. */
        LLAMA,
        /** ViT: Conv patch embedding, class token, learned positions, pre-LN, erf GELU. */
        VIT
    }

    /** What follows the last block. */
    public enum Head {
        /** The final hidden states are the output. */
        HIDDEN_STATES,
        /** Also a BERT pooler (Gather of the first token, Gemm, Tanh) as a second output. */
        POOLER,
        /** A projection to the vocabulary (decoders). */
        LM_HEAD,
        /** A classifier on the class token (ViT). */
        CLASSIFIER
    }

    /** How attention is written. */
    public enum AttentionForm {
        /** MatMul, scale, mask, Softmax, MatMul with reshapes and transposes. */
        PLAIN,
        /** com.microsoft Attention with a packed QKV weight and num_heads (not with rotary or grouped-query attention). */
        ATTENTION,
        /** Q/K/V projections into com.microsoft MultiHeadAttention (not with rotary or grouped-query attention). */
        MULTI_HEAD_ATTENTION
    }

    /** How a {@link AttentionForm#PLAIN} attention gets Q, K and V. */
    public enum QkvForm {
        SEPARATE,
        /** One projection, then Split. */
        SPLIT,
        /** One projection, then three Slices. */
        SLICE,
        /** One projection reshaped to [batch, seq, 3, heads, head size], transposed and divided by Gathers. */
        GATHER
    }

    /**
     * How a linear projection of a block is written (the LM head, pooler and classifier stay float MatMul/Gemm).
     * The quantized forms quantize the same weights the float forms draw (same seed, same draws).
     */
    public enum ProjectionForm {
        /** MatMul with a [in, out] weight and an Add of the bias. */
        MATMUL,
        /** Reshape to 2-D, Gemm with a [out, in] weight (transB) and bias, Reshape back. */
        GEMM,
        /** QDQ: MatMul of DequantizeLinear(QuantizeLinear(x)) and DequantizeLinear(int8 weight), per-tensor symmetric. */
        QDQ,
        /** ORT quantize_dynamic: DynamicQuantizeLinear(x), MatMulInteger with an int8 weight, Cast, scale Mul chain. */
        DYNAMIC_INT8,
        /** com.microsoft MatMulNBits: 4-bit weights in blocks of 16 inputs, one scale per block, zero point 8. */
        MATMUL_NBITS
    }

    /** How norms are written. */
    public enum NormForm {
        /** ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div/Mul/Add (RMSNorm: Pow/ReduceMean/Add/Sqrt/Div/Mul). */
        DECOMPOSED,
        /** LayerNormalization / SimplifiedLayerNormalization. */
        FUSED,
        /**
         * Fused, and the attention residual Add fused into com.microsoft SkipLayerNormalization /
         * SkipSimplifiedLayerNormalization (post-LN: the FFN residual too; pre-LN: the skip norm passes the sum
         * on as its output 3). BERT with {@link AttentionForm#ATTENTION} also gets its embeddings as
         * com.microsoft EmbedLayerNormalization feeding the attentions' mask_index, as ORT's BERT optimizer
         * writes them.
         */
        SKIP
    }

    /** How the FFN nonlinearity is written (LLaMA's SwiGLU is always Sigmoid/Mul). */
    public enum ActivationForm {
        /** Erf GELU (BERT, ViT) or tanh GELU (GPT) written out. */
        DECOMPOSED,
        /** com.microsoft Gelu. */
        GELU,
        /** com.microsoft FastGelu taking the up-projection bias. */
        FAST_GELU,
        /** com.microsoft BiasGelu taking the up-projection bias. */
        BIAS_GELU
    }

    /** How nodes, values and initializers are named. */
    public enum Naming {
        /** As torch.onnx writes them: "/encoder/layer.0/attention/self/query/MatMul", "onnx::MatMul_1021", "encoder.layer.0...bias". */
        EXPORTER,
        /** Unnamed nodes, values and initializers named by numbers. */
        ANONYMOUS,
        /** Exporter-shaped names that lie: layers numbered backwards, query/key/value and FFN parts swapped. */
        MISLEADING
    }

    public TransformerSpec {
        require(family != null && head != null && attention != null && qkv != null && projection != null && norm != null
                && activation != null && naming != null, "every form must be set");
        require(layers >= 1, "layers must be at least 1, not " + layers);
        require(hidden > 0 && heads > 0 && hidden % heads == 0, "hidden " + hidden + " must be a multiple of heads " + heads);
        require(kvHeads > 0 && heads % kvHeads == 0, "heads " + heads + " must be a multiple of kvHeads " + kvHeads);
        require(kvHeads == heads || family == Family.LLAMA && attention == AttentionForm.PLAIN,
                "fewer KV heads than heads needs the LLAMA family with PLAIN attention");
        require(family != Family.LLAMA || attention == AttentionForm.PLAIN, "LLAMA has rotary embedding: PLAIN attention only");
        require(family != Family.LLAMA || activation == ActivationForm.DECOMPOSED, "LLAMA's SwiGLU is always decomposed");
        require(family != Family.LLAMA || (hidden / heads) % 2 == 0, "rotary embedding needs an even head size");
        require(qkv == QkvForm.SEPARATE || attention == AttentionForm.PLAIN, "QKV forms apply to PLAIN attention");
        require(qkv != QkvForm.GATHER || kvHeads == heads, "GATHER QKV needs as many KV heads as heads");
        require(ffn > 0 && maxPositions > 0, "ffn and maxPositions must be positive");
        require(family == Family.VIT ? imageSize > 0 && patchSize > 0 && imageSize % patchSize == 0 && channels > 0
                : vocab > 1, family == Family.VIT ? "imageSize must be a multiple of patchSize" : "vocab must be above 1");
        require(switch (head) {
            case HIDDEN_STATES -> true;
            case POOLER -> family == Family.BERT_POST_LN || family == Family.BERT_PRE_LN;
            case LM_HEAD -> family == Family.GPT || family == Family.LLAMA;
            case CLASSIFIER -> family == Family.VIT && classes > 0;
        }, head + " does not fit " + family);
        require(opset >= 11 && opset <= 17, "opset must be 11 to 17, not " + opset);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    /** Width of one attention head. */
    public int headSize() {
        return hidden / heads;
    }

    /** True for the pre-LN families. */
    public boolean preLn() {
        return family != Family.BERT_POST_LN;
    }

    /** Builds the model; see {@link SyntheticTransformers#build(TransformerSpec)}. */
    public Model build() {
        return SyntheticTransformers.build(this);
    }

    public TransformerSpec layers(int n) {
        return new TransformerSpec(family, n, hidden, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, norm, activation, dynamicReshapes, naming, opset, seed);
    }

    public TransformerSpec hidden(int n) {
        return new TransformerSpec(family, layers, n, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, norm, activation, dynamicReshapes, naming, opset, seed);
    }

    /** Sets the query heads, and the KV heads to the same number (call {@link #kvHeads(int)} after for GQA). */
    public TransformerSpec heads(int n) {
        return new TransformerSpec(family, layers, hidden, n, n, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, norm, activation, dynamicReshapes, naming, opset, seed);
    }

    public TransformerSpec kvHeads(int n) {
        return new TransformerSpec(family, layers, hidden, heads, n, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, norm, activation, dynamicReshapes, naming, opset, seed);
    }

    public TransformerSpec ffn(int n) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, n, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, norm, activation, dynamicReshapes, naming, opset, seed);
    }

    public TransformerSpec vocab(int n) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, n, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, norm, activation, dynamicReshapes, naming, opset, seed);
    }

    public TransformerSpec maxPositions(int n) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, n, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, norm, activation, dynamicReshapes, naming, opset, seed);
    }

    /** Image side, patch side and channels of a {@link Family#VIT}. */
    public TransformerSpec image(int side, int patch, int imageChannels) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, maxPositions, side, patch,
                imageChannels, classes, head, attention, qkv, projection, norm, activation, dynamicReshapes, naming, opset,
                seed);
    }

    public TransformerSpec head(Head h) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, h, attention, qkv, projection, norm, activation, dynamicReshapes, naming, opset, seed);
    }

    /** A {@link Head#CLASSIFIER} with {@code n} outputs. */
    public TransformerSpec classifier(int n) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, n, Head.CLASSIFIER, attention, qkv, projection, norm, activation, dynamicReshapes, naming, opset,
                seed);
    }

    /** Sets the attention form; a fused form brings its own QKV arrangement, so the QKV form becomes SEPARATE. */
    public TransformerSpec attention(AttentionForm f) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, f, f == AttentionForm.PLAIN ? qkv : QkvForm.SEPARATE, projection, norm, activation,
                dynamicReshapes, naming, opset, seed);
    }

    public TransformerSpec qkv(QkvForm f) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, f, projection, norm, activation, dynamicReshapes, naming, opset, seed);
    }

    public TransformerSpec projection(ProjectionForm f) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, f, norm, activation, dynamicReshapes, naming, opset, seed);
    }

    public TransformerSpec norm(NormForm f) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, f, activation, dynamicReshapes, naming, opset, seed);
    }

    public TransformerSpec activation(ActivationForm f) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, norm, f, dynamicReshapes, naming, opset, seed);
    }

    public TransformerSpec dynamicReshapes(boolean b) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, norm, activation, b, naming, opset, seed);
    }

    public TransformerSpec naming(Naming n) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, norm, activation, dynamicReshapes, n, opset, seed);
    }

    public TransformerSpec opset(int v) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, norm, activation, dynamicReshapes, naming, v, seed);
    }

    public TransformerSpec seed(long s) {
        return new TransformerSpec(family, layers, hidden, heads, kvHeads, ffn, vocab, maxPositions, imageSize, patchSize,
                channels, classes, head, attention, qkv, projection, norm, activation, dynamicReshapes, naming, opset, s);
    }
}
