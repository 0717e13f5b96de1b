package org.strata.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.strata.onnx.internal.ExternalDataPaths;

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

/** Builds the IR from a parsed {@link ModelProto}, checking every declared size against {@link ReadLimits}. */
final class ProtoImport {
    private final Path modelDir;
    private final ReadLimits limits;
    private final String file;

    ProtoImport(Path modelDir, ReadLimits limits, String file) {
        this.modelDir = modelDir;
        this.limits = limits;
        this.file = file;
    }

    Model model(ModelProto p) {
        if (!p.hasGraph()) throw new ModelFormatException(file + " is not an ONNX model: it has no graph");
        if (p.getIrVersion() <= 0 || p.getIrVersion() > 64) {
            throw new ModelFormatException(file + " is not an ONNX model: IR version " + p.getIrVersion() + " is not one ONNX defines");
        }
        Model m = new Model();
        m.source = p;
        m.irVersion = p.getIrVersion();
        m.producerName = p.getProducerName();
        m.producerVersion = p.getProducerVersion();
        m.domain = p.getDomain();
        m.modelVersion = p.getModelVersion();
        m.docString = p.getDocString();
        for (OperatorSetIdProto o : p.getOpsetImportList()) {
            String d = o.getDomain().equals("ai.onnx") ? "" : o.getDomain();
            if (m.opsets.put(d, o.getVersion()) != null) {
                throw new ModelFormatException(file + ": opset of domain '" + d + "' is imported twice");
            }
        }
        if (m.opsets.isEmpty()) throw new ModelFormatException(file + " is not an ONNX model: it imports no opset");
        for (StringStringEntryProto e : p.getMetadataPropsList()) m.metadata.put(e.getKey(), e.getValue());
        m.graph = graph(p.getGraph(), null);
        return m;
    }

    Graph graph(GraphProto gp, Graph parent) {
        Graph g = new Graph(gp.getName(), parent);
        g.source = gp;
        g.docString = gp.getDocString();
        for (ValueInfoProto vi : gp.getInputList()) {
            Value v = g.declare(vi.getName());
            info(v, vi);
            g.inputs.add(v);
        }
        for (TensorProto tp : gp.getInitializerList()) {
            Value v = g.values.get(tp.getName());
            if (v == null || v.graph != g) v = g.declare(tp.getName());
            if (v.initializer != null) throw new InvalidGraphException("initializer '" + tp.getName() + "' is defined twice");
            v.initializer = tensor(tp, "initializer '" + tp.getName() + "'");
            if (v.type == null) v.type = v.initializer.tensorType();
            g.initializers.put(v.name(), v);
        }
        // Declare every node output first: files need not be sorted, and subgraphs may use later outer values.
        List<Node> created = new ArrayList<>(gp.getNodeCount());
        for (NodeProto np : gp.getNodeList()) {
            Node n = new Node(g, np.getDomain(), np.getOpType(), np.getName());
            n.source = np;
            n.docString = np.getDocString();
            for (String out : np.getOutputList()) {
                Value v = out.isEmpty() ? new Value(g, "") : declareOutput(g, out, n);
                v.producer = n;
                v.producerIndex = n.outputs.size();
                n.outputs.add(v);
            }
            g.nodes.add(n);
            created.add(n);
        }
        for (int k = 0; k < created.size(); k++) {
            Node n = created.get(k);
            NodeProto np = gp.getNode(k);
            for (int i = 0; i < np.getInputCount(); i++) {
                String in = np.getInput(i);
                if (in.isEmpty()) {
                    n.inputs.add(null);
                    continue;
                }
                Value v = g.value(in);
                if (v == null) {
                    throw new InvalidGraphException(n.describe() + " input " + i + " '" + in
                            + "' is produced by no node, graph input or initializer");
                }
                n.inputs.add(v);
                v.uses.add(new Value.Use(n, i));
            }
            for (AttributeProto ap : np.getAttributeList()) {
                Attribute a = attribute(ap, g, n);
                if (n.attributes.put(a.name(), a) != null) {
                    throw new ModelFormatException(n.describe() + " has attribute '" + a.name() + "' twice");
                }
                n.attributeSources.put(a, ap);
            }
        }
        for (ValueInfoProto vi : gp.getOutputList()) {
            Value v = g.value(vi.getName());
            if (v == null) throw new InvalidGraphException("graph output '" + vi.getName() + "' is produced by nothing");
            if (v.sourceInfo == null) info(v, vi);
            g.outputs.add(v);
        }
        for (ValueInfoProto vi : gp.getValueInfoList()) {
            Value v = g.values.get(vi.getName());
            if (v == null) continue; // type information about a value that does not exist: nothing to keep
            info(v, vi);
            g.typedValues.add(v);
        }
        return g;
    }

    private static Value declareOutput(Graph g, String name, Node n) {
        Value existing = g.value(name);
        if (existing != null) {
            throw new InvalidGraphException("value '" + name + "' is produced twice (SSA): by " + n.describe()
                    + (existing.producer != null ? " and by " + existing.producer.describe()
                            : existing.isInitializer() ? " and as an initializer" : " and as a graph input"));
        }
        return g.declare(name);
    }

    private void info(Value v, ValueInfoProto vi) {
        v.sourceInfo = vi;
        v.docString = vi.getDocString();
        if (!vi.hasType()) return;
        TypeProto t = vi.getType();
        if (t.hasTensorType()) {
            v.type = tensorType(t.getTensorType(), "value '" + vi.getName() + "'");
            v.sourceType = v.type;
        } else {
            v.opaqueType = t;
        }
    }

    private TensorType tensorType(TypeProto.Tensor t, String what) {
        DataType dt = t.getElemType() == 0 ? DataType.UNDEFINED : elemType(t.getElemType(), what);
        if (!t.hasShape()) return new TensorType(dt, null);
        TensorShapeProto s = t.getShape();
        if (s.getDimCount() > limits.maxRank()) {
            throw new ModelFormatException(file + ": " + what + " declares rank " + s.getDimCount() + ", over the limit of "
                    + limits.maxRank());
        }
        List<Dim> dims = new ArrayList<>(s.getDimCount());
        for (TensorShapeProto.Dimension d : s.getDimList()) {
            if (d.hasDimValue()) {
                if (d.getDimValue() < 0) throw new ModelFormatException(file + ": " + what + " declares a negative dimension " + d.getDimValue());
                dims.add(Dim.of(d.getDimValue()));
            } else if (d.hasDimParam() && !d.getDimParam().isEmpty()) {
                dims.add(Dim.of(d.getDimParam()));
            } else {
                dims.add(Dim.UNKNOWN);
            }
        }
        return new TensorType(dt, new Shape(dims));
    }

    private DataType elemType(int code, String what) {
        try {
            return DataType.ofCode(code);
        } catch (StrataException e) {
            throw new ModelFormatException(file + ": " + what + " has unknown element type " + code);
        }
    }

    Attribute attribute(AttributeProto ap, Graph g, Node n) {
        String name = ap.getName();
        if (!ap.getRefAttrName().isEmpty() || !ap.getDocString().isEmpty()) return new Attribute.Opaque(name, ap);
        String where = n.describe() + " attribute '" + name + "'";
        return switch (ap.getType()) {
            case INT -> new Attribute.Int(name, ap.getI());
            case FLOAT -> new Attribute.Float(name, ap.getF());
            case STRING -> new Attribute.Str(name, ap.getS().toStringUtf8());
            case INTS -> new Attribute.Ints(name, ap.getIntsList());
            case FLOATS -> new Attribute.Floats(name, ap.getFloatsList());
            case STRINGS -> new Attribute.Strs(name, ap.getStringsList().stream().map(b -> b.toStringUtf8()).toList());
            case TENSOR -> new Attribute.TensorValue(name, tensor(ap.getT(), where));
            case TENSORS -> new Attribute.Tensors(name, ap.getTensorsList().stream().map(t -> tensor(t, where)).toList());
            case GRAPH -> {
                Graph sub = graph(ap.getG(), g);
                sub.owner = n;
                yield new Attribute.Subgraph(name, sub);
            }
            case GRAPHS -> {
                List<Graph> subs = new ArrayList<>();
                for (GraphProto gp : ap.getGraphsList()) {
                    Graph sub = graph(gp, g);
                    sub.owner = n;
                    subs.add(sub);
                }
                yield new Attribute.Subgraphs(name, subs);
            }
            default -> new Attribute.Opaque(name, ap);
        };
    }

    Tensor tensor(TensorProto tp, String what) {
        DataType type = elemType(tp.getDataType(), what);
        if (type == DataType.UNDEFINED) throw new ModelFormatException(file + ": " + what + " has no element type");
        if (tp.hasSegment()) throw new ModelFormatException(file + ": " + what + " is segmented, which Strata does not support");
        if (tp.getDimsCount() > limits.maxRank()) {
            throw new ModelFormatException(file + ": " + what + " declares rank " + tp.getDimsCount() + ", over the limit of " + limits.maxRank());
        }
        long[] dims = new long[tp.getDimsCount()];
        long elements = 1;
        boolean overflow = false;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = tp.getDims(i);
            if (dims[i] < 0) throw new ModelFormatException(file + ": " + what + " declares a negative dimension " + dims[i]);
            try {
                elements = Math.multiplyExact(elements, dims[i]);
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        if (overflow || elements > limits.maxTensorElements()) {
            throw new ModelFormatException(file + ": " + what + " declares shape " + java.util.Arrays.toString(dims) + " ("
                    + (overflow ? "more than 2^63" : elements) + " elements), over the limit of "
                    + limits.maxTensorElements() + " elements per tensor");
        }
        if (type == DataType.STRING) {
            if (tp.getStringDataCount() != elements) {
                throw new ModelFormatException(file + ": " + what + " declares " + elements + " strings but holds " + tp.getStringDataCount());
            }
            List<byte[]> s = tp.getStringDataList().stream().map(b -> b.toByteArray()).toList();
            return new Tensor(tp.getName(), type, dims, null, 0, s, tp, null);
        }
        long bytes = type.byteSize(elements);
        if (tp.getDataLocation() == TensorProto.DataLocation.EXTERNAL) return external(tp, type, dims, bytes, what);
        if (tp.hasRawData()) {
            if (tp.getRawData().size() != bytes) {
                throw new ModelFormatException(file + ": " + what + " of " + type.onnxName() + java.util.Arrays.toString(dims)
                        + " needs " + bytes + " bytes but holds " + tp.getRawData().size());
            }
            com.google.protobuf.ByteString raw = tp.getRawData();
            return new Tensor(tp.getName(), type, dims, raw::asReadOnlyByteBuffer, bytes, null, tp, null);
        }
        int held = typedCount(tp, type);
        long expectedValues = switch (type) {
            case INT4, UINT4, FLOAT4E2M1 -> bytes; // one packed byte per int32
            case COMPLEX64, COMPLEX128 -> elements * 2;
            default -> elements;
        };
        if (held != expectedValues) {
            throw new ModelFormatException(file + ": " + what + " declares " + elements + " elements but holds " + held + " values");
        }
        return new Tensor(tp.getName(), type, dims, () -> decodeTyped(tp, type, bytes), bytes, null, tp, null);
    }

    private static int typedCount(TensorProto tp, DataType type) {
        return switch (type) {
            case FLOAT, COMPLEX64 -> tp.getFloatDataCount();
            case DOUBLE, COMPLEX128 -> tp.getDoubleDataCount();
            case INT64 -> tp.getInt64DataCount();
            case UINT32, UINT64 -> tp.getUint64DataCount();
            default -> tp.getInt32DataCount();
        };
    }

    /** Converts the typed repeated fields to dense little-endian bytes. */
    private static ByteBuffer decodeTyped(TensorProto tp, DataType type, long bytes) {
        ByteBuffer b = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case FLOAT, COMPLEX64 -> tp.getFloatDataList().forEach(b::putFloat);
            case DOUBLE, COMPLEX128 -> tp.getDoubleDataList().forEach(b::putDouble);
            case INT64 -> tp.getInt64DataList().forEach(b::putLong);
            case UINT64 -> tp.getUint64DataList().forEach(b::putLong);
            case UINT32 -> tp.getUint64DataList().forEach(v -> b.putInt((int) (long) v));
            case INT32 -> tp.getInt32DataList().forEach(b::putInt);
            case INT16, UINT16, FLOAT16, BFLOAT16 -> tp.getInt32DataList().forEach(v -> b.putShort((short) (int) v));
            default -> tp.getInt32DataList().forEach(v -> b.put((byte) (int) v)); // 8-bit and packed 4-bit types
        }
        return b.flip();
    }

    private Tensor external(TensorProto tp, DataType type, long[] dims, long bytes, String what) {
        String location = null;
        long offset = 0;
        long length = -1;
        for (StringStringEntryProto e : tp.getExternalDataList()) {
            try {
                switch (e.getKey()) {
                    case "location" -> location = e.getValue();
                    case "offset" -> offset = Long.parseLong(e.getValue());
                    case "length" -> length = Long.parseLong(e.getValue());
                    default -> { /* checksum and unknown keys: not needed to read */ }
                }
            } catch (NumberFormatException ex) {
                throw new ModelFormatException(file + ": " + what + " has a malformed external-data " + e.getKey() + " '" + e.getValue() + "'");
            }
        }
        Path data = ExternalDataPaths.resolve(modelDir, location, tp.getName());
        long fileSize;
        try {
            fileSize = java.nio.file.Files.size(data);
        } catch (IOException e) {
            throw new ModelFormatException(file + ": cannot read external data of " + what + ": " + e.getMessage(), e);
        }
        if (length < 0) length = fileSize - offset;
        if (offset < 0 || length != bytes || offset > fileSize || length > fileSize - offset) {
            throw new ModelFormatException(file + ": " + what + " needs " + bytes + " bytes of external data at offset " + offset
                    + " (declared length " + length + ") but '" + location + "' holds " + fileSize + " bytes");
        }
        if (bytes > limits.maxExternalBytes()) {
            throw new ModelFormatException(file + ": " + what + " has " + bytes + " bytes of external data, over the limit of "
                    + limits.maxExternalBytes() + " bytes per tensor");
        }
        final long off = offset;
        Supplier<ByteBuffer> loader = () -> {
            try (FileChannel ch = FileChannel.open(data, StandardOpenOption.READ)) {
                return ch.map(FileChannel.MapMode.READ_ONLY, off, bytes);
            } catch (IOException e) {
                throw new ModelFormatException("cannot read external data of " + what + " from " + data + ": " + e.getMessage(), e);
            }
        };
        return new Tensor(tp.getName(), type, dims, loader, bytes, null, tp, location);
    }
}
