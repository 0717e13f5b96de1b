package org.strata.core.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How the report writes numbers and text for people: sizes in MB (10^6 bytes) with one decimal, ratios with
 * three, cosines with five, small errors in scientific notation, and a dash for anything not measured.
 * Everything is in {@link Locale#ROOT} so a report reads the same on every machine.
 */
final class ReportFormat {
    static final String MISSING = "\u2014";
    static final String TIMES = "\u00d7";
    static final String MINUS = "\u2212";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private ReportFormat() {
    }

    static boolean present(double v) {
        return !Double.isNaN(v);
    }

    static String bytes(double n) {
        if (!present(n) || n <= 0) return MISSING;
        if (n >= 1e6) return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
        if (n >= 1e3) return String.format(Locale.ROOT, "%.1f kB", n / 1e3);
        return String.format(Locale.ROOT, "%.0f B", n);
    }

    static String ratio(double r) {
        return present(r) ? String.format(Locale.ROOT, "%.3f%s", r, TIMES) : MISSING;
    }

    static String cosine(double c) {
        return present(c) ? String.format(Locale.ROOT, "%.5f", c) : MISSING;
    }

    /** An error or other small quantity: plain for ordinary magnitudes, scientific for tiny or huge ones. */
    static String quantity(double v) {
        if (!present(v)) return MISSING;
        if (Double.isInfinite(v)) return v > 0 ? "\u221e" : MINUS + "\u221e";
        double a = Math.abs(v);
        if (a == 0) return "0";
        String s;
        if (a < 1e-3) {
            s = String.format(Locale.ROOT, "%.2e", a);
        } else if (a < 1e4) {
            s = String.format(Locale.ROOT, "%.4g", a);
            if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        } else {
            s = String.format(Locale.ROOT, "%,.0f", a);
        }
        return (v < 0 ? MINUS : "") + s;
    }

    /** A fraction in [0, 1] as a percentage. */
    static String percent(double fraction) {
        return present(fraction) ? String.format(Locale.ROOT, "%.1f %%", fraction * 100) : MISSING;
    }

    static String millis(double ms) {
        if (!present(ms)) return MISSING;
        if (ms < 10) return String.format(Locale.ROOT, "%.2f", ms);
        if (ms < 100) return String.format(Locale.ROOT, "%.1f", ms);
        return String.format(Locale.ROOT, "%.0f", ms);
    }

    /** A wall-clock duration: 850 ms, 12.3 s, 4 min 05 s, 1 h 02 min. */
    static String duration(long ms) {
        if (ms < 0) return MISSING;
        if (ms < 1000) return ms + " ms";
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        long s = ms / 1000;
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "+12 / −40" for nodes added and removed. */
    static String delta(int added, int removed) {
        return "+" + count(added) + " / " + MINUS + count(removed);
    }

    /** An ISO-8601 instant or offset date-time as "2025-06-01 14:03:22 UTC"; anything else as it is. */
    static String dateTime(String iso) {
        if (iso == null || iso.isBlank()) return MISSING;
        try {
            return DATE_TIME.format(Instant.parse(iso).atOffset(ZoneOffset.UTC)) + " UTC";
        } catch (DateTimeParseException notAnInstant) {
            try {
                OffsetDateTime t = OffsetDateTime.parse(iso);
                return DATE_TIME.format(t) + (t.getOffset().equals(ZoneOffset.UTC) ? " UTC" : " " + t.getOffset());
            } catch (DateTimeParseException notOffset) {
                return iso;
            }
        }
    }

    /** Null or blank as a dash. */
    static String text(String s) {
        return s == null || s.isBlank() ? MISSING : s;
    }

    /** "rolledBack" as "rolled back". */
    static String words(String camelCase) {
        return camelCase == null ? MISSING : camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** At most {@code max} characters, with an ellipsis when cut. */
    static String shorten(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "\u2026";
    }
}
