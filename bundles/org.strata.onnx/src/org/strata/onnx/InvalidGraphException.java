package org.strata.onnx;

/** A graph that breaks an IR rule (SSA, a value nobody produces, a cycle, data that does not match its shape); the message names the node or value. */
public class InvalidGraphException extends StrataException {
    private static final long serialVersionUID = 1L;

    public InvalidGraphException(String message) {
        super(message);
    }

    public InvalidGraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
