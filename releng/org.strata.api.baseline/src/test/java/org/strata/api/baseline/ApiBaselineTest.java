package org.strata.api.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * The baseline rules on bundles made here: a release's API is written as the baseline, then later builds add, remove
 * or change elements with or without the version bump semantic versioning asks for.
 */
class ApiBaselineTest {
    @TempDir
    Path tmp;

    /** A method of a generated class: name, descriptor, abstract or not. */
    private record M(String name, String descriptor, boolean isAbstract) {
    }

    private static byte[] type(String internalName, boolean isInterface, List<M> methods) {
        ClassWriter w = new ClassWriter(0);
        int access = Opcodes.ACC_PUBLIC | (isInterface ? Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT : Opcodes.ACC_SUPER);
        w.visit(Opcodes.V21, access, internalName, null, "java/lang/Object", null);
        for (M m : methods) {
            int a = Opcodes.ACC_PUBLIC | (m.isAbstract() ? Opcodes.ACC_ABSTRACT : 0);
            var mv = w.visitMethod(a, m.name(), m.descriptor(), null, null);
            if (!m.isAbstract()) {
                mv.visitCode();
                mv.visitInsn(m.descriptor().endsWith("V") ? Opcodes.RETURN : Opcodes.ACONST_NULL);
                if (!m.descriptor().endsWith("V")) mv.visitInsn(Opcodes.ARETURN);
                mv.visitMaxs(1, 2);
            }
            mv.visitEnd();
        }
        w.visitEnd();
        return w.toByteArray();
    }

    private Path bundle(String name, String exports, List<M> api, List<M> technique) throws Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-SymbolicName", "com.example.api;singleton:=true");
        a.putValue("Export-Package", exports);
        Path jar = tmp.resolve(name + ".jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os, mf)) {
            j.putNextEntry(new JarEntry("com/example/api/Api.class"));
            j.write(type("com/example/api/Api", false, api));
            j.putNextEntry(new JarEntry("com/example/api/Technique.class"));
            j.write(type("com/example/api/Technique", true, technique));
            j.putNextEntry(new JarEntry("com/example/api/internal/Hidden.class"));
            j.write(type("com/example/api/internal/Hidden", false, List.of()));
        }
        return jar;
    }

    private static final M RUN = new M("run", "()V", false);
    private static final M SIZE = new M("size", "()Ljava/lang/Integer;", false);
    private static final M APPLY = new M("apply", "()Ljava/lang/Object;", true);
    private static final M NAME = new M("name", "()Ljava/lang/String;", true);
    private static final String EXPORTS = "com.example.api;version=\"%s\",com.example.api.internal;x-internal:=true";

    private Path baseline() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("baseline"));
        Files.writeString(dir.resolve(ApiBaseline.CONSUMER_TYPES), "# implemented by third parties\ncom.example.api.Technique\n");
        assertEquals(List.of(), ApiBaseline.update(dir, List.of(bundle("release", EXPORTS.formatted("1.2.0"), List.of(RUN), List.of(APPLY)))));
        assertTrue(Files.readString(dir.resolve("com.example.api.api")).contains("version 1.2.0"));
        assertTrue(Files.notExists(dir.resolve("com.example.api.internal.api")), "x-internal packages are not API");
        return dir;
    }

    private List<String> check(Path dir, String version, List<M> api, List<M> technique) throws Exception {
        List<String> info = new ArrayList<>();
        List<String> problems = ApiBaseline.check(dir, List.of(bundle("build-" + version + api.size() + technique.size(), EXPORTS.formatted(version), api, technique)), info::add);
        System.out.println(version + " " + api + " " + technique + " -> " + problems + " " + info);
        return problems;
    }

    @Test
    void unchangedApiPassesAtTheSameVersion() throws Exception {
        Path dir = baseline();
        assertEquals(List.of(), check(dir, "1.2.0", List.of(RUN), List.of(APPLY)));
        assertEquals(List.of(), check(dir, "1.2.1", List.of(RUN), List.of(APPLY)));
    }

    @Test
    void anAdditionNeedsTheNextMinor() throws Exception {
        Path dir = baseline();
        List<String> p = check(dir, "1.2.0", List.of(RUN, SIZE), List.of(APPLY));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("com.example.api 1.2.0") && p.get(0).contains("need version 1.3.0") && p.get(0).contains("added com.example.api.Api#size"), p.get(0));
        assertEquals(List.of(), check(dir, "1.3.0", List.of(RUN, SIZE), List.of(APPLY)));
    }

    @Test
    void aRemovalNeedsTheNextMajor() throws Exception {
        Path dir = baseline();
        List<String> p = check(dir, "1.3.0", List.of(), List.of(APPLY));
        assertTrue(p.size() == 1 && p.get(0).contains("need version 2.0.0") && p.get(0).contains("removed com.example.api.Api#run()V"), p.toString());
        assertEquals(List.of(), check(dir, "2.0.0", List.of(), List.of(APPLY)));
    }

    @Test
    void anAbstractMethodAddedToATypeThirdPartiesImplementIsBreaking() throws Exception {
        Path dir = baseline();
        List<String> p = check(dir, "1.3.0", List.of(RUN), List.of(APPLY, NAME));
        assertTrue(p.size() == 1 && p.get(0).contains("need version 2.0.0") && p.get(0).contains("which third parties implement"), p.toString());
    }

    @Test
    void aChangedSignatureIsBreaking() throws Exception {
        Path dir = baseline();
        List<String> p = check(dir, "1.3.0", List.of(new M("run", "()V", true)), List.of(APPLY));
        assertTrue(p.size() == 1 && p.get(0).contains("changed com.example.api.Api#run()V"), p.toString());
    }

    @Test
    void anExportWithoutVersionOrAMissingPackageIsAProblem() throws Exception {
        Path dir = baseline();
        List<String> info = new ArrayList<>();
        List<String> p = ApiBaseline.check(dir, List.of(bundle("unversioned", "com.example.api", List.of(RUN), List.of(APPLY))), info::add);
        assertTrue(p.size() == 1 && p.get(0).contains("exports com.example.api without a version"), p.toString());
        List<String> gone = ApiBaseline.check(dir, List.of(bundle("gone", "com.example.other;version=\"1.0.0\"", List.of(RUN), List.of(APPLY))), info::add);
        assertTrue(gone.stream().anyMatch(s -> s.contains("com.example.api is in the API baseline but no bundle exports it")), gone.toString());
    }
}
