package org.strata.runtime.internal;

import java.util.List;

import org.strata.runtime.internal.AddedTokens.AddedToken;

/**
 * Everything a WordPiece tokenizer is made of, as read from a {@code tokenizer.json} ({@link TokenizerJson})
 * or implied by a {@code vocab.txt} ({@link VocabTxt}).
 *
 * @param source      where it was read from, for messages
 * @param normalizer  the BERT normalizer, or null for none
 * @param template    the single-sequence post-processing template
 * @param maxLength   default truncation length, special tokens included
 * @param padId       id used for padding a batch
 */
public record WordPieceConfig(String source, List<AddedToken> addedTokens, BertNormalizer normalizer,
        WordPieceModel model, List<TemplateItem> template, int maxLength, int padId) {

    public WordPieceConfig {
        addedTokens = List.copyOf(addedTokens);
        template = List.copyOf(template);
    }

    /**
     * One element of the template: a special token, or the text itself ({@code token == null}).
     */
    public record TemplateItem(String token, int id, int typeId) {
        public static TemplateItem sequence(int typeId) {
            return new TemplateItem(null, -1, typeId);
        }

        public boolean isSequence() {
            return token == null;
        }
    }
}
