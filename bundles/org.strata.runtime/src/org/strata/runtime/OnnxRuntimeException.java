package org.strata.runtime;

import org.strata.onnx.StrataException;

/**
 * ONNX Runtime could not load or run a model. The message names the model and says what ONNX Runtime
 * reported; the {@link ai.onnxruntime.OrtException} is kept as the cause for logs, not shown to people.
 */
public class OnnxRuntimeException extends StrataException {
    private static final long serialVersionUID = 1L;

    public OnnxRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
