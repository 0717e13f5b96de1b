package org.strata.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class ModelJarTest {
    @Test
    void modelBundlePresent() throws Exception {
        var b = org.osgi.framework.FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles();
        boolean found = false;
        for (var x : b) found |= x.getSymbolicName().equals("dev.langchain4j.embeddings.all.minilm.l6.v2");
        assertNotNull(found ? "" : null);
        assertNotNull(ai.onnx.proto.OnnxMl.ModelProto.getDefaultInstance());
    }
}
