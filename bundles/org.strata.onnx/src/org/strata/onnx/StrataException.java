package org.strata.onnx;

/**
 * Base of every error Strata reports to a person. The message names the file, node, tensor or step
 * concerned and, where there is one, says what to do about it; it never needs a stack trace to be
 * understood.
 */
public class StrataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StrataException(String message) {
        super(message);
    }

    public StrataException(String message, Throwable cause) {
        super(message, cause);
    }
}
