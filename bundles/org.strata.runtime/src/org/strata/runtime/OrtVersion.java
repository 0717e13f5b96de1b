package org.strata.runtime;

import ai.onnxruntime.OrtEnvironment;

/**
 * The version of the ONNX Runtime Strata runs models with, for {@code strata --version} and run records.
 * Calling it also proves that the native library loads in this process.
 */
public final class OrtVersion {
    private OrtVersion() {}

    public static String version() {
        return OrtEnvironment.getEnvironment().getVersion();
    }
}
