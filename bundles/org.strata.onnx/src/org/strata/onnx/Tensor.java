package org.strata.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Constant tensor data: an initializer or the value of a {@code Constant}/tensor attribute. Immutable.
 *
 * <p>Data is held as dense little-endian bytes (sub-byte types packed low nibble first, as ONNX stores
 * them), whatever form the file used (raw_data, float_data, int32_data, external file). External data is
 * mapped lazily on first access. {@link TensorCodec} converts to and from Java arrays.
 */
public final class Tensor {
    private final String name;
    private final DataType type;
    private final long[] dims;
    private final List<byte[]> strings;
    private Supplier<ByteBuffer> loader;
    private ByteBuffer data;
    private final long byteSize;
    /** The protobuf this tensor was read from, while unchanged; lets the writer reproduce it exactly. */
    final Object source;
    /** Where the data was read from when it was external, for messages; null otherwise. */
    final String externalLocation;

    Tensor(String name, DataType type, long[] dims, Supplier<ByteBuffer> loader, long byteSize, List<byte[]> strings,
            Object source, String externalLocation) {
        this.name = name == null ? "" : name;
        this.type = type;
        this.dims = dims.clone();
        this.loader = loader;
        this.byteSize = byteSize;
        this.strings = strings;
        this.source = source;
        this.externalLocation = externalLocation;
    }

    /**
     * A tensor over dense little-endian data.
     *
     * @throws StrataException when the data length does not match {@code dims} and {@code type}
     */
    public static Tensor of(String name, DataType type, long[] dims, ByteBuffer data) {
        long expected = type.byteSize(Shape.elementCount(dims));
        if (data.remaining() != expected) {
            throw new StrataException("tensor '" + name + "' of " + type.onnxName() + Arrays.toString(dims) + " needs "
                    + expected + " bytes but was given " + data.remaining());
        }
        ByteBuffer copy = data.slice().order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        return new Tensor(name, type, dims, () -> copy, expected, null, null, null);
    }

    public static Tensor ofStrings(String name, long[] dims, List<byte[]> values) {
        if (values.size() != Shape.elementCount(dims)) {
            throw new StrataException("string tensor '" + name + "' has " + values.size() + " values for shape "
                    + Arrays.toString(dims));
        }
        return new Tensor(name, DataType.STRING, dims, null, 0, List.copyOf(values), null, null);
    }

    /** The same data under another name. */
    public Tensor withName(String newName) {
        if (type == DataType.STRING) return ofStrings(newName, dims, strings);
        return of(newName, type, dims, data());
    }

    public String name() {
        return name;
    }

    public DataType type() {
        return type;
    }

    public long[] dims() {
        return dims.clone();
    }

    public int rank() {
        return dims.length;
    }

    public Shape shape() {
        return Shape.of(dims);
    }

    public TensorType tensorType() {
        return new TensorType(type, shape());
    }

    public long elementCount() {
        return Shape.elementCount(dims);
    }

    /** Bytes of data (0 for string tensors). */
    public long byteSize() {
        return byteSize;
    }

    /** True when the data lives in an external file next to the model. */
    public boolean isExternal() {
        return externalLocation != null;
    }

    /** Dense little-endian data, read-only, positioned at 0. External data is mapped on first call. */
    public synchronized ByteBuffer data() {
        if (type == DataType.STRING) throw new StrataException("tensor '" + name + "' holds strings, not numbers");
        if (data == null) {
            data = loader.get().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
            loader = null;
            if (data.remaining() != byteSize) {
                throw new StrataException("tensor '" + name + "' should hold " + byteSize + " bytes but holds "
                        + data.remaining());
            }
        }
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    public List<byte[]> strings() {
        if (type != DataType.STRING) throw new StrataException("tensor '" + name + "' is " + type.onnxName());
        return strings;
    }

    /** Content equality (type, dims, data) — names are ignored. */
    public boolean sameContent(Tensor o) {
        if (type != o.type || !Arrays.equals(dims, o.dims)) return false;
        if (type == DataType.STRING) {
            if (strings.size() != o.strings.size()) return false;
            for (int i = 0; i < strings.size(); i++) if (!Arrays.equals(strings.get(i), o.strings.get(i))) return false;
            return true;
        }
        return byteSize == o.byteSize && data().equals(o.data());
    }

    @Override
    public String toString() {
        return "Tensor[" + name + ": " + type.onnxName() + Arrays.toString(dims) + "]";
    }
}
