package org.strata.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code strata install} / {@code uninstall} and the extensions folder loaded at start-up, with bundle jars built here
 * the way a third party ships them: installed techniques appear, survive a "restart" (the framework losing the bundle,
 * then the start-up scan), and go away on uninstall; broken jars are refused with one line and leave nothing behind.
 */
class ExtensionsTest {
    private static final String ID = "test.extension";

    @TempDir
    Path tmp;
    Path folder;

    @BeforeEach
    void useTemporaryFolder() {
        folder = tmp.resolve("extensions");
        System.setProperty("strata.extensions", folder.toString());
    }

    @AfterEach
    void cleanUp() throws Exception {
        System.clearProperty("strata.extensions");
        for (Bundle b : context().getBundles()) if (b.getLocation().startsWith(Extensions.LOCATION_PREFIX)) b.uninstall();
    }

    private static BundleContext context() {
        return FrameworkUtil.getBundle(ExtensionsTest.class).getBundleContext();
    }

    private record Run(int code, String out, String err) {
    }

    private Run strata(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), tmp)
                .run(List.of(args));
        Run r = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("$ strata " + String.join(" ", args) + "  -> exit " + code + "\n" + r.out + r.err);
        return r;
    }

    /** A bundle jar: {@code imports} as Import-Package, with the technique class and its component description when asked. */
    private Path bundle(String file, String bsn, String version, String imports, boolean component) throws Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", version);
        a.putValue("Import-Package", imports);
        if (component) a.putValue("Service-Component", "OSGI-INF/*.xml");
        String cls = ExtensionTechnique.class.getName().replace('.', '/') + ".class";
        Path jar = tmp.resolve(file);
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os, mf);
                InputStream classBytes = ExtensionTechnique.class.getClassLoader().getResourceAsStream(cls)) {
            j.putNextEntry(new JarEntry(cls));
            classBytes.transferTo(j);
            if (component) {
                j.putNextEntry(new JarEntry("OSGI-INF/test.extension.xml"));
                j.write(("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="test.extension">
                          <implementation class="%s"/>
                          <service><provide interface="org.strata.core.Technique"/></service>
                        </scr:component>
                        """.formatted(ExtensionTechnique.class.getName())).getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private Path goodBundle(String version) throws Exception {
        return bundle("good-" + version + ".jar", "strata.test.extension", version, "org.strata.core,org.strata.onnx", true);
    }

    private boolean listed() {
        Run r = strata("techniques", "--json");
        assertEquals(0, r.code(), r.err());
        return r.out().contains("\"" + ID + "\"");
    }

    @Test
    void installedTechniqueIsListedSurvivesARestartAndUninstallRemovesIt() throws Exception {
        assertFalse(listed());
        Run install = strata("install", goodBundle("1.0.0").toString());
        assertEquals(0, install.code(), install.err());
        assertTrue(install.out().contains("strata.test.extension 1.0.0") && install.out().contains(ID), install.out());
        Path jar = folder.resolve("strata.test.extension.jar");
        assertTrue(Files.isRegularFile(jar), "the jar is kept in the extensions folder");
        assertTrue(listed());
        assertTrue(strata("install", "--list").out().contains("strata.test.extension 1.0.0"));

        // a restart: the framework forgets the bundle (simpleconfigurator would uninstall it); the start-up scan brings it back
        Extensions.installed(context(), jar).orElseThrow().uninstall();
        assertFalse(listed());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Extensions.Loaded> loaded = Extensions.loadAll(context(), folder, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(List.of(ID), loaded.get(0).techniqueIds(), err.toString(StandardCharsets.UTF_8));
        assertTrue(listed());

        Run validate = strata("validate", pipelineUsing(ID).toString());
        assertEquals(0, validate.code(), validate.err());

        Run uninstall = strata("uninstall", "strata.test.extension");
        assertEquals(0, uninstall.code(), uninstall.err());
        assertTrue(uninstall.out().contains(ID), uninstall.out());
        assertFalse(Files.exists(jar));
        assertFalse(listed());
        assertTrue(Extensions.loadAll(context(), folder, System.err).isEmpty(), "nothing comes back at the next start");

        Run again = strata("uninstall", "strata.test.extension");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("no extension 'strata.test.extension' is installed"), again.err());
    }

    @Test
    void aNewerBuildReplacesTheInstalledOne() throws Exception {
        assertEquals(0, strata("install", goodBundle("1.0.0").toString()).code());
        Run second = strata("install", goodBundle("1.1.0").toString());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("replacing version 1.0.0"), second.out());
        assertEquals(List.of(folder.resolve("strata.test.extension.jar")), Extensions.jars(folder));
        assertEquals("1.1.0", Extensions.installed(context(), Extensions.jars(folder).get(0)).orElseThrow().getVersion().toString());
    }

    @Test
    void jarsThatAreNotTechniqueBundlesAreRefusedAndLeaveNothingBehind() throws Exception {
        Path plain = tmp.resolve("plain.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(plain))) {
            j.putNextEntry(new JarEntry("a.txt"));
        }
        Run r1 = strata("install", plain.toString());
        assertEquals(1, r1.code());
        assertTrue(r1.err().contains("is not an OSGi bundle"), r1.err());

        Run r2 = strata("install", bundle("nocomp.jar", "strata.test.nocomp", "1.0.0", "org.strata.core", false).toString());
        assertEquals(1, r2.code());
        assertTrue(r2.err().contains("declares no Declarative Services component"), r2.err());

        Run r3 = strata("install", bundle("missing.jar", "strata.test.missing", "1.0.0", "org.strata.core,org.strata.onnx,com.example.absent", true).toString());
        assertEquals(1, r3.code());
        assertTrue(r3.err().contains("cannot be started") && r3.err().contains("com.example.absent"), r3.err());

        Run r4 = strata("install", bundle("core.jar", "org.strata.core", "9.0.0", "org.strata.core,org.strata.onnx", true).toString());
        assertEquals(1, r4.code());
        assertTrue(r4.err().contains("a bundle of Strata itself"), r4.err());

        Run r5 = strata("install", tmp.resolve("absent.jar").toString());
        assertEquals(1, r5.code());
        assertTrue(r5.err().contains("no such file"), r5.err());

        assertTrue(Extensions.jars(folder).isEmpty(), "nothing was copied: " + Extensions.jars(folder));
        for (Bundle b : context().getBundles()) assertFalse(b.getLocation().startsWith(Extensions.LOCATION_PREFIX), b.getLocation());
        assertEquals(2, strata("install").code(), "install without a jar is a usage mistake");
    }

    @Test
    void aBrokenJarInTheFolderIsSkippedWithAMessageAndTheOthersLoad() throws Exception {
        Files.createDirectories(folder);
        Files.copy(goodBundle("1.0.0"), folder.resolve("strata.test.extension.jar"));
        Files.copy(bundle("missing.jar", "strata.test.missing", "1.0.0", "com.example.absent", true), folder.resolve("strata.test.missing.jar"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Extensions.Loaded> loaded = Extensions.loadAll(context(), folder, new PrintStream(err, true, StandardCharsets.UTF_8));
        String messages = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, loaded.size(), messages);
        assertTrue(messages.contains("extension skipped") && messages.contains("com.example.absent"), messages);
        assertTrue(listed());
    }

    private Path pipelineUsing(String id) throws Exception {
        Path p = tmp.resolve("uses-extension.strata");
        Files.writeString(p, """
                <?xml version="1.0" encoding="UTF-8"?>
                <strata:Pipeline xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:strata="http://strata.org/model/1.0" name="ext">
                  <steps techniqueId="%s"/>
                </strata:Pipeline>
                """.formatted(id));
        return p;
    }
}
