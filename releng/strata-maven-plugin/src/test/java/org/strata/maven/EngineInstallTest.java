package org.strata.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking the product archive: found launcher, no re-unpack of the same zip, a new zip replaces, no zip-slip. */
class EngineInstallTest {
    @TempDir
    Path tmp;

    private Path zip(String name, String... entries) throws IOException {
        Path z = tmp.resolve(name);
        try (OutputStream os = Files.newOutputStream(z); ZipOutputStream out = new ZipOutputStream(os)) {
            for (String e : entries) {
                out.putNextEntry(new ZipEntry(e));
                if (!e.endsWith("/")) out.write(e.getBytes());
            }
        }
        return z;
    }

    @Test
    void unpacksOnceAndFindsTheLauncher() throws Exception {
        Path z = zip("p.zip", "strata-cli/", "strata-cli/plugins/org.eclipse.equinox.launcher_1.8.0.v1.jar", "strata-cli/configuration/config.ini");
        Path folder = tmp.resolve("engine");
        EngineInstall e = EngineInstall.unpack(z, folder);
        assertEquals(folder.resolve("strata-cli"), e.home);
        assertTrue(Files.isRegularFile(e.launcher));
        Path extra = folder.resolve("strata-cli/configuration/written-by-equinox");
        Files.writeString(extra, "x");
        EngineInstall.unpack(z, folder);
        assertTrue(Files.exists(extra), "the same archive is not unpacked again");

        Path newer = zip("p2.zip", "strata-cli/plugins/org.eclipse.equinox.launcher_1.9.0.v2.jar");
        Files.setLastModifiedTime(newer, FileTime.fromMillis(Files.getLastModifiedTime(z).toMillis() + 5000));
        EngineInstall e2 = EngineInstall.unpack(newer, folder);
        assertFalse(Files.exists(extra), "another archive replaces the folder");
        assertTrue(e2.launcher.getFileName().toString().contains("1.9.0"));
    }

    @Test
    void refusesAnArchiveWithoutLauncherOrWithEntriesOutsideItsFolder() throws Exception {
        IOException noLauncher = assertThrows(IOException.class, () -> EngineInstall.unpack(zip("a.zip", "x/readme.txt"), tmp.resolve("e1")));
        assertTrue(noLauncher.getMessage().contains("not a Strata product"), noLauncher.getMessage());
        IOException slip = assertThrows(IOException.class, () -> EngineInstall.unpack(zip("b.zip", "../evil.txt"), tmp.resolve("e2")));
        assertTrue(slip.getMessage().contains("outside"), slip.getMessage());
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
        assertFalse(Files.exists(tmp.resolve("e2")), "nothing half-unpacked is left");
    }
}
