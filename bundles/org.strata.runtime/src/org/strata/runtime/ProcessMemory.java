package org.strata.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The resident memory of the whole Strata process (Java heap, ONNX Runtime's native arenas, mapped model
 * files, everything), read from {@code /proc/self/status} on Linux. It is a process figure, not a
 * per-model one: two models measured in the same process share it, so report differences between
 * samples and label them as such.
 *
 * @param residentBytes     VmRSS, resident now
 * @param peakResidentBytes VmHWM, the highest resident size the process has had so far
 */
public record ProcessMemory(long residentBytes, long peakResidentBytes) {
    private static final Path STATUS = Path.of("/proc/self/status");

    /** Now, or empty where the platform does not say (not Linux, or /proc unreadable). */
    public static Optional<ProcessMemory> sample() {
        try {
            return parse(Files.readAllLines(STATUS));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads VmRSS and VmHWM (in kB) from the lines of a {@code /proc/<pid>/status} file, e.g. of a child
     * process running a job; empty if either is missing.
     */
    public static Optional<ProcessMemory> parse(List<String> statusLines) {
        long rss = -1, hwm = -1;
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                rss = kilobytes(line);
            } else if (line.startsWith("VmHWM:")) {
                hwm = kilobytes(line);
            }
        }
        return rss < 0 || hwm < 0 ? Optional.empty() : Optional.of(new ProcessMemory(rss, hwm));
    }

    private static long kilobytes(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
    }
}
