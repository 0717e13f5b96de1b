package org.strata.onnx;

/** An external-data location that would read or write outside the model's folder (absolute paths, {@code ..}, symlinks or hard links leading out, devices), refused before any file is opened. */
public class UnsafeModelPathException extends StrataException {
    private static final long serialVersionUID = 1L;

    public UnsafeModelPathException(String message) {
        super(message);
    }

    public UnsafeModelPathException(String message, Throwable cause) {
        super(message, cause);
    }
}
