package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueException;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.structure.Norm;
import org.strata.onnx.structure.TransformerStructure;

/**
 * {@code quantize.fp16}: half-precision weights, and by default half-precision compute, with the model's float32
 * inputs and outputs kept (a Cast at each boundary), after onnxconverter-common's
 * {@code convert_float_to_float16(keep_io_types=True)} but with the block list driven by the discovered structure.
 * See {@link Fp16Rewriter} for the rules. Two modes:
 * <ul>
 * <li>{@code compute}: every node that can runs in float16; nodes of the op types in {@code keep-fp32-ops}, the
 * decomposed norms (whose variance path — squares of the residual stream summed — is where float16 overflows,
 * with {@code keep-norms-fp32}) and ops whose float inputs are not all of one type (Resize, Range, random ops,
 * subgraph ops, custom domains) stay float32, with Casts only where the two regions meet.</li>
 * <li>{@code storage}: only the stored weights become float16, each read through a Cast to float32, which ONNX
 * Runtime folds when it loads the model: half the file, float32 compute and speed.</li>
 * </ul>
 * A quantized model (int8 or 4-bit products) is refused: converting its float parts would need its scales
 * converted too, and it is already smaller than float16 would make it.
 */
@Component(service = Technique.class)
public final class Fp16Conversion implements Technique {
    public static final String ID = "quantize.fp16";
    static final String MODE = "mode";
    static final String KEEP_FP32_OPS = "keep-fp32-ops";
    static final String KEEP_NORMS = "keep-norms-fp32";

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Float16 weights and compute", "quantize",
            "float16 weights and compute with float32 inputs and outputs; float32 kept where float16 is unsafe", false,
            List.of(ParameterSpec.choice(MODE, "compute", List.of("compute", "storage"), "compute: run in float16 where safe; "
                            + "storage: store weights in float16, compute in float32 (half the file at float32 speed on CPUs "
                            + "without float16 arithmetic)"),
                    ParameterSpec.textList(KEEP_FP32_OPS, List.of(), List.of(), "op types to keep in float32 in compute mode, "
                            + "e.g. Softmax, ReduceMean, Pow, Sqrt, Exp, Erf"),
                    ParameterSpec.bool(KEEP_NORMS, true, "keep decomposed norms (ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div, "
                            + "RMSNorm) in float32 in compute mode: their variance of the residual stream overflows float16 "
                            + "(max 65504) on large activations; fused norm ops accumulate in float32 anyway")),
            Set.of(GraphForm.PLAIN, GraphForm.FUSED), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        List<Node> quantized = QuantizedOps.in(model.graph());
        if (!quantized.isEmpty()) {
            throw new TechniqueException("the model is quantized already (" + QuantizedOps.counted(quantized) + ", e.g. "
                    + quantized.get(0).describe() + "); " + ID + " takes a float32 model — convert the original model instead");
        }
        boolean compute = "compute".equals(params.getString(MODE));
        Set<String> keepOps = new LinkedHashSet<>(params.getStringList(KEEP_FP32_OPS));
        Set<Node> keepNodes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        String structureNote = null;
        if (compute && params.getBoolean(KEEP_NORMS)) {
            TransformerStructure s = Structures.orNull(context);
            if (s == null) {
                structureNote = "not recognised: decomposed norms not found, only keep-fp32-ops kept in float32";
            } else {
                for (Norm n : norms(s)) {
                    if (n.fused()) continue;
                    keepNodes.addAll(n.nodes());
                    // the residual sum the norm reads stays float32 too: a Cast from float16 straight into the
                    // norm's ReduceMean is taken into ONNX Runtime's LayerNorm fusion, which then binds one type
                    // parameter to both float16 and float32 (a load error from opset 17 on)
                    Node sum = n.input().producer();
                    if (sum != null && (sum.is("Add") || sum.is("Sub")) && !n.nodes().contains(sum)) keepNodes.add(sum);
                }
            }
        }
        long bytesBefore = model.initializerBytes();
        Fp16Rewriter rewriter = new Fp16Rewriter(model, keepOps, keepNodes);
        if (compute) rewriter.convertCompute(context.monitor());
        else rewriter.convertStorage();
        long bytesAfter = model.initializerBytes();

        String summary = compute
                ? "float16 compute: " + rewriter.halfNodes + " nodes in float16, " + rewriter.floatNodes + " kept in float32; "
                        + rewriter.casts + " Casts at the boundaries; " + rewriter.halfInitializers + " initializers stored in float16"
                : "float16 storage: " + rewriter.halfInitializers + " initializers stored in float16, read through Casts to float32";
        Map<String, String> details = new LinkedHashMap<>();
        details.put("mode", compute ? "compute" : "storage");
        if (compute) {
            Map<String, Integer> kept = new TreeMap<>(rewriter.keptOps);
            details.put("kept in float32", kept.isEmpty() ? "none" : kept.toString());
            if (!rewriter.reasons.isEmpty()) details.put("why kept", rewriter.reasons.toString());
            details.put("casts removed as cancelling", Integer.toString(rewriter.cancelled));
        }
        if (rewriter.clamped > 0) {
            details.put("clamped", rewriter.clamped + " constant values outside float16 (beyond ±65504, or below 6e-8 and not 0) "
                    + "set to the nearest float16 value");
        }
        details.put("initializer bytes", bytesBefore + " → " + bytesAfter);
        if (structureNote != null) details.put("structure", structureNote);
        context.log(summary);
        return new Change(summary, rewriter.added, rewriter.removed, List.of(), details);
    }

    private static List<Norm> norms(TransformerStructure s) {
        List<Norm> out = new ArrayList<>();
        if (s.embeddings().norm() != null) out.add(s.embeddings().norm());
        s.blocks().forEach(b -> out.addAll(b.norms()));
        if (s.finalNorm() != null) out.add(s.finalNorm());
        return out;
    }
}
