package org.strata.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.WriteOptions;

/** Reading and writing an untouched model reproduces it byte for byte; external data round-trips. */
class RoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void miniLmFp32IsByteIdentical() throws Exception {
        assertByteIdentical(TestModels.fp32());
    }

    @Test
    void miniLmInt8IsByteIdentical() throws Exception {
        assertByteIdentical(TestModels.int8());
    }

    private void assertByteIdentical(Path model) throws Exception {
        byte[] original = Files.readAllBytes(model);
        Model m = ModelReader.read(model);
        assertArrayEquals(original, ModelWriter.toBytes(m), "in-memory re-serialisation differs");
        Path out = tmp.resolve("copy.onnx");
        ModelWriter.write(m, out);
        assertArrayEquals(original, Files.readAllBytes(out), "written file differs");
        assertArrayEquals(original, Files.readAllBytes(model), "the input was modified");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)),
                "a written model must be readable by others, like any shippable file");
    }

    /** A node of a domain Strata does not know, with attribute kinds it does not interpret, survives edits elsewhere. */
    @Test
    void customOpsAreKeptExactly() throws Exception {
        var floatType = ai.onnx.proto.OnnxMl.TypeProto.newBuilder()
                .setTensorType(ai.onnx.proto.OnnxMl.TypeProto.Tensor.newBuilder().setElemType(1)).build();
        var custom = ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setName("mystery").setOpType("Frobnicate").setDomain("com.example")
                .addInput("x").addOutput("f").setDocString("keep me")
                .addAttribute(ai.onnx.proto.OnnxMl.AttributeProto.newBuilder().setName("mode").setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.STRING)
                        .setS(com.google.protobuf.ByteString.copyFromUtf8("wild")))
                .addAttribute(ai.onnx.proto.OnnxMl.AttributeProto.newBuilder().setName("shape_hint").setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.TYPE_PROTO)
                        .setTp(floatType))
                .addAttribute(ai.onnx.proto.OnnxMl.AttributeProto.newBuilder().setName("ref").setRefAttrName("outer").setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.INT))
                .build();
        var graph = ai.onnx.proto.OnnxMl.GraphProto.newBuilder().setName("g")
                .addInput(ai.onnx.proto.OnnxMl.ValueInfoProto.newBuilder().setName("x").setType(floatType))
                .addOutput(ai.onnx.proto.OnnxMl.ValueInfoProto.newBuilder().setName("y").setType(floatType))
                .addNode(custom)
                .addNode(ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setOpType("Relu").addInput("f").addOutput("y")).build();
        var proto = ai.onnx.proto.OnnxMl.ModelProto.newBuilder().setIrVersion(9)
                .addOpsetImport(ai.onnx.proto.OnnxMl.OperatorSetIdProto.newBuilder().setVersion(17))
                .addOpsetImport(ai.onnx.proto.OnnxMl.OperatorSetIdProto.newBuilder().setDomain("com.example").setVersion(3))
                .setGraph(graph).build();
        byte[] original = proto.toByteArray();
        Model m = ModelReader.read(original, "custom");
        assertArrayEquals(original, ModelWriter.toBytes(m));
        // Edit around the custom node: insert a Neg between it and the Relu.
        var g = m.graph();
        var f = g.value("f");
        var neg = g.addNode("Neg", java.util.List.of(f), "negated");
        g.value("y").producer().setInput(0, neg.output(0));
        g.sortTopologically();
        var written = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(ModelWriter.toBytes(m));
        assertEquals(custom, written.getGraph().getNode(0), "the custom node changed");
        assertEquals(3, written.getGraph().getNodeCount());
    }

    @Test
    void externalDataRoundTrips() throws Exception {
        Model m = ModelReader.read(TestModels.fp32());
        Path out = tmp.resolve("ext/model.onnx");
        ModelWriter.write(m, out, WriteOptions.external("weights.bin"));
        assertTrue(Files.size(out) < 1_000_000, "weights stayed inside the model file: " + Files.size(out));
        assertTrue(Files.size(out.resolveSibling("weights.bin")) > 80_000_000);
        Model back = ModelReader.read(out);
        assertEquals(m.graph().initializers().size(), back.graph().initializers().size());
        int external = 0;
        for (Value v : m.graph().initializers().values()) {
            Tensor a = v.initializer();
            Tensor b = back.graph().initializers().get(v.name()).initializer();
            assertTrue(a.sameContent(b), "tensor " + v.name() + " changed");
            if (b.isExternal()) external++;
        }
        assertTrue(external > 30, "only " + external + " tensors went external");
        // And back inline again: same bytes as the original file.
        Path inline = tmp.resolve("inline.onnx");
        ModelWriter.write(back, inline, new WriteOptions(WriteOptions.ExternalData.NEVER, null, 0));
        Model again = ModelReader.read(inline);
        Value first = again.graph().initializers().values().iterator().next();
        assertArrayEquals(TensorCodec.toFloats(m.graph().initializers().get(first.name()).initializer()),
                TensorCodec.toFloats(first.initializer()));
    }
}
