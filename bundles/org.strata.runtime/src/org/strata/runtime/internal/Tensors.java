package org.strata.runtime.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;

/**
 * Moves numbers between flat Java arrays and ONNX Runtime tensors of whatever element type a model
 * declares, so that feeds and metrics are written once against {@code long[]} and {@code float[]}.
 */
public final class Tensors {
    private Tensors() {}

    /** A tensor read back as floats, row-major. */
    public record FloatTensor(long[] shape, float[] values) {
        public int rank() {
            return shape.length;
        }

        public int dim(int i) {
            return Math.toIntExact(shape[i]);
        }
    }

    /** Creates a tensor of {@code type} from integer values (ids, masks, positions). */
    public static OnnxTensor fromLongs(OnnxJavaType type, long[] shape, long[] values) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        return switch (type) {
            case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap(values), shape);
            case INT32 -> {
                int[] v = new int[values.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.toIntExact(values[i]);
                }
                yield OnnxTensor.createTensor(env, IntBuffer.wrap(v), shape);
            }
            case INT16 -> {
                short[] v = new short[values.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (short) values[i];
                }
                yield OnnxTensor.createTensor(env, ShortBuffer.wrap(v), shape, OnnxJavaType.INT16);
            }
            case INT8, UINT8, BOOL -> {
                ByteBuffer b = direct(values.length);
                for (long value : values) {
                    b.put((byte) (type == OnnxJavaType.BOOL ? (value != 0 ? 1 : 0) : value));
                }
                yield OnnxTensor.createTensor(env, b.rewind(), shape, type);
            }
            default -> {
                float[] v = new float[values.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = values[i];
                }
                yield fromFloats(type, shape, v);
            }
        };
    }

    /** Creates a tensor of {@code type} from float values (pixels, noise, empty past states). */
    public static OnnxTensor fromFloats(OnnxJavaType type, long[] shape, float[] values) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        return switch (type) {
            case FLOAT -> OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
            case DOUBLE -> {
                double[] v = new double[values.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = values[i];
                }
                yield OnnxTensor.createTensor(env, DoubleBuffer.wrap(v), shape);
            }
            case FLOAT16, BFLOAT16 -> {
                ByteBuffer b = direct(2 * values.length);
                for (float value : values) {
                    b.putShort(type == OnnxJavaType.FLOAT16 ? Float.floatToFloat16(value)
                            : (short) (Float.floatToRawIntBits(value) >>> 16));
                }
                yield OnnxTensor.createTensor(env, b.rewind(), shape, type);
            }
            case INT64, INT32, INT16, INT8, UINT8, BOOL -> {
                long[] v = new long[values.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.round(values[i]);
                }
                yield fromLongs(type, shape, v);
            }
            default -> throw new OrtException("Strata cannot fill a tensor of element type " + type);
        };
    }

    /**
     * Reads a tensor output as floats, whatever its numeric element type.
     *
     * @throws IllegalArgumentException if the value is not a numeric tensor
     */
    public static FloatTensor toFloats(OnnxValue value, String name) {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new IllegalArgumentException("output " + name + " is a " + value.getType()
                    + ", not a tensor; Strata compares tensor outputs only");
        }
        TensorInfo info = tensor.getInfo();
        long[] shape = info.getShape();
        float[] out = new float[Math.toIntExact(info.getNumElements())];
        switch (info.type) {
            case FLOAT, FLOAT16, BFLOAT16 -> tensor.getFloatBuffer().get(out);
            case DOUBLE -> {
                DoubleBuffer d = tensor.getDoubleBuffer();
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) d.get(i);
                }
            }
            case INT64 -> {
                LongBuffer l = tensor.getLongBuffer();
                for (int i = 0; i < out.length; i++) {
                    out[i] = l.get(i);
                }
            }
            case INT32 -> {
                IntBuffer n = tensor.getIntBuffer();
                for (int i = 0; i < out.length; i++) {
                    out[i] = n.get(i);
                }
            }
            case INT8, UINT8, BOOL -> {
                ByteBuffer b = tensor.getByteBuffer();
                for (int i = 0; i < out.length; i++) {
                    out[i] = info.type == OnnxJavaType.UINT8 ? Byte.toUnsignedInt(b.get(i)) : b.get(i);
                }
            }
            default -> throw new IllegalArgumentException("output " + name + " has element type " + info.type
                    + ", which Strata does not compare");
        }
        return new FloatTensor(shape, out);
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }
}
