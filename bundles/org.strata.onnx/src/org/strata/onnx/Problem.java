package org.strata.onnx;

/** One thing wrong with a graph, as found by {@link GraphValidator}: where, and what. */
public record Problem(String where, String message) {
    @Override
    public String toString() {
        return where + ": " + message;
    }
}
