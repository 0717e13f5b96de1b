package org.strata.technique.layers.internal;

import java.util.Locale;

import org.strata.core.ParameterSpec;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueException;
import org.strata.onnx.Model;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.structure.StructureException;
import org.strata.onnx.structure.TransformerStructure;

/** What the layer techniques share: the calibration-size parameter, structure with a clear refusal, formatting. */
final class LayerTechniques {
    static final String TEXTS = "texts";
    static final int DEFAULT_TEXTS = 64;

    private LayerTechniques() {
    }

    static ParameterSpec texts() {
        return ParameterSpec.integer(TEXTS, DEFAULT_TEXTS, 2, 100_000,
                "calibration texts the analyses run on (from the calibration split; more is steadier and slower)");
    }

    /**
     * The model's structure.
     *
     * @throws TechniqueException naming the technique and what discovery could not recognise
     */
    static TransformerStructure structure(TechniqueContext ctx, String id) {
        try {
            return ctx.structure();
        } catch (StructureException e) {
            throw new TechniqueException(id + " works on transformer blocks, but the structure of this model could not be"
                    + " recognised: " + e.getMessage());
        }
    }

    static long fileBytes(Model m) {
        return ModelWriter.toBytes(m).length;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
