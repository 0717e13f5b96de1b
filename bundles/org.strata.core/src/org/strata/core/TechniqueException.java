package org.strata.core;

import org.strata.onnx.StrataException;

/** A technique refusing a model or parameter combination, with a message for the person running it. */
public class TechniqueException extends StrataException {
    private static final long serialVersionUID = 1L;

    public TechniqueException(String message) {
        super(message);
    }

    public TechniqueException(String message, Throwable cause) {
        super(message, cause);
    }
}
