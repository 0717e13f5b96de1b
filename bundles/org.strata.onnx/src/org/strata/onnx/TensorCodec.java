package org.strata.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts tensor data to and from Java arrays: fp32, fp16, bf16, fp64, int8, uint8, int16, uint16, int32,
 * int64, bool and packed int4/uint4 (two values a byte, low nibble first, int4 sign-extended).
 */
public final class TensorCodec {
    private TensorCodec() {
    }

    /** Every element as a float (integers converted exactly where they fit). */
    public static float[] toFloats(Tensor t) {
        int n = count(t);
        ByteBuffer b = t.data();
        float[] out = new float[n];
        switch (t.type()) {
            case FLOAT -> b.asFloatBuffer().get(out);
            case FLOAT16 -> {
                for (int i = 0; i < n; i++) out[i] = Float.float16ToFloat(b.getShort(2 * i));
            }
            case BFLOAT16 -> {
                for (int i = 0; i < n; i++) out[i] = bf16ToFloat(b.getShort(2 * i));
            }
            case DOUBLE -> {
                for (int i = 0; i < n; i++) out[i] = (float) b.getDouble(8 * i);
            }
            default -> {
                long[] l = toLongs(t);
                for (int i = 0; i < n; i++) out[i] = l[i];
            }
        }
        return out;
    }

    /** Every element of an integer or bool tensor as a long. */
    public static long[] toLongs(Tensor t) {
        int n = count(t);
        ByteBuffer b = t.data();
        long[] out = new long[n];
        switch (t.type()) {
            case INT64, UINT64 -> b.asLongBuffer().get(out);
            case INT32 -> {
                for (int i = 0; i < n; i++) out[i] = b.getInt(4 * i);
            }
            case UINT32 -> {
                for (int i = 0; i < n; i++) out[i] = Integer.toUnsignedLong(b.getInt(4 * i));
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) out[i] = b.getShort(2 * i);
            }
            case UINT16 -> {
                for (int i = 0; i < n; i++) out[i] = Short.toUnsignedInt(b.getShort(2 * i));
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) out[i] = b.get(i);
            }
            case UINT8, BOOL -> {
                for (int i = 0; i < n; i++) out[i] = Byte.toUnsignedInt(b.get(i));
            }
            case INT4, UINT4 -> {
                boolean signed = t.type() == DataType.INT4;
                for (int i = 0; i < n; i++) {
                    int nibble = (b.get(i >> 1) >> ((i & 1) * 4)) & 0xF;
                    out[i] = signed && nibble >= 8 ? nibble - 16 : nibble;
                }
            }
            default -> throw new StrataException("tensor '" + t.name() + "' is " + t.type().onnxName()
                    + ", not an integer type");
        }
        return out;
    }

    public static Tensor fromFloats(String name, long[] dims, float[] values) {
        return fromFloats(name, DataType.FLOAT, dims, values);
    }

    /** Encodes floats as FLOAT, FLOAT16 (IEEE round-to-nearest-even), BFLOAT16 (round-to-nearest-even) or DOUBLE. */
    public static Tensor fromFloats(String name, DataType type, long[] dims, float[] values) {
        checkCount(name, dims, values.length);
        ByteBuffer b;
        switch (type) {
            case FLOAT -> {
                b = alloc(4L * values.length);
                b.asFloatBuffer().put(values);
            }
            case FLOAT16 -> {
                b = alloc(2L * values.length);
                for (int i = 0; i < values.length; i++) b.putShort(2 * i, Float.floatToFloat16(values[i]));
            }
            case BFLOAT16 -> {
                b = alloc(2L * values.length);
                for (int i = 0; i < values.length; i++) b.putShort(2 * i, floatToBf16(values[i]));
            }
            case DOUBLE -> {
                b = alloc(8L * values.length);
                for (int i = 0; i < values.length; i++) b.putDouble(8 * i, values[i]);
            }
            default -> throw new StrataException("cannot encode floats as " + type.onnxName());
        }
        return Tensor.of(name, type, dims, b);
    }

    public static Tensor fromLongs(String name, long[] dims, long[] values) {
        return fromLongs(name, DataType.INT64, dims, values);
    }

    /**
     * Encodes integers as the given integer type. Values out of the type's range are an error, never
     * silently wrapped.
     */
    public static Tensor fromLongs(String name, DataType type, long[] dims, long[] values) {
        checkCount(name, dims, values.length);
        long[] range = range(type);
        for (int i = 0; i < values.length; i++) {
            if (values[i] < range[0] || values[i] > range[1]) {
                throw new StrataException("tensor '" + name + "': value " + values[i] + " at " + i + " does not fit "
                        + type.onnxName());
            }
        }
        ByteBuffer b = alloc(type.byteSize(values.length));
        switch (type) {
            case INT64, UINT64 -> b.asLongBuffer().put(values);
            case INT32, UINT32 -> {
                for (int i = 0; i < values.length; i++) b.putInt(4 * i, (int) values[i]);
            }
            case INT16, UINT16 -> {
                for (int i = 0; i < values.length; i++) b.putShort(2 * i, (short) values[i]);
            }
            case INT8, UINT8, BOOL -> {
                for (int i = 0; i < values.length; i++) b.put(i, (byte) values[i]);
            }
            case INT4, UINT4 -> {
                for (int i = 0; i < values.length; i++) {
                    int shift = (i & 1) * 4;
                    b.put(i >> 1, (byte) (b.get(i >> 1) | ((values[i] & 0xF) << shift)));
                }
            }
            default -> throw new StrataException("cannot encode integers as " + type.onnxName());
        }
        return Tensor.of(name, type, dims, b);
    }

    public static Tensor fromInts(String name, long[] dims, int[] values) {
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) l[i] = values[i];
        return fromLongs(name, DataType.INT32, dims, l);
    }

    /** int8 data from a byte array as-is (two's complement). */
    public static Tensor fromInt8(String name, long[] dims, byte[] values) {
        checkCount(name, dims, values.length);
        return Tensor.of(name, DataType.INT8, dims, ByteBuffer.wrap(values));
    }

    /** uint8 data from a byte array (each byte read as 0..255). */
    public static Tensor fromUint8(String name, long[] dims, byte[] values) {
        checkCount(name, dims, values.length);
        return Tensor.of(name, DataType.UINT8, dims, ByteBuffer.wrap(values));
    }

    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** Round-to-nearest-even; NaN stays a (quiet) NaN. */
    public static short floatToBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) return (short) ((bits >>> 16) | 0x40);
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }

    private static long[] range(DataType t) {
        return switch (t) {
            case INT4 -> new long[] {-8, 7};
            case UINT4 -> new long[] {0, 15};
            case INT8 -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
            case UINT8 -> new long[] {0, 255};
            case BOOL -> new long[] {0, 1};
            case INT16 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case UINT16 -> new long[] {0, 65535};
            case INT32 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case UINT32 -> new long[] {0, 0xFFFFFFFFL};
            default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        };
    }

    private static int count(Tensor t) {
        long n = t.elementCount();
        if (n > Integer.MAX_VALUE - 8) {
            throw new StrataException("tensor '" + t.name() + "' has " + n + " elements, too many for one Java array");
        }
        return (int) n;
    }

    private static void checkCount(String name, long[] dims, int n) {
        if (Shape.elementCount(dims) != n) {
            throw new StrataException("tensor '" + name + "': " + n + " values for shape " + java.util.Arrays.toString(dims));
        }
    }

    private static ByteBuffer alloc(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) throw new StrataException("tensor of " + bytes + " bytes is too large to build in memory");
        return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
