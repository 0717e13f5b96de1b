package org.strata.technique.quantize.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.strata.core.TechniqueException;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.technique.quantize.internal.QuantizationPlan.TableSite;

/**
 * Replaces a float embedding table by an integer one and dequantizes only the rows a Gather picks, never
 * the whole table (ONNX Runtime does not fold a DequantizeLinear of a constant, so dequantizing the table
 * first would rebuild all 30522 × 384 floats on every run):
 * <ul>
 * <li>per-tensor: {@code DequantizeLinear(Gather(codes, ids), scale, zeroPoint)} — upstream's form;</li>
 * <li>per-row (per-channel on): {@code Cast(Gather(codes, ids)) · Unsqueeze(Gather(scales, ids), -1)}, plus
 * {@code Unsqueeze(Gather(offsets, ids), -1)} with {@code offset = -zeroPoint · scale} when zero points are
 * not 0. A scale per token keeps rare tokens with small vectors as precise as frequent ones; the 1-D scale
 * tables cost 4 bytes a row.</li>
 * </ul>
 */
final class TableWriter {
    /** Per-tensor: {@code scale} and {@code zeroPoint}; per-row: {@code rowScales} and maybe {@code rowOffsets}. */
    private record TableValues(Value codes, Value scale, Value zeroPoint, Value rowScales, Value rowOffsets) {
    }

    private final Model model;
    private final QuantizationSettings settings;
    private final GraphEdits edits;
    private final Map<Value, TableValues> tables = new HashMap<>();
    private Value unsqueezeAxes;

    TableWriter(Model model, QuantizationSettings settings, GraphEdits edits) {
        this.model = model;
        this.settings = settings;
        this.edits = edits;
    }

    /** Distinct tables quantized so far. */
    int tableCount() {
        return tables.size();
    }

    void write(TableSite s) {
        Node gather = s.gather();
        TableValues t = table(s);
        Value ids = gather.input(1);
        String base = ProductWriter.baseName(gather);
        Value codes = edits.insert(gather, Node.DEFAULT_DOMAIN, "Gather", base + "_quant", List.of(t.codes(), ids), List.of())
                .output(0);
        Value result;
        if (t.scale() != null) {
            result = edits.insert(gather, Node.DEFAULT_DOMAIN, "DequantizeLinear", base + "_dequant",
                    Arrays.asList(codes, t.scale(), t.zeroPoint()), List.of()).output(0);
        } else {
            Value real = edits.insert(gather, Node.DEFAULT_DOMAIN, "Cast", base + "_cast", List.of(codes),
                    List.of(Attribute.of("to", (long) DataType.FLOAT.code()))).output(0);
            result = edits.insert(gather, Node.DEFAULT_DOMAIN, "Mul", base + "_rescale",
                    List.of(real, perRow(gather, t.rowScales(), ids, base + "_scales")), List.of()).output(0);
            if (t.rowOffsets() != null) {
                result = edits.insert(gather, Node.DEFAULT_DOMAIN, "Add", base + "_offset",
                        List.of(result, perRow(gather, t.rowOffsets(), ids, base + "_offsets")), List.of()).output(0);
            }
        }
        model.graph().replaceAllUsesWith(gather.output(0), result);
        Value table = gather.input(0);
        edits.remove(gather);
        edits.dropIfUnused(table);
    }

    /** {@code Unsqueeze(Gather(values, ids), -1)}: the value of each picked row, broadcast along the row. */
    private Value perRow(Node anchor, Value values, Value ids, String name) {
        Value picked = edits.insert(anchor, Node.DEFAULT_DOMAIN, "Gather", name, List.of(values, ids), List.of()).output(0);
        // Unsqueeze takes its axes as an attribute before opset 13 and as an input from 13 on
        if (model.opset("") >= 13) {
            if (unsqueezeAxes == null) {
                unsqueezeAxes = model.graph().addInitializer("last_axis", TensorCodec.fromLongs("last_axis", new long[] {1}, new long[] {-1}));
            }
            return edits.insert(anchor, Node.DEFAULT_DOMAIN, "Unsqueeze", name + "_unsqueeze", List.of(picked, unsqueezeAxes),
                    List.of()).output(0);
        }
        return edits.insert(anchor, Node.DEFAULT_DOMAIN, "Unsqueeze", name + "_unsqueeze", List.of(picked),
                List.of(Attribute.ofInts("axes", -1))).output(0);
    }

    private TableValues table(TableSite s) {
        Value stored = s.table().stored();
        TableValues known = tables.get(stored);
        if (known != null) return known;
        int rows = s.table().rows();
        int cols = s.table().cols();
        QuantizedWeight q;
        try {
            q = settings.tables().quantize(s.table().values(false), rows, cols, true);
        } catch (IllegalArgumentException e) {
            throw new TechniqueException("cannot quantize the " + s.role() + " embedding table '" + stored.name() + "': "
                    + e.getMessage() + "; fix the model or exclude the Gather with exclude-nodes");
        }
        String name = stored.name();
        var graph = model.graph();
        Value codes = graph.addInitializer(name + "_quantized", q.codesTensor(name + "_quantized"));
        TableValues t;
        if (!q.perChannel()) {
            t = new TableValues(codes, graph.addInitializer(name + "_scale", q.scaleTensor(name + "_scale")),
                    graph.addInitializer(name + "_zero_point", q.zeroPointTensor(name + "_zero_point")), null, null);
        } else {
            Value scales = graph.addInitializer(name + "_row_scales", q.scaleTensor(name + "_row_scales"));
            Value offsets = null;
            if (q.hasZeroPoint()) {
                float[] off = new float[rows];
                for (int r = 0; r < rows; r++) off[r] = -q.zeroPoints()[r] * q.scales()[r];
                offsets = graph.addInitializer(name + "_row_offsets", TensorCodec.fromFloats(name + "_row_offsets", new long[] {rows}, off));
            }
            t = new TableValues(codes, null, null, scales, offsets);
        }
        tables.put(stored, t);
        return t;
    }
}
