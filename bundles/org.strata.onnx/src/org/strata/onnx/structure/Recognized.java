package org.strata.onnx.structure;

/**
 * What a recogniser found, or why it found nothing (the reason of the closest {@link PatternMatch.Missed}).
 *
 * @param value the recognised thing, or null
 * @param whyNot the explanation when {@code value} is null
 */
record Recognized<T>(T value, String whyNot) {
    static <T> Recognized<T> of(T value) {
        return new Recognized<>(value, null);
    }

    static <T> Recognized<T> not(PatternMatch.Missed miss) {
        return new Recognized<>(null, miss == null ? "nothing matched" : miss.reason());
    }

    boolean found() {
        return value != null;
    }
}
