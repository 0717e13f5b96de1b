package org.strata.onnx.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.strata.onnx.ModelFormatException;
import org.strata.onnx.UnsafeModelPathException;

/**
 * Resolves an external-data location strictly inside the model's folder. Refused, before any file is
 * opened: empty or NUL-containing locations, absolute paths (POSIX, UNC, drive letters, {@code ~}), any
 * {@code ..} segment, a resolved path whose real location (symlinks followed) leaves the folder, anything
 * but a regular file (devices and FIFOs would hang or never end), and files with more than one hard link
 * (a hard link can name a file outside the folder with no way to tell). These are the classes of ONNX
 * CVE-2022-25882, CVE-2024-27318, CVE-2025-51480 and CVE-2026-27489.
 */
public final class ExternalDataPaths {
    private ExternalDataPaths() {
    }

    public static Path resolve(Path modelDir, String location, String tensorName) {
        String what = "external data of tensor '" + tensorName + "' at '" + location + "'";
        if (modelDir == null) {
            throw new UnsafeModelPathException(what + ": the model was not read from a file, so there is no folder to read it from");
        }
        if (location == null || location.isBlank() || location.indexOf('\0') >= 0) {
            throw new UnsafeModelPathException(what + ": the location is empty or contains a NUL character");
        }
        if (location.startsWith("/") || location.startsWith("\\") || location.startsWith("~")
                || location.matches("^[A-Za-z]:.*")) {
            throw new UnsafeModelPathException(what + ": absolute locations are refused; external data must lie in the model's folder");
        }
        Path rel;
        try {
            rel = Path.of(location.replace('\\', '/'));
        } catch (InvalidPathException e) {
            throw new UnsafeModelPathException(what + ": not a valid path (" + e.getReason() + ")");
        }
        if (rel.isAbsolute()) throw new UnsafeModelPathException(what + ": absolute locations are refused");
        for (Path part : rel) {
            if (part.toString().equals("..")) {
                throw new UnsafeModelPathException(what + ": '..' would leave the model's folder " + modelDir);
            }
        }
        try {
            Path dirReal = modelDir.toRealPath();
            Path candidate = dirReal.resolve(rel).normalize();
            if (!candidate.startsWith(dirReal)) throw new UnsafeModelPathException(what + ": leaves the model's folder");
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                throw new ModelFormatException(what + ": no such file in " + dirReal);
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(dirReal)) {
                throw new UnsafeModelPathException(what + ": a symbolic link leads outside the model's folder (to " + real + ")");
            }
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                throw new UnsafeModelPathException(what + ": not a regular file");
            }
            Object links = linkCount(real);
            if (links instanceof Integer n && n > 1) {
                throw new UnsafeModelPathException(what + ": the file has " + n
                        + " hard links, one of which may lie outside the model's folder; copy it instead of linking it");
            }
            return real;
        } catch (IOException e) {
            throw new ModelFormatException(what + ": " + e.getMessage(), e);
        }
    }

    private static Object linkCount(Path p) {
        try {
            return Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return null; // not a POSIX file system: no hard-link count to check
        }
    }
}
