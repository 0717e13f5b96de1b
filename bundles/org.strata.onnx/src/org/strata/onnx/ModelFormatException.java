package org.strata.onnx;

/** A file that is not a readable ONNX model, or that declares sizes beyond {@link ReadLimits}; the message names the file and the tensor or field at fault. */
public class ModelFormatException extends StrataException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
