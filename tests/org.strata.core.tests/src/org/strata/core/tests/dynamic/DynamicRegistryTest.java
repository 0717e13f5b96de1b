package org.strata.core.tests.dynamic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.strata.core.TechniqueRegistry;

/**
 * A bundle installed into the running framework adds its technique to the registry, and uninstalling it
 * takes the technique away — no restart, as DESIGN's technique contract promises third-party authors.
 */
class DynamicRegistryTest {
    @TempDir
    Path tmp;

    private Path buildBundle() throws Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "strata.test.dynamic");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.strata.core,org.strata.onnx");
        a.putValue("Service-Component", "OSGI-INF/dynamic.xml");
        String cls = DynamicTechnique.class.getName().replace('.', '/') + ".class";
        Path jar = tmp.resolve("dynamic.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os, mf);
                InputStream classBytes = DynamicTechnique.class.getClassLoader().getResourceAsStream(cls)) {
            j.putNextEntry(new JarEntry(cls));
            classBytes.transferTo(j);
            j.putNextEntry(new JarEntry("OSGI-INF/dynamic.xml"));
            j.write(("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="strata.test.dynamic">
                      <implementation class="%s"/>
                      <service><provide interface="org.strata.core.Technique"/></service>
                    </scr:component>
                    """.formatted(DynamicTechnique.class.getName())).getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static boolean waitFor(TechniqueRegistry r, boolean present) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (r.find("test.dynamic").isPresent() == present) return true;
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void installedBundleAddsItsTechniqueAndUninstallRemovesIt() throws Exception {
        BundleContext ctx = FrameworkUtil.getBundle(DynamicRegistryTest.class).getBundleContext();
        ServiceTracker<TechniqueRegistry, TechniqueRegistry> t = new ServiceTracker<>(ctx, TechniqueRegistry.class, null);
        t.open();
        TechniqueRegistry registry = t.waitForService(10_000);
        assertTrue(registry != null, "no TechniqueRegistry service");
        assertFalse(registry.find("test.dynamic").isPresent());
        Bundle b = ctx.installBundle(buildBundle().toUri().toString());
        b.start();
        assertTrue(waitFor(registry, true), "technique did not appear; registry has " + registry.techniques());
        b.uninstall();
        assertTrue(waitFor(registry, false), "technique did not go away");
        t.close();
    }
}
