package org.strata.onnx.tests.structure;

import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The MiniLM models that {@code org.strata.onnx.tests.TestModels} extracts. That class is package-private in
 * the parent package, so it is reached reflectively (same bundle, same class loader) rather than copied.
 */
final class MiniLmModels {
    private MiniLmModels() {
    }

    static Path fp32() {
        return call("fp32");
    }

    static Path int8() {
        return call("int8");
    }

    private static Path call(String method) {
        try {
            Method m = Class.forName("org.strata.onnx.tests.TestModels").getDeclaredMethod(method);
            m.setAccessible(true);
            return (Path) m.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach TestModels." + method + "()", e);
        }
    }
}
