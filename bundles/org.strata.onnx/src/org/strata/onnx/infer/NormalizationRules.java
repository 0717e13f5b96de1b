package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.List;

import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Shape;
import org.strata.onnx.StrataException;

/**
 * Normalisations: the normalised output has the input's type and shape; saved statistics (mean, inverse
 * standard deviation) have the input's shape with the normalised axes set to 1.
 * <ul>
 * <li>LayerNormalization (opset 17, and com.microsoft): statistics over {@code axis..}, type
 * {@code stash_type} (float by default). SimplifiedLayerNormalization (ONNX Runtime registers it in both
 * domains): Y and inverse standard deviation. RMSNormalization (opset 23): Y.</li>
 * <li>BatchNormalization (Y; running mean and variance {@code [C]} when present), InstanceNormalization,
 * GroupNormalization, LpNormalization, MeanVarianceNormalization, com.microsoft GroupNorm, SkipGroupNorm: the
 * input's type and shape.</li>
 * <li>com.microsoft SkipLayerNormalization and SkipSimplifiedLayerNormalization: output and
 * input+skip(+bias) sum (outputs 0 and 3) as the input; mean and inverse standard deviation (1 and 2) float,
 * last dimension 1.</li>
 * <li>com.microsoft EmbedLayerNormalization: {@code [batch, sequence, hidden]} in the word embedding's type
 * (outputs 0 and 2) and the int32 mask index {@code [batch]}.</li>
 * </ul>
 */
final class NormalizationRules {
    private NormalizationRules() {
    }

    static void register(RuleTable t) {
        t.onnx(NormalizationRules::layerNorm, "LayerNormalization", "SimplifiedLayerNormalization");
        t.microsoft(NormalizationRules::layerNorm, "LayerNormalization", "SimplifiedLayerNormalization");
        t.onnx(ElementwiseRules::sameAsFirst, "RMSNormalization", "InstanceNormalization", "GroupNormalization",
                "LpNormalization", "MeanVarianceNormalization");
        t.onnx(NormalizationRules::batchNorm, "BatchNormalization");
        t.microsoft(op -> {
            op.sameAsInput(0, 0);
            op.sameAsInput(1, 0);
        }, "GroupNorm", "SkipGroupNorm");
        t.microsoft(NormalizationRules::skipLayerNorm, "SkipLayerNormalization", "SkipSimplifiedLayerNormalization");
        t.microsoft(NormalizationRules::embedLayerNorm, "EmbedLayerNormalization");
    }

    /** {@code x} with every axis from {@code axis} on set to 1. */
    private static Shape statistics(Shape x, int axis) {
        List<Dim> out = new ArrayList<>(x.dims().subList(0, axis));
        for (int i = axis; i < x.rank(); i++) out.add(Dim.of(1));
        return new Shape(out);
    }

    private static void layerNorm(OpContext op) {
        op.sameAsInput(0, 0);
        DataType stash;
        try {
            stash = DataType.ofCode((int) op.attrInt("stash_type", DataType.FLOAT.code()));
        } catch (StrataException e) {
            throw op.error("has unknown stash_type " + op.attrInt("stash_type", 0));
        }
        Shape x = op.shape(0);
        Shape stats = x == null ? null : statistics(x, op.axis(op.attrInt("axis", -1), x.rank()));
        // SimplifiedLayerNormalization has no mean: its second output is the inverse standard deviation.
        for (int i = 1; i < op.outputCount(); i++) op.output(i, stash, stats);
    }

    private static void batchNorm(OpContext op) {
        op.sameAsInput(0, 0);
        Shape x = op.shape(0);
        Shape perChannel = x == null || x.rank() < 2 ? null : Shape.of(x.dim(1));
        for (int i = 1; i < Math.min(3, op.outputCount()); i++) op.output(i, op.elementType(0), perChannel);
    }

    private static void skipLayerNorm(OpContext op) {
        op.sameAsInput(0, 0);
        op.sameAsInput(3, 0);
        Shape x = op.shape(0);
        Shape stats = x == null || x.rank() == 0 ? null : x.withDim(-1, Dim.of(1));
        op.output(1, DataType.FLOAT, stats);
        op.output(2, DataType.FLOAT, stats);
    }

    private static void embedLayerNorm(OpContext op) {
        Shape ids = op.shape(0);
        Shape words = op.shape(2);
        DataType type = op.elementType(2);
        if (ids != null && ids.rank() != 2) throw op.error("input_ids " + ids + " is not [batch, sequence]");
        if (words != null && words.rank() != 2) throw op.error("word_embedding " + words + " is not [vocabulary, hidden]");
        Shape out = ids == null || words == null ? null : Shape.of(ids.dim(0), ids.dim(1), words.dim(1));
        op.output(0, type, out);
        op.output(1, DataType.INT32, ids == null ? null : Shape.of(ids.dim(0)));
        op.output(2, type, out);
    }
}
