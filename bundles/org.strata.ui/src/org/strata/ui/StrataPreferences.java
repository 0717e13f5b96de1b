package org.strata.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.strata.onnx.StrataException;

/**
 * The workbench's preferences (instance scope, node {@value #NODE}): what a run measures with and where it
 * writes. Parts and handlers receive them by injection ({@code @Preference(nodePath = NODE, value = THREADS)});
 * the defaults live in the default scope, set at start-up.
 */
public final class StrataPreferences {
    public static final String NODE = "org.strata.ui";
    /** ONNX Runtime intra-op threads for measurements. */
    public static final String THREADS = "threads";
    /** Sequence lengths timed, comma-separated. */
    public static final String SEQUENCE_LENGTHS = "sequenceLengths";
    /** Interleaved timing rounds per sequence length. */
    public static final String ROUNDS = "rounds";
    /** Evaluation texts used for fidelity (0: all). */
    public static final String TEXTS = "texts";
    /** A text file (one text per line or JSON lines) to use instead of the built-in corpus; empty for built-in. */
    public static final String CORPUS = "corpus";
    /** The folder every run writes its own sub-folder into. */
    public static final String OUTPUT_FOLDER = "outputFolder";
    /** Maximum heap of a run's child process. */
    public static final String CHILD_HEAP = "childHeap";

    private StrataPreferences() {
    }

    public static void initializeDefaults() {
        IEclipsePreferences d = DefaultScope.INSTANCE.getNode(NODE);
        d.putInt(THREADS, 1);
        d.put(SEQUENCE_LENGTHS, "16,128");
        d.putInt(ROUNDS, 10);
        d.putInt(TEXTS, 0);
        d.put(CORPUS, "");
        d.put(OUTPUT_FOLDER, Path.of(System.getProperty("user.home"), "strata-runs").toString());
        d.put(CHILD_HEAP, "4g");
    }

    public static IEclipsePreferences instance() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    public static String get(String key) {
        return instance().get(key, DefaultScope.INSTANCE.getNode(NODE).get(key, ""));
    }

    public static void put(String key, String value) {
        instance().put(key, value);
        try {
            instance().flush();
        } catch (BackingStoreException e) {
            throw new StrataException("could not save the preferences: " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException naming the value when a length is not a number in [1, 8192]
     */
    public static List<Integer> parseLengths(String text) {
        List<Integer> out = new ArrayList<>();
        for (String p : text.split(",")) {
            if (p.isBlank()) continue;
            int v;
            try {
                v = Integer.parseInt(p.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p.strip() + "' is not a whole number");
            }
            if (v < 1 || v > 8192) throw new IllegalArgumentException("sequence length " + v + " is out of range [1, 8192]");
            out.add(v);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("give at least one sequence length");
        return out;
    }
}
