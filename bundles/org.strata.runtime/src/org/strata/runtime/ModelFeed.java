package org.strata.runtime;

import java.util.Collections;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;

/**
 * The tensors for one run of a model, made by {@link ModelInputs}, and what was put in them that the
 * metrics need afterwards (the attention mask, for mean pooling). Holds native memory: close it.
 */
public final class ModelFeed implements AutoCloseable {
    private final Map<String, OnnxTensor> tensors;
    private final long[][] attentionMask;

    ModelFeed(Map<String, OnnxTensor> tensors, long[][] attentionMask) {
        this.tensors = Collections.unmodifiableMap(tensors);
        this.attentionMask = attentionMask;
    }

    /** Input name to tensor, in the model's input order; pass it to {@code OrtSession.run}. */
    public Map<String, OnnxTensor> tensors() {
        return tensors;
    }

    public int batchSize() {
        return attentionMask.length;
    }

    /** The padded sequence length (0 for a model without a sequence). */
    public int sequenceLength() {
        return attentionMask.length == 0 ? 0 : attentionMask[0].length;
    }

    /** 1 for a real token, 0 for padding, {@code [batch][sequence]}; a copy. */
    public long[][] attentionMask() {
        long[][] copy = new long[attentionMask.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = attentionMask[i].clone();
        }
        return copy;
    }

    /** Number of real (unpadded) tokens in row {@code row}. */
    public int realTokens(int row) {
        int n = 0;
        for (long m : attentionMask[row]) {
            n += m != 0 ? 1 : 0;
        }
        return n;
    }

    @Override
    public void close() {
        tensors.values().forEach(OnnxTensor::close);
    }
}
