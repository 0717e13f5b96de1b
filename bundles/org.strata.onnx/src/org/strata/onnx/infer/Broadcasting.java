package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.List;

import org.strata.onnx.Dim;
import org.strata.onnx.Shape;

/**
 * Numpy (multidirectional) broadcasting over shapes with symbolic dimensions. Shapes are aligned on the
 * right; per dimension: equal dimensions stay; 1 gives way to the other; a fixed size other than 1 wins
 * over a symbolic or unknown one (the only sizes the other could have are 1 and that size); two different
 * symbols, or a symbol and an unknown, give an unknown dimension; two different fixed sizes other than 1
 * cannot broadcast.
 */
final class Broadcasting {
    private Broadcasting() {
    }

    /** Thrown by {@link #broadcast} with the two dimensions that do not broadcast. */
    static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message);
        }
    }

    /** The broadcast of {@code shapes}; null when one of them is null (unknown rank). */
    static Shape broadcast(List<Shape> shapes) throws Mismatch {
        int rank = 0;
        for (Shape s : shapes) {
            if (s == null) return null;
            rank = Math.max(rank, s.rank());
        }
        List<Dim> out = new ArrayList<>(rank);
        for (int i = 0; i < rank; i++) {
            Dim d = null;
            for (Shape s : shapes) {
                int k = i - (rank - s.rank());
                if (k < 0) continue;
                Dim e = s.dims().get(k);
                d = d == null ? e : dim(d, e, shapes);
            }
            out.add(d);
        }
        return new Shape(out);
    }

    static Dim dim(Dim a, Dim b, List<Shape> shapes) throws Mismatch {
        if (a.equals(b)) return a;
        if (isOne(a)) return b;
        if (isOne(b)) return a;
        if (a instanceof Dim.Fixed && b instanceof Dim.Fixed) {
            throw new Mismatch("shapes " + shapes + " do not broadcast: dimension " + a + " against " + b);
        }
        if (a instanceof Dim.Fixed) return a;
        if (b instanceof Dim.Fixed) return b;
        return Dim.UNKNOWN;
    }

    private static boolean isOne(Dim d) {
        return d instanceof Dim.Fixed f && f.size() == 1;
    }
}
