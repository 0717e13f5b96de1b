package org.strata.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The headless Strata product unpacked from its Maven artifact (a zip with one root folder holding
 * {@code plugins/org.eclipse.equinox.launcher_*.jar} and {@code configuration/}). Unpacking is skipped when the
 * folder already holds this exact zip (same size and time stamp), and happens into a fresh folder that is renamed into
 * place, so an interrupted unpack never looks complete.
 */
final class EngineInstall {
    private static final String MARKER = ".strata-engine";
    final Path home;
    final Path launcher;

    private EngineInstall(Path home, Path launcher) {
        this.home = home;
        this.launcher = launcher;
    }

    /**
     * @param zip    the product archive
     * @param folder where to unpack it (replaced when it holds another archive)
     * @throws IOException when the zip cannot be read or holds no Equinox launcher
     */
    static EngineInstall unpack(Path zip, Path folder) throws IOException {
        String stamp = Files.size(zip) + " " + Files.getLastModifiedTime(zip).toMillis() + " " + zip.getFileName();
        Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker) || !Files.readString(marker, StandardCharsets.UTF_8).equals(stamp)) {
            Files.createDirectories(folder.getParent());
            Path fresh = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".unpacking-");
            try {
                extract(zip, fresh);
                Files.writeString(fresh.resolve(MARKER), stamp, StandardCharsets.UTF_8);
                deleteTree(folder);
                Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(fresh);
            }
        }
        return locate(folder, zip);
    }

    private static EngineInstall locate(Path folder, Path zip) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            for (Path root : (Iterable<Path>) s.filter(Files::isDirectory).sorted()::iterator) {
                Path plugins = root.resolve("plugins");
                if (!Files.isDirectory(plugins)) continue;
                try (DirectoryStream<Path> d = Files.newDirectoryStream(plugins, "org.eclipse.equinox.launcher_*.jar")) {
                    for (Path launcher : d) return new EngineInstall(root, launcher);
                }
            }
        }
        throw new IOException(zip + " is not a Strata product: no plugins/org.eclipse.equinox.launcher_*.jar in it");
    }

    /** Extracts every entry below {@code target}; an entry that would land outside it is refused. */
    static void extract(Path zip, Path target) throws IOException {
        Path base = target.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                Path out = base.resolve(e.getName()).normalize();
                if (!out.startsWith(base) || out.equals(base)) throw new IOException(zip + ": entry " + e.getName() + " points outside the archive's folder");
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(z, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(q);
        }
    }
}
