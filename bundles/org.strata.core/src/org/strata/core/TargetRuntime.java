package org.strata.core;

/** Which runtime a pipeline's output must run on; techniques respect it when choosing ops. */
public enum TargetRuntime {
    /** Standard ONNX ops only: any runtime. */
    ONNX,
    /** com.microsoft contrib ops allowed: ONNX Runtime. */
    ONNXRUNTIME
}
