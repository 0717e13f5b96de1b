package org.strata.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/**
 * Where a command's output goes: human text on stdout, progress on stderr (so {@code --json} output stays
 * machine-readable), and JSON documents.
 */
final class Console {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();
    final PrintStream out;
    final PrintStream err;
    final boolean json;
    final Path cwd;

    Console(PrintStream out, PrintStream err, boolean json, Path cwd) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.cwd = cwd;
    }

    void println(String s) {
        out.println(s);
    }

    void printf(String format, Object... args) {
        out.printf(java.util.Locale.ROOT, format, args);
    }

    /** A progress note on stderr; silent in JSON mode so scripts see only the document. */
    void progress(String s) {
        if (!json) err.println(s);
    }

    void printJson(JsonElement e) {
        out.println(GSON.toJson(e));
    }

    /** Resolves a path the user typed against the folder they ran {@code strata} in. */
    Path resolve(String p) {
        return cwd.resolve(p).normalize();
    }

    static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KiB", n / 1024.0);
        if (n < 1024L * 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
        return String.format(java.util.Locale.ROOT, "%.2f GiB", n / (1024.0 * 1024 * 1024));
    }
}
