package org.strata.onnx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;


import com.google.protobuf.CodedOutputStream;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;

/**
 * Writes models atomically: each file (the model, then its external data) goes to a temporary file beside
 * the target and is renamed into place, so a failure leaves the previous file intact. The model a
 * {@link Model} was read from is never overwritten. Unchanged parts are written exactly as read.
 */
public final class ModelWriter {
    /** Protobuf messages cannot exceed 2 GiB; stay clear of it. */
    static final long MAX_INLINE_BYTES = (1L << 31) - (64L << 20);
    private static final int ALIGN = 4096;

    private ModelWriter() {
    }

    public static void write(Model m, Path target) {
        write(m, target, WriteOptions.DEFAULT);
    }

    public static void write(Model m, Path target, WriteOptions options) {
        Path abs = target.toAbsolutePath().normalize();
        refuseSource(m, abs);
        boolean external = switch (options.externalData()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> anyExternal(m.graph) || m.initializerBytes() > MAX_INLINE_BYTES;
        };
        ModelProto proto;
        if (external) {
            String dataName = options.dataFileName() != null ? options.dataFileName() : abs.getFileName() + ".data";
            Path dataFile = abs.resolveSibling(dataName).normalize();
            if (!dataFile.getParent().equals(abs.getParent())) {
                throw new UnsafeModelPathException("external data file '" + dataName + "' must be a plain file name in the model's folder");
            }
            refuseSource(m, dataFile);
            Layout layout = new Layout(dataName, options.externalThreshold());
            proto = new ProtoExport(layout).model(m);
            AtomicFile.write(dataFile, out -> layout.writeData(out));
        } else {
            proto = new ProtoExport(null).model(m);
        }
        if (proto.getSerializedSize() < 0 || proto.getSerializedSize() > MAX_INLINE_BYTES) {
            throw new StrataException("the model is too large for one ONNX file; write it with external data (WriteOptions.external)");
        }
        AtomicFile.write(abs, out -> {
            CodedOutputStream cos = CodedOutputStream.newInstance(out, 1 << 16);
            proto.writeTo(cos);
            cos.flush();
        });
    }

    /** The model as one protobuf (external data inlined), e.g. to hand to ONNX Runtime in memory. */
    public static byte[] toBytes(Model m) {
        if (m.initializerBytes() > MAX_INLINE_BYTES) {
            throw new StrataException("the model holds " + m.initializerBytes() + " bytes of weights, too many for one protobuf; write it to a file with external data");
        }
        return new ProtoExport(null).model(m).toByteArray();
    }

    private static void refuseSource(Model m, Path target) {
        try {
            if (m.sourceFile != null && Files.exists(target) && Files.isSameFile(m.sourceFile, target)) {
                throw new StrataException("refusing to write over the input model " + target + "; choose another output path");
            }
        } catch (IOException e) {
            throw new StrataException("cannot check " + target + ": " + e.getMessage(), e);
        }
    }

    private static boolean anyExternal(Graph g) {
        for (Value v : g.initializers.values()) if (v.initializer.isExternal()) return true;
        return false;
    }

    /** Assigns aligned offsets in the data file and then writes the data in that order. */
    private static final class Layout implements ProtoExport.Placement {
        private final String location;
        private final long threshold;
        private final Map<Tensor, long[]> placed = new IdentityHashMap<>();
        private final List<Tensor> order = new ArrayList<>();
        private long end;

        Layout(String location, long threshold) {
            this.location = location;
            this.threshold = threshold;
        }

        @Override
        public List<StringStringEntryProto> place(Tensor t, String name) {
            if (t.byteSize() < threshold) return null;
            long[] at = placed.get(t);
            if (at == null) {
                long offset = Math.ceilDiv(end, ALIGN) * ALIGN;
                at = new long[] {offset, t.byteSize()};
                placed.put(t, at);
                order.add(t);
                end = offset + t.byteSize();
            }
            return List.of(entry("location", location), entry("offset", Long.toString(at[0])),
                    entry("length", Long.toString(at[1])));
        }

        private static StringStringEntryProto entry(String k, String v) {
            return StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
        }

        void writeData(OutputStream out) throws IOException {
            WritableByteChannel ch = Channels.newChannel(out);
            long pos = 0;
            byte[] zeros = new byte[ALIGN];
            for (Tensor t : order) {
                long offset = placed.get(t)[0];
                while (pos < offset) {
                    int n = (int) Math.min(zeros.length, offset - pos);
                    out.write(zeros, 0, n);
                    pos += n;
                }
                ByteBuffer data = t.data();
                while (data.hasRemaining()) ch.write(data);
                pos += t.byteSize();
            }
        }
    }
}
