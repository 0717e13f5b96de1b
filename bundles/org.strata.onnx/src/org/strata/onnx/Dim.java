package org.strata.onnx;

/** One dimension of a shape: a fixed size, a named symbolic size ({@code batch}, {@code seq}) or unknown. */
public sealed interface Dim {
    record Fixed(long size) implements Dim {
        public Fixed {
            if (size < 0) throw new StrataException("negative dimension " + size);
        }

        @Override
        public String toString() {
            return Long.toString(size);
        }
    }

    record Symbolic(String name) implements Dim {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A dimension nothing is known about. */
    record Unknown() implements Dim {
        @Override
        public String toString() {
            return "?";
        }
    }

    Dim UNKNOWN = new Unknown();

    static Dim of(long size) {
        return new Fixed(size);
    }

    static Dim of(String symbol) {
        return new Symbolic(symbol);
    }

    default boolean isFixed() {
        return this instanceof Fixed;
    }

    /** @return the fixed size, or -1 when this dimension is symbolic or unknown */
    default long sizeOr(long fallback) {
        return this instanceof Fixed f ? f.size() : fallback;
    }
}
