package org.strata.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies a resource (a bundle entry or a class path resource) to a file, once. The copy goes to a
 * temporary file beside the target and is renamed into place, so a crash or a second process never sees
 * a half-written model; a target whose size matches the resource is reused without reading it.
 */
public final class ResourceExtractor {
    private static final Object LOCK = new Object();

    private ResourceExtractor() {}

    /** Where extracted resources go when there is no framework data area: one folder per user. */
    public static Path temporaryCache() {
        return Path.of(System.getProperty("java.io.tmpdir"), "strata-" + System.getProperty("user.name", "user"),
                "models");
    }

    /** @return {@code target}, now holding the resource's bytes */
    public static Path extract(URL resource, Path target) throws IOException {
        synchronized (LOCK) {
            URLConnection connection = resource.openConnection();
            long size = connection.getContentLengthLong();
            if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
                connection.getInputStream().close();
                return target;
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                if (size >= 0 && Files.size(partial) != size) {
                    throw new IOException("copied " + Files.size(partial) + " bytes of " + size + " from " + resource);
                }
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        }
    }
}
