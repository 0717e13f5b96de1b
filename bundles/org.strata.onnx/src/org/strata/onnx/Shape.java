package org.strata.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A tensor shape of known rank; each dimension may be fixed, symbolic or unknown. Immutable. */
public record Shape(List<Dim> dims) {
    public static final Shape SCALAR = new Shape(List.of());

    public Shape {
        dims = List.copyOf(dims);
    }

    public static Shape of(long... sizes) {
        return new Shape(Arrays.stream(sizes).mapToObj(Dim::of).toList());
    }

    public static Shape of(Dim... dims) {
        return new Shape(List.of(dims));
    }

    public int rank() {
        return dims.size();
    }

    public Dim dim(int axis) {
        return dims.get(axis < 0 ? axis + dims.size() : axis);
    }

    public boolean isStatic() {
        return dims.stream().allMatch(Dim::isFixed);
    }

    /** Sizes of a static shape. @throws StrataException when a dimension is not fixed */
    public long[] sizes() {
        long[] s = new long[dims.size()];
        for (int i = 0; i < s.length; i++) {
            if (!(dims.get(i) instanceof Dim.Fixed f)) throw new StrataException("shape " + this + " is not static");
            s[i] = f.size();
        }
        return s;
    }

    /** Element count of a static shape, with overflow checked. */
    public long elementCount() {
        return elementCount(sizes());
    }

    public static long elementCount(long[] sizes) {
        long n = 1;
        for (long d : sizes) n = Math.multiplyExact(n, d);
        return n;
    }

    public Shape withDim(int axis, Dim d) {
        List<Dim> copy = new ArrayList<>(dims);
        copy.set(axis < 0 ? axis + copy.size() : axis, d);
        return new Shape(copy);
    }

    @Override
    public String toString() {
        return dims.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
