package org.strata.core;

import org.strata.onnx.StrataException;

/** A parameter value that does not fit its {@link ParameterSpec}; the message names the parameter. */
public class ParameterException extends StrataException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public ParameterException(String parameter, String problem) {
        super("parameter '" + parameter + "': " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
