package org.strata.runtime;

import ai.onnxruntime.OrtEnvironment;

/** Placeholder to prove ONNX Runtime loads inside OSGi. */
public final class OrtVersion {
    private OrtVersion() {}
    public static String version() { return OrtEnvironment.getEnvironment().getVersion(); }
}
