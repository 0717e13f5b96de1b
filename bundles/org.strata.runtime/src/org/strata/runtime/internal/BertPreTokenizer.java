package org.strata.runtime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * BERT's pre-tokenizer: split on whitespace (dropping it), and make every punctuation character a word
 * of its own.
 */
public final class BertPreTokenizer {
    private BertPreTokenizer() {}

    public static List<String> words(String normalized) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        normalized.codePoints().forEach(cp -> {
            if (BertCharClasses.isWhitespace(cp)) {
                flush(word, words);
            } else if (BertCharClasses.isPunctuation(cp)) {
                flush(word, words);
                words.add(Character.toString(cp));
            } else {
                word.appendCodePoint(cp);
            }
        });
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
