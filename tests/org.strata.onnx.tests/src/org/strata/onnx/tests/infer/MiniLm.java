package org.strata.onnx.tests.infer;

import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The real MiniLM models, through the test bundle's {@code TestModels} (package-private in
 * {@code org.strata.onnx.tests}; called reflectively rather than copying its extraction code).
 */
final class MiniLm {
    private MiniLm() {
    }

    static Path fp32() {
        return path("fp32");
    }

    static Path int8() {
        return path("int8");
    }

    static Path path(String variant) {
        try {
            Method m = Class.forName("org.strata.onnx.tests.TestModels").getDeclaredMethod(variant);
            m.setAccessible(true);
            return (Path) m.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach TestModels." + variant + "()", e);
        }
    }
}
