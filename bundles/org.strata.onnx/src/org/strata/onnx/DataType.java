package org.strata.onnx;

/**
 * ONNX tensor element types with their wire codes ({@code TensorProto.DataType}) and storage widths.
 * Sub-byte types (int4, uint4, float4) are packed two to a byte, low nibble first.
 */
public enum DataType {
    UNDEFINED(0, 0), FLOAT(1, 32), UINT8(2, 8), INT8(3, 8), UINT16(4, 16), INT16(5, 16), INT32(6, 32),
    INT64(7, 64), STRING(8, 0), BOOL(9, 8), FLOAT16(10, 16), DOUBLE(11, 64), UINT32(12, 32), UINT64(13, 64),
    COMPLEX64(14, 64), COMPLEX128(15, 128), BFLOAT16(16, 16), FLOAT8E4M3FN(17, 8), FLOAT8E4M3FNUZ(18, 8),
    FLOAT8E5M2(19, 8), FLOAT8E5M2FNUZ(20, 8), UINT4(21, 4), INT4(22, 4), FLOAT4E2M1(23, 4);

    private static final DataType[] BY_CODE = new DataType[24];
    static {
        for (DataType t : values()) BY_CODE[t.code] = t;
    }

    private final int code;
    private final int bits;

    DataType(int code, int bits) {
        this.code = code;
        this.bits = bits;
    }

    /** The {@code TensorProto.DataType} number. */
    public int code() {
        return code;
    }

    /** Storage width of one element in bits; 0 for strings and undefined. */
    public int bits() {
        return bits;
    }

    /** @throws StrataException for a code this ONNX version does not define */
    public static DataType ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length || BY_CODE[code] == null) {
            throw new StrataException("unknown ONNX tensor element type " + code);
        }
        return BY_CODE[code];
    }

    public boolean isFloatingPoint() {
        return switch (this) {
            case FLOAT, FLOAT16, BFLOAT16, DOUBLE, FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ,
                    FLOAT4E2M1 -> true;
            default -> false;
        };
    }

    public boolean isInteger() {
        return switch (this) {
            case UINT8, INT8, UINT16, INT16, INT32, INT64, UINT32, UINT64, UINT4, INT4 -> true;
            default -> false;
        };
    }

    /** Bytes needed to store {@code elements} elements densely (sub-byte types rounded up). */
    public long byteSize(long elements) {
        if (bits == 0) throw new StrataException(this + " has no fixed element size");
        return Math.ceilDiv(Math.multiplyExact(elements, (long) bits), 8L);
    }

    /** Lower-case ONNX spelling used in messages and reports, e.g. {@code float16}. */
    public String onnxName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
