package org.strata.onnx.tests.infer;

import static org.strata.onnx.tests.infer.TestGraph.assertType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.Value;

/** com.microsoft GatherBlockQuantized: a Gather of the dequantized table, 4-bit codes packed two a byte in uint8. */
class GatherBlockQuantizedRuleTest {
    @Test
    void packedUint8TableGathersRowsOfTheUnpackedWidth() {
        TestGraph t = new TestGraph(17);
        Value data = t.input("data", DataType.UINT8, 30522, 192);
        Value ids = t.input("ids", DataType.INT64, "b", "s");
        Value scales = t.input("scales", DataType.FLOAT, 30522, 12);
        Node g = t.node("com.microsoft", "GatherBlockQuantized", List.of(data, ids, scales), 1, Attribute.of("bits", 4L),
                Attribute.of("block_size", 32L));
        Value int4 = t.input("int4", DataType.INT4, 100, 64);
        Node h = t.node("com.microsoft", "GatherBlockQuantized", List.of(int4, t.input("one", DataType.INT32, 7),
                t.input("s16", DataType.FLOAT16, 100, 2)), 1, Attribute.of("block_size", 32L));
        t.inferClean();
        assertType("float[b, s, 384]", g.output(0));
        assertType("float16[7, 64]", h.output(0));
    }
}
