package org.strata.onnx;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

import com.google.protobuf.ByteString;

import ai.onnx.proto.OnnxMl.AttributeProto;
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
 * Turns the IR back into a {@link ModelProto}. Everything that is unchanged since reading is written from the
 * protobuf it was read from, field for field, so reading and writing an untouched model gives the same bytes;
 * only what was edited is rebuilt.
 */
final class ProtoExport {
    /** Decides, per tensor, whether its data goes to the external file; null places everything inline. */
    interface Placement {
        /** Returns the external-data entries for {@code t}, or null to keep it inline. */
        List<StringStringEntryProto> place(Tensor t, String name);
    }

    private final Placement placement;

    ProtoExport(Placement placement) {
        this.placement = placement;
    }

    ModelProto model(Model m) {
        ModelProto src = (ModelProto) m.source;
        ModelProto.Builder b = src != null ? src.toBuilder() : ModelProto.newBuilder();
        if (src == null || src.getIrVersion() != m.irVersion) b.setIrVersion(m.irVersion);
        if (src == null ? !m.producerName.isEmpty() : !src.getProducerName().equals(m.producerName)) b.setProducerName(m.producerName);
        if (src == null ? !m.producerVersion.isEmpty() : !src.getProducerVersion().equals(m.producerVersion)) b.setProducerVersion(m.producerVersion);
        if (src != null && !src.getDocString().equals(m.docString)) b.setDocString(m.docString);
        b.clearOpsetImport();
        for (var e : m.opsets.entrySet()) {
            OperatorSetIdProto kept = src == null ? null : src.getOpsetImportList().stream()
                    .filter(o -> (o.getDomain().equals("ai.onnx") ? "" : o.getDomain()).equals(e.getKey()) && o.getVersion() == e.getValue())
                    .findFirst().orElse(null);
            b.addOpsetImport(kept != null ? kept : OperatorSetIdProto.newBuilder().setDomain(e.getKey()).setVersion(e.getValue()).build());
        }
        b.clearMetadataProps();
        for (var e : m.metadata.entrySet()) {
            StringStringEntryProto kept = src == null ? null : src.getMetadataPropsList().stream()
                    .filter(x -> x.getKey().equals(e.getKey()) && x.getValue().equals(e.getValue())).findFirst().orElse(null);
            b.addMetadataProps(kept != null ? kept : StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()).build());
        }
        b.setGraph(graph(m.graph));
        return b.build();
    }

    GraphProto graph(Graph g) {
        GraphProto src = (GraphProto) g.source;
        GraphProto.Builder b = src != null ? src.toBuilder() : GraphProto.newBuilder();
        b.clearNode().clearInitializer().clearInput().clearOutput().clearValueInfo();
        if (src == null ? !g.name.isEmpty() : !src.getName().equals(g.name)) b.setName(g.name);
        if (src == null ? !g.docString.isEmpty() : !src.getDocString().equals(g.docString)) b.setDocString(g.docString);
        for (Node n : g.nodes) b.addNode(node(n));
        for (Value v : g.initializers.values()) b.addInitializer(tensor(v.initializer, v.name(), true));
        for (Value v : g.inputs) b.addInput(valueInfo(v));
        for (Value v : g.outputs) b.addOutput(valueInfo(v));
        for (Value v : g.typedValues) {
            boolean alive = g.values.get(v.name()) == v;
            if (alive && (v.type != null || v.opaqueType != null) && !g.inputs.contains(v) && !g.outputs.contains(v)) {
                b.addValueInfo(valueInfo(v));
            }
        }
        return b.build();
    }

    private NodeProto node(Node n) {
        NodeProto src = (NodeProto) n.source;
        NodeProto.Builder b = src != null ? src.toBuilder() : NodeProto.newBuilder();
        b.clearInput().clearOutput().clearAttribute();
        for (Value v : n.inputs) b.addInput(v == null ? "" : v.name());
        for (Value v : n.outputs) b.addOutput(v.name());
        if (src == null ? !n.name.isEmpty() : !src.getName().equals(n.name)) b.setName(n.name);
        if (src == null || !src.getOpType().equals(n.opType)) b.setOpType(n.opType);
        if (src == null ? !n.domain.isEmpty() : !normalDomain(src.getDomain()).equals(n.domain)) b.setDomain(n.domain);
        if (src == null ? !n.docString.isEmpty() : !src.getDocString().equals(n.docString)) b.setDocString(n.docString);
        for (Attribute a : n.attributes.values()) {
            Object kept = n.attributeSources.get(a);
            boolean hasGraph = a instanceof Attribute.Subgraph || a instanceof Attribute.Subgraphs;
            b.addAttribute(kept != null && !hasGraph ? (AttributeProto) kept : attribute(a));
        }
        return b.build();
    }

    private static String normalDomain(String d) {
        return d.equals("ai.onnx") ? "" : d;
    }

    private AttributeProto attribute(Attribute a) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(a.name());
        switch (a) {
            case Attribute.Int i -> b.setType(AttributeProto.AttributeType.INT).setI(i.value());
            case Attribute.Float f -> b.setType(AttributeProto.AttributeType.FLOAT).setF(f.value());
            case Attribute.Str s -> b.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s.value()));
            case Attribute.Ints i -> b.setType(AttributeProto.AttributeType.INTS).addAllInts(i.values());
            case Attribute.Floats f -> b.setType(AttributeProto.AttributeType.FLOATS).addAllFloats(f.values());
            case Attribute.Strs s -> {
                b.setType(AttributeProto.AttributeType.STRINGS);
                s.values().forEach(x -> b.addStrings(ByteString.copyFromUtf8(x)));
            }
            case Attribute.TensorValue t -> b.setType(AttributeProto.AttributeType.TENSOR).setT(tensor(t.value(), t.value().name(), false));
            case Attribute.Tensors t -> {
                b.setType(AttributeProto.AttributeType.TENSORS);
                t.values().forEach(x -> b.addTensors(tensor(x, x.name(), false)));
            }
            case Attribute.Subgraph g -> b.setType(AttributeProto.AttributeType.GRAPH).setG(graph(g.value()));
            case Attribute.Subgraphs g -> {
                b.setType(AttributeProto.AttributeType.GRAPHS);
                g.values().forEach(x -> b.addGraphs(graph(x)));
            }
            case Attribute.Opaque o -> {
                return (AttributeProto) o.proto();
            }
        }
        return b.build();
    }

    /** Writes a tensor; initializers may go to the external file, attribute tensors always stay inline. */
    TensorProto tensor(Tensor t, String name, boolean mayBeExternal) {
        List<StringStringEntryProto> ext = mayBeExternal && placement != null && t.type() != DataType.STRING
                ? placement.place(t, name) : null;
        TensorProto src = (TensorProto) t.source;
        if (ext == null && src != null && !t.isExternal()) {
            return src.getName().equals(name) ? src : src.toBuilder().setName(name).build();
        }
        TensorProto.Builder b = TensorProto.newBuilder();
        for (long d : t.dims()) b.addDims(d);
        b.setDataType(t.type().code());
        if (!name.isEmpty()) b.setName(name);
        if (t.type() == DataType.STRING) {
            t.strings().forEach(s -> b.addStringData(ByteString.copyFrom(s)));
        } else if (ext != null) {
            b.setDataLocation(TensorProto.DataLocation.EXTERNAL).addAllExternalData(ext);
        } else {
            ByteBuffer data = t.data();
            b.setRawData(ByteString.copyFrom(data));
        }
        return b.build();
    }

    private ValueInfoProto valueInfo(Value v) {
        ValueInfoProto src = (ValueInfoProto) v.sourceInfo;
        if (src != null && src.getName().equals(v.name()) && Objects.equals(v.type, v.sourceType)) return src;
        ValueInfoProto.Builder b = src != null ? src.toBuilder().setName(v.name()) : ValueInfoProto.newBuilder().setName(v.name());
        if (v.opaqueType != null) {
            b.setType((TypeProto) v.opaqueType);
        } else if (v.type != null) {
            b.setType(TypeProto.newBuilder().setTensorType(tensorType(v.type)));
        } else {
            b.clearType();
        }
        return b.build();
    }

    private static TypeProto.Tensor tensorType(TensorType t) {
        TypeProto.Tensor.Builder b = TypeProto.Tensor.newBuilder().setElemType(t.elementType().code());
        if (t.shape() != null) {
            TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
            for (Dim d : t.shape().dims()) {
                TensorShapeProto.Dimension.Builder db = TensorShapeProto.Dimension.newBuilder();
                switch (d) {
                    case Dim.Fixed f -> db.setDimValue(f.size());
                    case Dim.Symbolic sym -> db.setDimParam(sym.name());
                    case Dim.Unknown u -> { /* neither value nor param */ }
                }
                s.addDim(db);
            }
            b.setShape(s);
        }
        return b.build();
    }
}
