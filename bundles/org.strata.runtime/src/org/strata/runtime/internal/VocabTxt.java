package org.strata.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strata.runtime.InputFileException;
import org.strata.runtime.internal.AddedTokens.AddedToken;
import org.strata.runtime.internal.WordPieceConfig.TemplateItem;

/**
 * Reads a BERT {@code vocab.txt}: one token per line, the line number (from 0) is the id, trailing
 * whitespace is not part of the token. Everything else is what BERT uncased uses, as Hugging Face's
 * {@code BertWordPieceTokenizer} assumes for a bare vocabulary.
 */
public final class VocabTxt {
    /** Longest input a BERT-family model takes (its position embeddings). */
    public static final int BERT_MAX_LENGTH = 512;
    private static final List<String> SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private VocabTxt() {}

    public static WordPieceConfig read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputFileException(file, "cannot read the vocabulary (" + e.getMessage()
                    + "). Check that the file exists and is a UTF-8 text file with one token per line.", e);
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            vocab.put(lines.get(i).stripTrailing(), i);
        }
        for (String required : List.of("[UNK]", "[CLS]", "[SEP]")) {
            if (!vocab.containsKey(required)) {
                throw new InputFileException(file, "the vocabulary has no " + required
                        + " token, so it is not a BERT vocab.txt. Give the model's tokenizer.json instead.");
            }
        }
        List<AddedToken> specials = new ArrayList<>();
        for (String special : SPECIAL_TOKENS) {
            if (vocab.containsKey(special)) {
                specials.add(new AddedToken(special, vocab.get(special), false, false, false, false));
            }
        }
        List<TemplateItem> template = List.of(new TemplateItem("[CLS]", vocab.get("[CLS]"), 0),
                TemplateItem.sequence(0), new TemplateItem("[SEP]", vocab.get("[SEP]"), 0));
        return new WordPieceConfig(file.toString(), specials, BertNormalizer.uncased(),
                new WordPieceModel(vocab, "[UNK]", "##", 100), template, BERT_MAX_LENGTH,
                vocab.getOrDefault("[PAD]", 0));
    }
}
