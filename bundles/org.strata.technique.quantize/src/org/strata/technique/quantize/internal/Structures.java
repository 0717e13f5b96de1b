package org.strata.technique.quantize.internal;

import org.strata.core.TechniqueContext;
import org.strata.onnx.structure.StructureException;
import org.strata.onnx.structure.TransformerStructure;

/** What the quantization techniques share about their context. */
final class Structures {
    private Structures() {
    }

    /** The model's structure, or null (logged) when it cannot be recognised: products are then found by op type. */
    static TransformerStructure orNull(TechniqueContext context) {
        try {
            return context.structure();
        } catch (StructureException e) {
            context.log("no transformer structure (" + e.getMessage() + "): quantizing every MatMul and Gemm with a "
                    + "constant weight; embedding tables stay float");
            return null;
        }
    }

    /** "48 calibration texts" or "random token sequences (no tokenizer)": what a calibration of {@code texts} runs on. */
    static String calibrationData(TechniqueContext context, int texts) {
        if (!context.runner().usesText()) return "random token sequences (no tokenizer)";
        return Math.min(texts, context.calibrationTexts().size()) + " calibration texts";
    }
}
