package org.strata.runtime.tests;

import java.util.ArrayList;
import java.util.List;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/**
 * Tiny ONNX models written in the test, for input layouts MiniLM does not have (decoder, image, unnamed,
 * fixed-length, int32). Each input is passed through with Identity to an output named
 * {@code <input>_out}, so a test can read back exactly what Strata fed.
 */
final class TinyModels {
    private TinyModels() {}

    /** An input: dims are String (symbolic, dynamic) or Integer (fixed). */
    record Input(String name, DataType type, Object... dims) {}

    static byte[] passThrough(Input... inputs) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("pass_through");
        for (Input in : inputs) {
            graph.addInput(valueInfo(in.name(), in.type(), in.dims()));
            graph.addNode(NodeProto.newBuilder().setOpType("Identity").addInput(in.name())
                    .addOutput(in.name() + "_out"));
            graph.addOutput(valueInfo(in.name() + "_out", in.type(), in.dims()));
        }
        return model(graph);
    }

    /** {@code y = float(input_ids) * scale}, for outputs with a known relative error. */
    static byte[] scaledIds(float scale, String outputName) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("scaled_ids")
                .addInput(valueInfo("input_ids", DataType.INT64, "batch", "sequence"))
                .addInitializer(TensorProto.newBuilder().setName("scale").setDataType(DataType.FLOAT.getNumber())
                        .addFloatData(scale))
                .addNode(NodeProto.newBuilder().setOpType("Cast").addInput("input_ids").addOutput("ids_float")
                        .addAttribute(AttributeProto.newBuilder().setName("to")
                                .setType(AttributeProto.AttributeType.INT).setI(DataType.FLOAT.getNumber())))
                .addNode(NodeProto.newBuilder().setOpType("Mul").addInput("ids_float").addInput("scale")
                        .addOutput(outputName))
                .addOutput(valueInfo(outputName, DataType.FLOAT, "batch", "sequence"));
        return model(graph);
    }

    private static byte[] model(GraphProto.Builder graph) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("strata-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph).build()
                .toByteArray();
    }

    private static ValueInfoProto valueInfo(String name, DataType type, Object... dims) {
        List<TensorShapeProto.Dimension> shape = new ArrayList<>();
        for (Object d : dims) {
            shape.add(d instanceof Integer i ? TensorShapeProto.Dimension.newBuilder().setDimValue(i).build()
                    : TensorShapeProto.Dimension.newBuilder().setDimParam((String) d).build());
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(type.getNumber()).setShape(TensorShapeProto.newBuilder().addAllDim(shape))))
                .build();
    }
}
