package org.strata.runtime.internal;

import java.util.List;
import java.util.Map;

/**
 * WordPiece as BERT and Hugging Face apply it to one pre-tokenized word: greedy longest match first from
 * the left, pieces after the first carry the continuing-subword prefix ({@code ##}); a word that cannot
 * be covered entirely, or is longer than {@code maxInputCharsPerWord} code points, becomes the unknown
 * token as a whole.
 */
public record WordPieceModel(Map<String, Integer> vocab, String unkToken, String continuingSubwordPrefix,
        int maxInputCharsPerWord) {

    public WordPieceModel {
        vocab = Map.copyOf(vocab);
        if (!vocab.containsKey(unkToken)) {
            throw new IllegalArgumentException("the unknown token " + unkToken + " is not in the vocabulary");
        }
    }

    /** Appends the pieces of one word to {@code tokens}. */
    public void tokenize(String word, List<String> tokens) {
        int chars = word.codePointCount(0, word.length());
        if (chars > maxInputCharsPerWord) {
            tokens.add(unkToken);
            return;
        }
        int mark = tokens.size();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            String piece = null;
            while (start < end) {
                String candidate = start > 0 ? continuingSubwordPrefix + word.substring(start, end)
                        : word.substring(start, end);
                if (vocab.containsKey(candidate)) {
                    piece = candidate;
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (piece == null) {
                tokens.subList(mark, tokens.size()).clear();
                tokens.add(unkToken);
                return;
            }
            tokens.add(piece);
            start = end;
        }
    }

    public int id(String token) {
        Integer id = vocab.get(token);
        return id != null ? id : vocab.get(unkToken);
    }
}
