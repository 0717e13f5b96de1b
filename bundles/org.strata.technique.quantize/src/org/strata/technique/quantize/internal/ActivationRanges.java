package org.strata.technique.quantize.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strata.core.ModelRunner;
import org.strata.core.ProgressMonitor;
import org.strata.core.TechniqueException;
import org.strata.onnx.Model;
import org.strata.runtime.ActivationCapture.CapturedTensor;

/**
 * Calibrated ranges of activations: the model is run on calibration texts with the activations captured, and
 * each activation's real-token values ({@link TokenRows}) give its range by the chosen {@link CalibrationMethod}.
 * MinMax needs one pass; Percentile and Entropy a second one, to fill histograms over the range the first pass
 * found (exact, where re-binning a growing histogram would not be).
 */
final class ActivationRanges {
    /** Bins of the percentile and entropy histograms (TensorRT's 2048). */
    static final int BINS = 2048;
    /** Levels the entropy method compares against (ORT's and TensorRT's 128). */
    static final int QUANTIZED_BINS = 128;

    /**
     * The range of one activation.
     *
     * @param min observed minimum
     * @param max observed maximum
     * @param low chosen lower end of the range (≥ min)
     * @param high chosen upper end (≤ max)
     * @param count real-token values seen
     */
    record Range(float min, float max, float low, float high, long count) {
    }

    private ActivationRanges() {
    }

    /**
     * @param values activation names (values of {@code model})
     * @param percentile for {@link CalibrationMethod#PERCENTILE}: the share of values to keep, in percent
     * @param symmetric whether the activations will be quantized symmetrically (then percentile works on |x|)
     * @return name → range, in the order of {@code values}
     * @throws TechniqueException when calibration saw no value of some activation, or a non-finite one
     */
    static Map<String, Range> calibrate(ModelRunner runner, Model model, List<String> values, int texts,
            CalibrationMethod method, double percentile, boolean symmetric, ProgressMonitor monitor) {
        int n = values.size();
        float[] min = new float[n];
        float[] max = new float[n];
        long[] count = new long[n];
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        int passes = method == CalibrationMethod.MINMAX ? 1 : 2;
        int batches = runner.inputs(texts).batches();
        monitor.begin("calibrating " + n + " activations on " + texts + " texts (" + method.choice() + ")", batches * passes);
        runner.capture(model, values, texts, batch -> {
            monitor.checkCanceled();
            for (int i = 0; i < n; i++) {
                int a = i;
                CapturedTensor t = batch.tensor(values.get(i));
                TokenRows.forEach(t, batch.attentionMask(), (v, off, width) -> {
                    for (int j = off; j < off + width; j++) {
                        float x = v[j];
                        if (!Float.isFinite(x)) {
                            throw new TechniqueException("calibration saw " + x + " in activation '" + values.get(a)
                                    + "'; the model overflows on the calibration texts, so no range can be set");
                        }
                        if (x < min[a]) min[a] = x;
                        if (x > max[a]) max[a] = x;
                    }
                    count[a] += width;
                });
            }
            monitor.worked(1);
        });
        for (int i = 0; i < n; i++) {
            if (count[i] == 0) {
                throw new TechniqueException("calibration saw no real token of activation '" + values.get(i) + "'");
            }
        }
        Map<String, Range> out = new LinkedHashMap<>();
        if (method == CalibrationMethod.MINMAX) {
            for (int i = 0; i < n; i++) out.put(values.get(i), new Range(min[i], max[i], min[i], max[i], count[i]));
            return out;
        }
        Histogram[] h = new Histogram[n];
        boolean absolute = method == CalibrationMethod.PERCENTILE && symmetric;
        for (int i = 0; i < n; i++) {
            float absMax = Math.max(Math.abs(min[i]), Math.abs(max[i]));
            h[i] = switch (method) {
                case PERCENTILE -> absolute ? new Histogram(0, absMax, BINS) : new Histogram(min[i], max[i], BINS);
                default -> new Histogram(-absMax, absMax, BINS);
            };
        }
        runner.capture(model, values, texts, batch -> {
            monitor.checkCanceled();
            for (int i = 0; i < n; i++) {
                Histogram hist = h[i];
                TokenRows.forEach(batch.tensor(values.get(i)), batch.attentionMask(),
                        (v, off, width) -> hist.add(v, off, width, absolute));
            }
            monitor.worked(1);
        });
        for (int i = 0; i < n; i++) {
            double[] r = switch (method) {
                case PERCENTILE -> absolute ? symmetricRange(h[i].percentileOfAbsolute(percentile)) : h[i].centralRange(percentile);
                default -> h[i].entropyRange(QUANTIZED_BINS);
            };
            float low = (float) Math.max(min[i], r[0]);
            float high = (float) Math.min(max[i], r[1]);
            out.put(values.get(i), new Range(min[i], max[i], Math.min(low, high), high, count[i]));
        }
        return out;
    }

    private static double[] symmetricRange(double t) {
        return new double[] {-t, t};
    }
}
