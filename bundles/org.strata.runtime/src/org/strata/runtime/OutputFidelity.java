package org.strata.runtime;

/**
 * How closely one output of a candidate model follows the reference, for any tensor output.
 *
 * @param output          the output name
 * @param relativeError   ‖candidate − reference‖ / ‖reference‖ (Euclidean, over all compared runs)
 * @param maxAbsError     largest |candidate − reference|
 * @param maxAbsReference largest |reference|, the scale of the tolerance
 */
public record OutputFidelity(String output, double relativeError, double maxAbsError, double maxAbsReference) {

    /** The design's tolerance for a lossless step is 1e-4. */
    public static final double LOSSLESS_TOLERANCE = 1e-4;

    /** Whether max |candidate − reference| ≤ {@code tolerance} × max(1, max |reference|). */
    public boolean withinTolerance(double tolerance) {
        return maxAbsError <= tolerance * Math.max(1.0, maxAbsReference);
    }
}
