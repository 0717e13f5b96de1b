package org.strata.core.report;

/**
 * Text into HTML and SVG. Technique ids, parameters, messages and log lines come from third-party plugins
 * and user files, so every piece of text goes through {@link #escape(String)} and nothing else is trusted.
 */
final class Markup {
    private Markup() {
    }

    /**
     * Escapes the five markup characters and drops control characters (other than tab and line breaks) that
     * HTML forbids; null is the empty string. Safe in element content and in quoted attribute values.
     */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t', '\n', '\r' -> b.append(c);
                default -> {
                    if (c >= 0x20 && (c < 0x7f || c > 0x9f) && c != 0xfffe && c != 0xffff) b.append(c);
                }
            }
        }
        return b.toString();
    }
}
