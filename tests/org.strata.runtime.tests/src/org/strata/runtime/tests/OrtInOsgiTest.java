package org.strata.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.strata.runtime.OrtVersion;

class OrtInOsgiTest {
    @Test
    void ortLoads() {
        assertTrue(OrtVersion.version().startsWith("1."), OrtVersion.version());
    }
}
