package org.strata.runtime.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * Tokens listed in a tokenizer's {@code added_tokens} ({@code [CLS]}, {@code [SEP]}, {@code [MASK]}, …):
 * Hugging Face finds them in the text before the model sees it, so {@code "a [SEP] b"} contains the real
 * separator. As there: tokens marked {@code normalized=false} are looked for in the raw text, the others
 * in the normalized text; the leftmost, then longest match wins; {@code lstrip}/{@code rstrip} swallow
 * the whitespace beside a match; a {@code single_word} token only matches between word boundaries.
 */
public final class AddedTokens {

    /** One entry of {@code added_tokens}. */
    public record AddedToken(String content, int id, boolean singleWord, boolean lstrip, boolean rstrip,
            boolean normalized) {}

    /**
     * A stretch of text: either an added token ({@code token} is what matched, without the whitespace
     * lstrip/rstrip took along) or text for the normal pipeline ({@code token == null}, id -1).
     */
    public record Piece(String text, String token, int id) {
        static Piece plain(String text) {
            return new Piece(text, null, -1);
        }

        public boolean isAddedToken() {
            return token != null;
        }
    }

    private final List<AddedToken> raw;
    private final List<AddedToken> normalized;
    private final Map<String, Integer> byContent = new HashMap<>();

    /** @param normalizer how to normalize the content of {@code normalized=true} tokens */
    public AddedTokens(List<AddedToken> tokens, UnaryOperator<String> normalizer) {
        Comparator<AddedToken> longestFirst = Comparator.comparingInt((AddedToken t) -> t.content().length())
                .reversed();
        tokens.forEach(t -> byContent.put(t.content(), t.id()));
        raw = tokens.stream().filter(t -> !t.normalized() && !t.content().isEmpty()).sorted(longestFirst)
                .toList();
        normalized = tokens.stream().filter(AddedToken::normalized)
                .map(t -> new AddedToken(normalizer.apply(t.content()), t.id(), t.singleWord(), t.lstrip(),
                        t.rstrip(), true))
                .filter(t -> !t.content().isEmpty()).sorted(longestFirst).toList();
    }

    /** The id of an added token by its content as written in the file. */
    public OptionalInt id(String content) {
        return byContent.containsKey(content) ? OptionalInt.of(byContent.get(content)) : OptionalInt.empty();
    }

    /** The largest id among the added tokens, or -1. */
    public int maxId() {
        return byContent.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    /** Splits raw text around the tokens matched before normalization. */
    public List<Piece> splitRaw(String text) {
        return split(text, raw);
    }

    /** Splits normalized text around the tokens matched after normalization. */
    public List<Piece> splitNormalized(String text) {
        return split(text, normalized);
    }

    private static List<Piece> split(String text, List<AddedToken> tokens) {
        List<Piece> pieces = new ArrayList<>();
        if (tokens.isEmpty()) {
            pieces.add(Piece.plain(text));
            return pieces;
        }
        int textStart = 0; // start of the text not yet emitted
        int from = 0; // where the search for the next match resumes
        while (from < text.length()) {
            int at = -1;
            AddedToken match = null;
            for (int i = from; i < text.length() && match == null; i++) {
                for (AddedToken t : tokens) {
                    if (text.startsWith(t.content(), i)) {
                        at = i;
                        match = t;
                        break;
                    }
                }
            }
            if (match == null) {
                break;
            }
            int start = at;
            int end = at + match.content().length();
            from = end;
            if (match.singleWord() && !(isWordBoundary(text, start) && isWordBoundary(text, end))) {
                continue;
            }
            if (match.lstrip()) {
                while (start > textStart && BertCharClasses.isWhitespace(text.codePointBefore(start))) {
                    start -= Character.charCount(text.codePointBefore(start));
                }
            }
            if (match.rstrip()) {
                while (end < text.length() && BertCharClasses.isWhitespace(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                from = end;
            }
            if (start > textStart) {
                pieces.add(Piece.plain(text.substring(textStart, start)));
            }
            pieces.add(new Piece(text.substring(start, end), match.content(), match.id()));
            textStart = end;
        }
        if (textStart < text.length()) {
            pieces.add(Piece.plain(text.substring(textStart)));
        }
        return pieces;
    }

    /** True unless the characters on both sides of {@code index} are word characters. */
    private static boolean isWordBoundary(String text, int index) {
        if (index == 0 || index == text.length()) {
            return true;
        }
        return !(isWordChar(text.codePointBefore(index)) && isWordChar(text.codePointAt(index)));
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || Character.getType(cp) == Character.NON_SPACING_MARK;
    }
}
