package org.strata.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A typed technique parameter: default, range or choices, and help. {@link #parse} and {@link #check} are
 * the only validation there is; pipelines, the CLI and the workbench all go through them.
 *
 * @param min lower bound for numbers (inclusive), or null
 * @param max upper bound for numbers (inclusive), or null
 * @param choices the allowed values of a {@link Type#CHOICE} (or of each element of a list), else empty
 */
public record ParameterSpec(String name, Type type, Object defaultValue, Double min, Double max, List<String> choices,
        String help) {
    public enum Type {
        INT, FLOAT, BOOLEAN, STRING, CHOICE, INT_LIST, STRING_LIST
    }

    public ParameterSpec {
        choices = List.copyOf(choices);
        if (!name.matches("[a-z][a-zA-Z0-9-]*")) throw new IllegalArgumentException("parameter name '" + name + "'");
        if (defaultValue != null) check(name, type, defaultValue, min, max, choices);
    }

    public static ParameterSpec integer(String name, int def, int min, int max, String help) {
        return new ParameterSpec(name, Type.INT, def, (double) min, (double) max, List.of(), help);
    }

    public static ParameterSpec real(String name, double def, double min, double max, String help) {
        return new ParameterSpec(name, Type.FLOAT, def, min, max, List.of(), help);
    }

    public static ParameterSpec bool(String name, boolean def, String help) {
        return new ParameterSpec(name, Type.BOOLEAN, def, null, null, List.of(), help);
    }

    public static ParameterSpec choice(String name, String def, List<String> choices, String help) {
        return new ParameterSpec(name, Type.CHOICE, def, null, null, choices, help);
    }

    public static ParameterSpec text(String name, String def, String help) {
        return new ParameterSpec(name, Type.STRING, def, null, null, List.of(), help);
    }

    /** A list of whole numbers, e.g. block numbers; {@code min}/{@code max} bound each element. */
    public static ParameterSpec intList(String name, List<Integer> def, int min, int max, String help) {
        return new ParameterSpec(name, Type.INT_LIST, def, (double) min, (double) max, List.of(), help);
    }

    /** A list of words; when {@code choices} is not empty each element must be one of them. */
    public static ParameterSpec textList(String name, List<String> def, List<String> choices, String help) {
        return new ParameterSpec(name, Type.STRING_LIST, def, null, null, choices, help);
    }

    /**
     * Parses the text form used in pipeline files and on the command line (lists comma-separated).
     *
     * @throws ParameterException naming the parameter, the value and what was expected
     */
    public Object parse(String text) {
        String t = text == null ? "" : text.strip();
        Object v;
        try {
            v = switch (type) {
                case INT -> Integer.valueOf(t);
                case FLOAT -> Double.valueOf(t);
                case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> Boolean.TRUE;
                    case "false", "no", "off" -> Boolean.FALSE;
                    default -> throw new NumberFormatException();
                };
                case STRING, CHOICE -> t;
                case INT_LIST -> {
                    List<Integer> l = new ArrayList<>();
                    for (String p : split(t)) l.add(Integer.valueOf(p));
                    yield List.copyOf(l);
                }
                case STRING_LIST -> List.copyOf(split(t));
            };
        } catch (NumberFormatException e) {
            throw new ParameterException(name, "'" + t + "' is not " + expected());
        }
        check(v);
        return v;
    }

    private static List<String> split(String t) {
        List<String> out = new ArrayList<>();
        for (String p : t.split(",")) if (!p.isBlank()) out.add(p.strip());
        return out;
    }

    /** @throws ParameterException when {@code value} has the wrong type or is out of range */
    public void check(Object value) {
        check(name, type, value, min, max, choices);
    }

    private static void check(String name, Type type, Object value, Double min, Double max, List<String> choices) {
        boolean typeOk = switch (type) {
            case INT -> value instanceof Integer;
            case FLOAT -> value instanceof Double || value instanceof Integer;
            case BOOLEAN -> value instanceof Boolean;
            case STRING, CHOICE -> value instanceof String;
            case INT_LIST -> value instanceof List<?> l && l.stream().allMatch(Integer.class::isInstance);
            case STRING_LIST -> value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
        };
        if (!typeOk) throw new ParameterException(name, "value " + value + " is not " + expectedOf(type));
        if (value instanceof Number n) checkRange(name, n.doubleValue(), min, max);
        if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Number n) checkRange(name, n.doubleValue(), min, max);
                if (o instanceof String s && !choices.isEmpty() && !choices.contains(s)) {
                    throw new ParameterException(name, "'" + s + "' is not one of " + choices);
                }
            }
        }
        if (type == Type.CHOICE && !choices.contains(value)) {
            throw new ParameterException(name, "'" + value + "' is not one of " + choices);
        }
    }

    private static void checkRange(String name, double v, Double min, Double max) {
        if ((min != null && v < min) || (max != null && v > max)) {
            throw new ParameterException(name, "value " + fmt(v) + " is out of range [" + fmt(min) + ", " + fmt(max) + "]");
        }
    }

    private static String fmt(Double d) {
        if (d == null) return "…";
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }

    private String expected() {
        return expectedOf(type) + (type == Type.CHOICE ? " " + choices : "");
    }

    private static String expectedOf(Type type) {
        return switch (type) {
            case INT -> "a whole number";
            case FLOAT -> "a number";
            case BOOLEAN -> "true or false";
            case STRING -> "text";
            case CHOICE -> "one of";
            case INT_LIST -> "a comma-separated list of whole numbers";
            case STRING_LIST -> "a comma-separated list";
        };
    }

    /** The value as text, the way {@link #parse} reads it back. */
    public static String format(Object value) {
        if (value instanceof List<?> l) return String.join(",", l.stream().map(String::valueOf).toList());
        return String.valueOf(value);
    }

    /** One line for help texts: {@code name (type, default d, range [a, b]): help}. */
    public String describe() {
        StringBuilder b = new StringBuilder(name).append(" (").append(type.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (defaultValue != null) b.append(", default ").append(format(defaultValue));
        if (min != null || max != null) b.append(", range [").append(fmt(min)).append(", ").append(fmt(max)).append(']');
        if (!choices.isEmpty()) b.append(", one of ").append(String.join("|", choices));
        return b.append("): ").append(help).toString();
    }
}
