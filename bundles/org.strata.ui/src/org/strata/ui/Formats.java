package org.strata.ui;

import java.util.Locale;

/** How numbers look in the workbench. */
public final class Formats {
    private Formats() {
    }

    public static String bytes(double n) {
        if (Double.isNaN(n) || n < 0) return "–";
        if (n < 1024) return String.format(Locale.ROOT, "%.0f B", n);
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        if (n < 1024.0 * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.2f GiB", n / (1024.0 * 1024 * 1024));
    }

    public static String ratio(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f×", v);
    }

    public static String cosine(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.5f", v);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String millis(long ms) {
        if (ms < 1000) return ms + " ms";
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        return String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }

    /** A latency in milliseconds, with the decimals small values need. */
    public static String ms(double v) {
        if (Double.isNaN(v)) return "–";
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }
}
