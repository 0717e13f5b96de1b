package org.strata.onnx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;


/**
 * Writes a file so that readers only ever see the old content or the complete new content: the bytes go
 * to a hidden temporary file in the same folder, are forced to disk, then renamed over the target. On any
 * failure the temporary file is deleted and the previous file is left as it was.
 */
public final class AtomicFile {
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Temporary files are created private (0600); a written file gets the permissions of the file it replaces,
     * or rw-r--r-- when new, so an output folder is shippable as it is.
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        try {
            var perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    public static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            if (Files.isDirectory(abs)) throw new StrataException("cannot write " + abs + ": it is a folder");
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 20)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            keepPermissions(tmp, abs);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new StrataException("could not write " + abs + ": " + e.getMessage()
                    + (Files.exists(abs) ? "; the previous file is unchanged" : ""), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }
}
