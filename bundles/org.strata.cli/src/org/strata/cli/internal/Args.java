package org.strata.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.onnx.StrataException;

/**
 * Command-line arguments: positionals, {@code --flag}, {@code --key value} and {@code --key=value}. Each
 * command declares which options it knows; anything else is a usage error that names the option.
 */
final class Args {
    /** A usage mistake: reported with the command's usage line and exit code 2. */
    static final class UsageException extends StrataException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> flags = new LinkedHashSet<>();

    /**
     * @param valued options that take a value (without the leading dashes)
     * @param known  flags that take none
     */
    static Args parse(List<String> raw, Set<String> valued, Set<String> known) {
        Args a = new Args();
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i);
            if (s.equals("--")) {
                a.positionals.addAll(raw.subList(i + 1, raw.size()));
                break;
            }
            if (s.startsWith("--") && s.length() > 2) {
                String name = s.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= raw.size()) throw new UsageException("option --" + name + " needs a value");
                        value = raw.get(++i);
                    }
                    a.options.put(name, value);
                } else if (known.contains(name)) {
                    if (value != null) throw new UsageException("option --" + name + " takes no value");
                    a.flags.add(name);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else if (s.startsWith("-") && s.length() > 1 && !isNumber(s)) {
                throw new UsageException("unknown option " + s + " (options start with --)");
            } else {
                a.positionals.add(s);
            }
        }
        return a;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    List<String> positionals() {
        return positionals;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int intOption(String name, int fallback, int min, int max) {
        String v = options.get(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, not '" + v + "'");
        }
    }

    /** A comma-separated list of whole numbers, e.g. {@code --seq 16,128,256}. */
    List<Integer> intList(String name, List<Integer> fallback, int min, int max) {
        String v = options.get(name);
        if (v == null) return fallback;
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",")) {
            try {
                int n = Integer.parseInt(part.trim());
                if (n < min || n > max) throw new UsageException("--" + name + " values must be between " + min + " and " + max + ", not " + n);
                out.add(n);
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " takes numbers separated by commas, not '" + v + "'");
            }
        }
        return out;
    }
}
