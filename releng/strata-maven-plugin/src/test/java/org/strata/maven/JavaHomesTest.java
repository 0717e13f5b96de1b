package org.strata.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the JDK for the engine: an explicit one must be 21+, else the JVM Maven runs on if it is 21+. */
class JavaHomesTest {
    @TempDir
    Path tmp;

    private Path jdk(String name, String version) throws Exception {
        Path home = tmp.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Test
    void readsTheReleaseFile() throws Exception {
        assertEquals(Optional.of(25), JavaHomes.version(jdk("j25", "25.0.1")));
        assertEquals(Optional.of(8), JavaHomes.version(jdk("j8", "1.8.0_402")));
        assertEquals(Optional.empty(), JavaHomes.version(tmp.resolve("nothing")));
    }

    @Test
    void explicitHomeWinsAndMustBeNewEnough() throws Exception {
        Path j21 = jdk("j21", "21.0.5");
        assertEquals(j21.resolve("bin/java"), JavaHomes.choose(j21, tmp.resolve("maven-jvm"), 17));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JavaHomes.choose(jdk("j17", "17.0.9"), tmp, 25));
        assertTrue(e.getMessage().contains("is Java 17"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JavaHomes.choose(tmp.resolve("missing"), tmp, 25));
    }

    @Test
    void mavensOwnJvmWhenItIsNewEnough() {
        assertEquals(tmp.resolve("bin/java"), JavaHomes.choose(null, tmp, 21));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JavaHomes.choose(null, tmp, 17));
        assertTrue(e.getMessage().contains("-Dstrata.javaHome"), e.getMessage());
    }
}
