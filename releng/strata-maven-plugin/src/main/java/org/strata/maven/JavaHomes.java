package org.strata.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the JDK (≥ 21) that runs Strata's engine. */
final class JavaHomes {
    static final int MINIMUM = 21;
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private JavaHomes() {
    }

    /** The feature version of the Java installation at {@code home} (from its {@code release} file), if it has one and a java launcher. */
    static Optional<Integer> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) return Optional.empty();
        try {
            Matcher m = VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            if (!m.find()) return Optional.empty();
            int v = Integer.parseInt(m.group(1));
            return Optional.of(v == 1 ? 8 : v);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * @param configured {@code strata.javaHome}, or null
     * @param running    the JVM Maven runs on ({@code java.home}) and its feature version
     * @return the java executable to use
     * @throws IllegalArgumentException with a message for people when no JDK ≥ 21 is available
     */
    static Path choose(Path configured, Path running, int runningVersion) {
        if (configured != null) {
            int v = version(configured).orElseThrow(() -> new IllegalArgumentException("strata.javaHome " + configured
                    + " is not a Java installation (no release file or bin/java)"));
            if (v < MINIMUM) throw new IllegalArgumentException("strata.javaHome " + configured + " is Java " + v + "; Strata's engine needs Java " + MINIMUM + " or newer");
            return configured.resolve("bin").resolve("java");
        }
        if (runningVersion >= MINIMUM) return running.resolve("bin").resolve("java");
        throw new IllegalArgumentException("Maven runs on Java " + runningVersion + " and Strata's engine needs Java " + MINIMUM
                + " or newer: point -Dstrata.javaHome (or <javaHome>) at a JDK " + MINIMUM + "+");
    }
}
