package org.strata.technique.quantize.internal;

import java.util.Arrays;
import java.util.List;

/** How an activation's quantization range is chosen from what calibration saw (the {@code calibration} parameter). */
enum CalibrationMethod {
    /** The observed minimum and maximum: nothing is clipped, outliers stretch the scale. */
    MINMAX("minmax"),
    /** A percentile of the values (of |x| when symmetric): clips the rarest outliers for a finer scale. */
    PERCENTILE("percentile"),
    /** The range of least KL divergence between the value histogram and its quantized form (TensorRT). */
    ENTROPY("entropy");

    private final String choice;

    CalibrationMethod(String choice) {
        this.choice = choice;
    }

    String choice() {
        return choice;
    }

    static List<String> choices() {
        return Arrays.stream(values()).map(CalibrationMethod::choice).toList();
    }

    static CalibrationMethod ofChoice(String c) {
        return Arrays.stream(values()).filter(m -> m.choice.equals(c)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("calibration '" + c + "'"));
    }
}
