package org.strata.runtime;

import org.strata.onnx.StrataException;

/** A model that should ship inside Strata cannot be found or extracted; the message says which and why. */
public class EmbeddedModelException extends StrataException {
    private static final long serialVersionUID = 1L;

    public EmbeddedModelException(String message) {
        super(message);
    }

    public EmbeddedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
