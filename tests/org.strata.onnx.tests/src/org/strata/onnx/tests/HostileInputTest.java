package org.strata.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.onnx.InvalidGraphException;
import org.strata.onnx.Model;
import org.strata.onnx.ModelFormatException;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.StrataException;
import org.strata.onnx.UnsafeModelPathException;
import org.strata.onnx.WriteOptions;

import com.google.protobuf.ByteString;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/**
 * Malformed and hostile models: each is refused with a clear message that names the problem, nothing is
 * allocated from absurd declared sizes, nothing outside the model's folder is read, and no file is touched.
 */
class HostileInputTest {
    @TempDir
    Path tmp;

    private static ValueInfoProto info(String name, long... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : dims) s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(1).setShape(s))).build();
    }

    /** y = x + w, with w as given. */
    private static ModelProto addModel(TensorProto w) {
        GraphProto g = GraphProto.newBuilder().setName("g").addInput(info("x", 4)).addOutput(info("y", 4))
                .addInitializer(w)
                .addNode(NodeProto.newBuilder().setOpType("Add").addInput("x").addInput(w.getName()).addOutput("y")).build();
        return ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17))
                .setGraph(g).build();
    }

    private static TensorProto external(String location) {
        return TensorProto.newBuilder().setName("w").addDims(4).setDataType(1)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue("0"))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue("16")).build();
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    /** Reads {@code model}, expects {@code type} with a message containing every fragment, and checks no file changed. */
    private <T extends StrataException> T refused(Class<T> type, Path model, String... fragments) throws Exception {
        List<Path> before;
        try (Stream<Path> s = Files.walk(tmp)) {
            before = s.sorted().toList();
        }
        byte[][] contents = new byte[before.size()][];
        for (int i = 0; i < before.size(); i++) {
            if (Files.isRegularFile(before.get(i))) contents[i] = Files.readAllBytes(before.get(i));
        }
        T e = assertThrows(type, () -> ModelReader.read(model));
        System.out.println("refused as expected: " + e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        assertFalse(e.getMessage().contains("Exception"), "message leaks a class name: " + e.getMessage());
        try (Stream<Path> s = Files.walk(tmp)) {
            assertEquals(before, s.sorted().toList(), "files appeared or disappeared");
        }
        for (int i = 0; i < before.size(); i++) {
            if (contents[i] != null) assertArrayEquals(contents[i], Files.readAllBytes(before.get(i)), before.get(i) + " changed");
        }
        return e;
    }

    @Test
    void emptyFile() throws Exception {
        refused(ModelFormatException.class, write("empty.onnx", new byte[0]), "empty");
    }

    @Test
    void randomBytes() throws Exception {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        refused(ModelFormatException.class, write("random.onnx", junk), "random.onnx");
    }

    @Test
    void truncatedRealModel() throws Exception {
        byte[] full = Files.readAllBytes(TestModels.int8());
        refused(ModelFormatException.class, write("cut.onnx", Arrays.copyOf(full, full.length / 2)), "truncated");
    }

    @Test
    void folderAndMissingFile() throws Exception {
        refused(ModelFormatException.class, tmp, "folder");
        refused(ModelFormatException.class, tmp.resolve("nope.onnx"), "no such file");
    }

    @Test
    void tensorDeclaringTwoToTheFortyElements() throws Exception {
        TensorProto huge = TensorProto.newBuilder().setName("w").addDims(1L << 40).setDataType(1)
                .setRawData(ByteString.copyFrom(floats(1, 2, 3, 4))).build();
        refused(ModelFormatException.class, write("huge.onnx", addModel(huge).toByteArray()), "'w'", "1099511627776", "limit");
    }

    @Test
    void dimensionsWhoseProductOverflows() throws Exception {
        TensorProto t = TensorProto.newBuilder().setName("w").addDims(1L << 40).addDims(1L << 40).setDataType(1).build();
        refused(ModelFormatException.class, write("overflow.onnx", addModel(t).toByteArray()), "'w'", "limit");
    }

    @Test
    void dataShorterThanShape() throws Exception {
        TensorProto t = TensorProto.newBuilder().setName("w").addDims(4).setDataType(1)
                .setRawData(ByteString.copyFrom(floats(1, 2))).build();
        refused(ModelFormatException.class, write("short.onnx", addModel(t).toByteArray()), "'w'", "16 bytes", "holds 8");
    }

    @Test
    void externalDataEscapingWithDotDot() throws Exception {
        write("outside.bin", floats(1, 2, 3, 4));
        Path m = write("model/m.onnx", addModel(external("../outside.bin")).toByteArray());
        refused(UnsafeModelPathException.class, m, "'w'", "..");
    }

    @Test
    void externalDataAbsolutePath() throws Exception {
        Path outside = write("outside.bin", floats(1, 2, 3, 4));
        Path m = write("model/m.onnx", addModel(external(outside.toString())).toByteArray());
        refused(UnsafeModelPathException.class, m, "absolute");
        Path m2 = write("model2/m.onnx", addModel(external("C:\\weights.bin")).toByteArray());
        refused(UnsafeModelPathException.class, m2, "absolute");
    }

    @Test
    void externalDataThroughEscapingSymlink() throws Exception {
        Path outside = write("outside.bin", floats(1, 2, 3, 4));
        Path m = write("model/m.onnx", addModel(external("weights.bin")).toByteArray());
        Files.createSymbolicLink(m.resolveSibling("weights.bin"), outside);
        refused(UnsafeModelPathException.class, m, "symbolic link", "outside");
    }

    @Test
    void externalDataThroughHardLink() throws Exception {
        Path outside = write("outside.bin", floats(1, 2, 3, 4));
        Path m = write("model/m.onnx", addModel(external("weights.bin")).toByteArray());
        Files.createLink(m.resolveSibling("weights.bin"), outside);
        refused(UnsafeModelPathException.class, m, "hard links");
    }

    @Test
    void externalDataThatIsAFifoIsRefusedWithoutHanging() throws Exception {
        Path m = write("model/m.onnx", addModel(external("pipe.bin")).toByteArray());
        Process p = new ProcessBuilder("mkfifo", m.resolveSibling("pipe.bin").toString()).start();
        assertEquals(0, p.waitFor());
        refused(UnsafeModelPathException.class, m, "not a regular file");
    }

    @Test
    void externalDataInsideTheFolderIsRead() throws Exception {
        Path m = write("model/m.onnx", addModel(external("sub/weights.bin")).toByteArray());
        write("model/sub/weights.bin", floats(1, 2, 3, 4));
        Model model = ModelReader.read(m);
        assertEquals(16, model.initializerBytes());
        assertTrue(model.graph().initializers().get("w").initializer().isExternal());
    }

    @Test
    void externalDataLengthBeyondTheFile() throws Exception {
        Path m = write("model/m.onnx", addModel(external("weights.bin")).toByteArray());
        write("model/weights.bin", floats(1, 2));
        refused(ModelFormatException.class, m, "'w'", "16 bytes", "holds 8");
    }

    @Test
    void cycle() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("g").addInput(info("x", 4)).addOutput(info("y", 4))
                .addNode(NodeProto.newBuilder().setName("first").setOpType("Add").addInput("x").addInput("b").addOutput("a"))
                .addNode(NodeProto.newBuilder().setName("second").setOpType("Relu").addInput("a").addOutput("b"))
                .addNode(NodeProto.newBuilder().setName("last").setOpType("Relu").addInput("a").addOutput("y")).build();
        ModelProto mp = ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).setGraph(g).build();
        refused(InvalidGraphException.class, write("cycle.onnx", mp.toByteArray()), "cycle", "'first'", "'second'");
    }

    @Test
    void inputNobodyProduces() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("g").addInput(info("x", 4)).addOutput(info("y", 4))
                .addNode(NodeProto.newBuilder().setName("adder").setOpType("Add").addInput("x").addInput("ghost").addOutput("y")).build();
        ModelProto mp = ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).setGraph(g).build();
        refused(InvalidGraphException.class, write("dangling.onnx", mp.toByteArray()), "'adder'", "'ghost'", "produced by no node");
    }

    @Test
    void valueProducedTwice() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("g").addInput(info("x", 4)).addOutput(info("y", 4))
                .addNode(NodeProto.newBuilder().setName("one").setOpType("Relu").addInput("x").addOutput("y"))
                .addNode(NodeProto.newBuilder().setName("two").setOpType("Relu").addInput("x").addOutput("y")).build();
        ModelProto mp = ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).setGraph(g).build();
        refused(InvalidGraphException.class, write("ssa.onnx", mp.toByteArray()), "'y'", "twice");
    }

    @Test
    void missingOpsetAndGraph() throws Exception {
        ModelProto noGraph = ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).build();
        refused(ModelFormatException.class, write("nograph.onnx", noGraph.toByteArray()), "no graph");
        TensorProto w = TensorProto.newBuilder().setName("w").addDims(4).setDataType(1).setRawData(ByteString.copyFrom(floats(1, 2, 3, 4))).build();
        ModelProto customOnly = addModel(w).toBuilder().setGraph(addModel(w).getGraph().toBuilder()
                .setNode(0, addModel(w).getGraph().getNode(0).toBuilder().setDomain("com.example"))).build();
        refused(InvalidGraphException.class, write("noopset.onnx", customOnly.toByteArray()), "com.example", "opset");
    }

    @Test
    void deeplyNestedSubgraphsAreRefusedNotAStackOverflow() throws Exception {
        GraphProto inner = GraphProto.newBuilder().setName("leaf").build();
        for (int i = 0; i < 200; i++) {
            inner = GraphProto.newBuilder().setName("g" + i).addNode(NodeProto.newBuilder().setOpType("If")
                    .addAttribute(ai.onnx.proto.OnnxMl.AttributeProto.newBuilder().setName("then_branch")
                            .setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.GRAPH).setG(inner))).build();
        }
        ModelProto mp = ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).setGraph(inner).build();
        refused(ModelFormatException.class, write("deep.onnx", mp.toByteArray()), "nested too deeply");
    }

    @Test
    void failedWriteLeavesThePreviousFileIntact() throws Exception {
        Path m = write("model/m.onnx", addModel(external("weights.bin")).toByteArray());
        Path data = write("model/weights.bin", floats(1, 2, 3, 4));
        Model model = ModelReader.read(m);
        Files.delete(data); // the weights vanish before they are first needed
        Path target = write("out/result.onnx", "previous content".getBytes());
        assertThrows(StrataException.class, () -> ModelWriter.write(model, target, new WriteOptions(WriteOptions.ExternalData.NEVER, null, 0)));
        assertEquals("previous content", Files.readString(target));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(List.of(target), s.toList(), "a temporary file was left behind");
        }
    }

    @Test
    void neverWritesOverItsInput() throws Exception {
        Path src = write("in/model.onnx", Files.readAllBytes(TestModels.int8()));
        byte[] before = Files.readAllBytes(src);
        Model model = ModelReader.read(src);
        StrataException e = assertThrows(StrataException.class, () -> ModelWriter.write(model, src));
        assertTrue(e.getMessage().contains("input model"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(src));
    }
}
