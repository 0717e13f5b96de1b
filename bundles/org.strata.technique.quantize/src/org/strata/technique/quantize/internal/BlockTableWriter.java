package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.strata.core.TechniqueException;
import org.strata.onnx.Attribute;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.technique.quantize.internal.QuantizationPlan.TableSite;

/**
 * Replaces a Gather of a float embedding table by a com.microsoft GatherBlockQuantized of a 4-bit table:
 * each row quantized in blocks along its width ({@link Int4Blocks}), data {@code [rows, width / 2]} uint8 (two
 * codes a byte), scales {@code [rows, width / blockSize]}, packed zero points when not symmetric (8 implied
 * otherwise); {@code gather_axis = 0}, {@code quantize_axis = 1}, {@code bits = 4}. Only the picked rows are
 * dequantized, inside the one node. A table whose width is not a whole number of blocks cannot be stored this way.
 */
final class BlockTableWriter {
    private record Table(Value data, Value scales, Value zeroPoints) {
    }

    private final Graph graph;
    private final GraphEdits edits;
    private final int blockSize;
    private final boolean symmetric;
    private final Map<Value, Table> tables = new HashMap<>();

    BlockTableWriter(Graph graph, GraphEdits edits, int blockSize, boolean symmetric) {
        this.graph = graph;
        this.edits = edits;
        this.blockSize = blockSize;
        this.symmetric = symmetric;
    }

    /** Whether {@code s}'s table can be stored in blocks of this writer's size. */
    boolean fits(TableSite s) {
        return s.table().cols() % blockSize == 0;
    }

    int tableCount() {
        return tables.size();
    }

    void write(TableSite s) {
        Node gather = s.gather();
        Table t = table(s);
        List<Value> inputs = new ArrayList<>(List.of(t.data(), gather.input(1), t.scales()));
        if (t.zeroPoints() != null) inputs.add(t.zeroPoints());
        Node q = edits.insert(gather, Node.MS_DOMAIN, "GatherBlockQuantized", ProductWriter.baseName(gather) + "_q4", inputs,
                List.of(Attribute.of("gather_axis", 0L), Attribute.of("quantize_axis", 1L), Attribute.of("block_size", (long) blockSize),
                        Attribute.of("bits", 4L)));
        graph.replaceAllUsesWith(gather.output(0), q.output(0));
        Value table = gather.input(0);
        edits.remove(gather);
        edits.dropIfUnused(table);
    }

    private Table table(TableSite s) {
        Value stored = s.table().stored();
        Table known = tables.get(stored);
        if (known != null) return known;
        int rows = s.table().rows();
        int cols = s.table().cols();
        Int4Blocks q;
        try {
            q = Int4Blocks.quantize(s.table().values(false), rows, cols, blockSize, symmetric);
        } catch (IllegalArgumentException e) {
            throw new TechniqueException("cannot quantize the " + s.role() + " embedding table '" + stored.name() + "': "
                    + e.getMessage() + "; fix the model or exclude the Gather with exclude-nodes");
        }
        String name = stored.name() + "_q4";
        Value data = graph.addInitializer(name, q.tableTensor(name));
        Value scales = graph.addInitializer(name + "_scales", q.scaleTensor(name + "_scales", rows, q.blocks()));
        Value zeroPoints = symmetric ? null
                : graph.addInitializer(name + "_zero_points", q.zeroPointTensor(name + "_zero_points", rows, q.zeroPointBytesPerRow()));
        Table t = new Table(data, scales, zeroPoints);
        tables.put(stored, t);
        return t;
    }
}
