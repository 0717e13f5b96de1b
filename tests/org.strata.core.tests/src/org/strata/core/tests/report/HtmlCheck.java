package org.strata.core.tests.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lenient well-formedness and safety check of a generated report, strict where it matters: every '<' in
 * the page starts a tag of a known, harmless element; every element is closed in order (void elements
 * aside); no event handler and no attribute or style that refers to anything outside the page; text contains
 * no raw markup characters and only known entities.
 */
final class HtmlCheck {
    private static final Set<String> ALLOWED = Set.of("html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section",
            "div", "span", "p", "b", "sup", "h1", "h2", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption",
            "details", "summary", "pre", "svg", "g", "text", "rect", "line", "circle", "polyline");
    private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "link", "input");
    private static final Set<String> FORBIDDEN_ATTRIBUTES = Set.of("src", "href", "xlink:href", "action", "formaction", "srcset", "data",
            "background", "poster");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\\s+[a-zA-Z][a-zA-Z0-9:-]*(?:=\"[^\"]*\")?)*)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z][a-zA-Z0-9:-]*)(?:=\"([^\"]*)\")?");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|#39|#\\d+);");

    private HtmlCheck() {
    }

    /** What is wrong with the page; empty when nothing is. */
    static List<String> problems(String html) {
        List<String> problems = new ArrayList<>();
        if (!html.startsWith("<!DOCTYPE html>")) problems.add("does not start with <!DOCTYPE html>");
        String lower = html.toLowerCase(Locale.ROOT);
        int styleStart = lower.indexOf("<style>");
        String css = styleStart < 0 ? "" : lower.substring(styleStart, Math.max(styleStart, lower.indexOf("</style>")));
        for (String bad : List.of("url(", "@import", "expression(", "http:", "https:")) {
            if (css.contains(bad)) problems.add("the style sheet contains " + bad);
        }
        int pos = "<!DOCTYPE html>".length();
        Deque<String> open = new ArrayDeque<>();
        while (pos < html.length()) {
            int lt = html.indexOf('<', pos);
            checkText(html.substring(pos, lt < 0 ? html.length() : lt), pos, problems);
            if (lt < 0) break;
            Matcher m = TAG.matcher(html).region(lt, html.length());
            if (!m.lookingAt()) {
                problems.add("raw '<' at " + lt + ": " + around(html, lt));
                pos = lt + 1;
                continue;
            }
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            if (!ALLOWED.contains(name)) problems.add("unexpected element <" + name + "> at " + lt);
            checkAttributes(name, m.group(3), lt, problems);
            pos = m.end();
            if (closing) {
                if (open.isEmpty() || !open.peek().equals(name)) {
                    problems.add("</" + name + "> at " + lt + " closes " + (open.isEmpty() ? "nothing" : "<" + open.peek() + ">"));
                } else {
                    open.pop();
                }
            } else if (name.equals("style")) {
                int end = lower.indexOf("</style>", pos);
                if (end < 0) {
                    problems.add("<style> is never closed");
                    break;
                }
                pos = end; // CSS is not text: its '>' are selectors
                open.push(name);
            } else if (!VOID.contains(name) && m.group(4).isEmpty()) {
                open.push(name);
            }
        }
        if (!open.isEmpty()) problems.add("never closed: " + open);
        return problems;
    }

    private static void checkText(String text, int offset, List<String> problems) {
        int gt = text.indexOf('>');
        if (gt >= 0) problems.add("raw '>' in text at " + (offset + gt) + ": " + around(text, gt));
        for (int amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', amp + 1)) {
            if (!ENTITY.matcher(text).region(amp, text.length()).lookingAt()) {
                problems.add("bare '&' in text at " + (offset + amp) + ": " + around(text, amp));
            }
        }
    }

    private static void checkAttributes(String element, String attributes, int at, List<String> problems) {
        Matcher a = ATTRIBUTE.matcher(attributes);
        while (a.find()) {
            String name = a.group(1).toLowerCase(Locale.ROOT);
            String value = a.group(2) == null ? "" : a.group(2);
            if (name.startsWith("on")) problems.add("event handler " + name + " on <" + element + "> at " + at);
            if (FORBIDDEN_ATTRIBUTES.contains(name)) problems.add("reference attribute " + name + " on <" + element + "> at " + at);
            if (value.indexOf('<') >= 0 || value.indexOf('>') >= 0) problems.add("raw markup in " + name + "=\"" + value + "\" at " + at);
            // a title or label may mention a URL; only a style can fetch one
            String v = value.toLowerCase(Locale.ROOT);
            if (name.equals("style") && (v.contains("url(") || v.contains("http:") || v.contains("https:") || v.contains("@import"))) {
                problems.add("a reference in " + name + "=\"" + value + "\" on <" + element + "> at " + at);
            }
        }
    }

    private static String around(String s, int i) {
        return s.substring(Math.max(0, i - 40), Math.min(s.length(), i + 40)).replace('\n', ' ');
    }

    static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + needle.length())) n++;
        return n;
    }

    /** The {@code index}-th {@code <svg>...</svg>} of the page. */
    static String svg(String html, int index) {
        int start = -1;
        for (int k = 0; k <= index; k++) {
            start = html.indexOf("<svg", start + 1);
            if (start < 0) throw new AssertionError("the page has only " + k + " <svg> elements");
        }
        return html.substring(start, html.indexOf("</svg>", start) + "</svg>".length());
    }
}
