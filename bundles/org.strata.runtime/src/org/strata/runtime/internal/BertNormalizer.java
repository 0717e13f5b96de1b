package org.strata.runtime.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The BERT text normalizer, step for step as Hugging Face {@code tokenizers} applies it: clean the text
 * (drop control characters, turn every whitespace character into a space), put spaces around CJK
 * ideographs, strip accents (canonical decomposition, then drop non-spacing marks), lowercase code point
 * by code point (no context rules such as the Greek final sigma).
 */
public record BertNormalizer(boolean cleanText, boolean handleChineseChars, boolean stripAccents,
        boolean lowercase) {

    /** What BERT uncased uses, and what a bare {@code vocab.txt} implies. */
    public static BertNormalizer uncased() {
        return new BertNormalizer(true, true, true, true);
    }

    public String normalize(String text) {
        String s = text;
        if (cleanText || handleChineseChars) {
            s = cleanAndSpaceIdeographs(s);
        }
        if (stripAccents) {
            s = stripAccents(s);
        }
        if (lowercase) {
            s = lowercase(s);
        }
        return s;
    }

    private String cleanAndSpaceIdeographs(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            if (cleanText) {
                if (cp == 0 || cp == 0xFFFD || BertCharClasses.isControl(cp)) {
                    return;
                }
                if (BertCharClasses.isWhitespace(cp)) {
                    out.append(' ');
                    return;
                }
            }
            if (handleChineseChars && BertCharClasses.isChineseChar(cp)) {
                out.append(' ').appendCodePoint(cp).append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String stripAccents(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(cp -> !BertCharClasses.isNonspacingMark(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String lowercase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            } else {
                // One code point at a time: full mappings (U+0130 -> "i\u0307") but no final-sigma context.
                out.append(Character.toString(cp).toLowerCase(Locale.ROOT));
            }
        });
        return out.toString();
    }
}
