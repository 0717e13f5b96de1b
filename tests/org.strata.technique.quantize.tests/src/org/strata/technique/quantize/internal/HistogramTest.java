package org.strata.technique.quantize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The calibration thresholds on distributions whose answer is known. */
class HistogramTest {
    @Test
    void percentileOfUniformValues() {
        Histogram h = new Histogram(0, 1000, 2000);
        for (int i = 1; i <= 1000; i++) h.add(i - 0.5f);
        assertEquals(990, h.percentileOfAbsolute(99), 0.6);
        assertEquals(1000, h.percentileOfAbsolute(100), 1e-9);
        double[] r = new Histogram(0, 1000, 2000).centralRange(90);
        assertEquals(0, r[0]);
        Histogram c = new Histogram(0, 1000, 2000);
        for (int i = 1; i <= 1000; i++) c.add(i - 0.5f);
        double[] central = c.centralRange(90);
        assertEquals(50, central[0], 1);
        assertEquals(950, central[1], 1);
    }

    @Test
    void entropyClipsRareOutliersButNotTheBulk() {
        Random r = new Random(7);
        float[] v = new float[200_000];
        float absMax = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
            if (i % 20_000 == 0) v[i] = 60; // ten far outliers
            absMax = Math.max(absMax, Math.abs(v[i]));
        }
        Histogram h = new Histogram(-absMax, absMax, ActivationRanges.BINS);
        h.add(v, 0, v.length, false);
        double[] range = h.entropyRange(ActivationRanges.QUANTIZED_BINS);
        assertEquals(-range[0], range[1], 2 * 120.0 / ActivationRanges.BINS, "symmetric within a bin");
        assertTrue(range[1] > 2.5 && range[1] < 20, "threshold " + range[1] + " keeps the Gaussian and drops the outliers at 60");

        Histogram uniform = new Histogram(-1, 1, ActivationRanges.BINS);
        for (int i = 0; i < 100_000; i++) uniform.add((float) (r.nextDouble() * 2 - 1));
        assertTrue(uniform.entropyRange(ActivationRanges.QUANTIZED_BINS)[1] > 0.9, "a uniform distribution keeps its range");
    }

    @Test
    void smoothingAndDivergence() {
        assertNull(Histogram.smooth(new double[] {0, 0, 0}));
        double[] s = Histogram.smooth(new double[] {0, 10, 10});
        assertEquals(1e-4, s[0], 1e-12);
        assertEquals(20, s[0] + s[1] + s[2], 1e-9, "mass is moved, not added");
        assertEquals(0, Histogram.klDivergence(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-12);
        assertTrue(Histogram.klDivergence(new double[] {1, 1}, new double[] {1, 3}) > 0);
    }
}
