package org.strata.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

import org.strata.runtime.internal.AddedTokens;
import org.strata.runtime.internal.AddedTokens.Piece;
import org.strata.runtime.internal.BertNormalizer;
import org.strata.runtime.internal.BertPreTokenizer;
import org.strata.runtime.internal.TokenizerJson;
import org.strata.runtime.internal.VocabTxt;
import org.strata.runtime.internal.WordPieceConfig;
import org.strata.runtime.internal.WordPieceConfig.TemplateItem;
import org.strata.runtime.internal.WordPieceModel;

/**
 * The tokenizer of BERT-family text models, in plain Java so that Strata can feed real text to a model
 * without Python. It gives the same ids as Hugging Face {@code tokenizers} for the same
 * {@code tokenizer.json} (the tests compare against ids HF produced): added tokens found in the text,
 * BERT normalization, BERT pre-tokenization, WordPiece, then the {@code [CLS] … [SEP]} template, truncated
 * to a maximum length that counts the special tokens. Padding is not the tokenizer's job here: batches
 * are padded by {@link ModelInputs}.
 *
 * <p>Immutable and safe to share between threads.
 *
 * <pre>{@code
 * WordPieceTokenizer tokenizer = WordPieceTokenizer.load(EmbeddedModels.fp32().tokenizer());
 * Encoding e = tokenizer.encode("Hello, world!"); // [CLS] hello , world ! [SEP]
 * }</pre>
 */
public final class WordPieceTokenizer {
    /** Longest input a BERT-family model takes when a vocabulary file does not say otherwise. */
    public static final int BERT_MAX_LENGTH = VocabTxt.BERT_MAX_LENGTH;

    private final String source;
    private final AddedTokens addedTokens;
    private final BertNormalizer normalizer;
    private final WordPieceModel model;
    private final List<TemplateItem> template;
    private final int specialTokens;
    private final int maxLength;
    private final int padId;
    private final int vocabSize;

    private WordPieceTokenizer(WordPieceConfig config) {
        this.source = config.source();
        this.normalizer = config.normalizer();
        this.addedTokens = new AddedTokens(config.addedTokens(),
                normalizer == null ? UnaryOperator.identity() : normalizer::normalize);
        this.model = config.model();
        this.template = config.template();
        this.specialTokens = (int) template.stream().filter(t -> !t.isSequence()).count();
        this.maxLength = config.maxLength();
        this.padId = config.padId();
        this.vocabSize = Math.max(model.vocab().values().stream().mapToInt(Integer::intValue).max().orElse(-1),
                addedTokens.maxId()) + 1;
    }

    /**
     * Reads a tokenizer from a file: a Hugging Face {@code tokenizer.json}, or a BERT {@code vocab.txt}
     * (any file whose name does not end in {@code .json}).
     *
     * @throws InputFileException if the file cannot be read or is not a WordPiece tokenizer
     */
    public static WordPieceTokenizer load(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? fromTokenizerJson(file)
                : fromVocabTxt(file);
    }

    /**
     * Reads a Hugging Face {@code tokenizer.json} with a WordPiece model, a BERT normalizer (or none) and
     * a BERT pre-tokenizer. The maximum length is the file's truncation length, else {@value #BERT_MAX_LENGTH}.
     *
     * @throws InputFileException if the file is unreadable, not JSON, or describes another kind of tokenizer
     */
    public static WordPieceTokenizer fromTokenizerJson(Path file) {
        return new WordPieceTokenizer(TokenizerJson.read(file));
    }

    /**
     * Reads a BERT {@code vocab.txt} (one token per line, the line number is the id) with the defaults of
     * BERT uncased: clean text, space CJK ideographs, strip accents, lowercase, {@code ##} prefix, 100
     * characters per word at most, {@code [CLS] … [SEP]}, maximum length {@value #BERT_MAX_LENGTH}.
     *
     * @throws InputFileException if the file is unreadable or lacks {@code [UNK]}, {@code [CLS]} or {@code [SEP]}
     */
    public static WordPieceTokenizer fromVocabTxt(Path file) {
        return new WordPieceTokenizer(VocabTxt.read(file));
    }

    /** Encodes one text, truncated to {@link #maxLength()} tokens including the special tokens. */
    public Encoding encode(String text) {
        return encode(text, maxLength);
    }

    /**
     * Encodes one text, truncated (from the right) so that it has at most {@code maxLength} tokens
     * including the special tokens.
     *
     * @throws IllegalArgumentException if {@code maxLength} leaves no room for the special tokens
     */
    public Encoding encode(String text, int maxLength) {
        if (maxLength < specialTokens) {
            throw new IllegalArgumentException("maxLength " + maxLength + " is shorter than the " + specialTokens
                    + " special tokens " + source + " adds");
        }
        List<String> pieces = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        split(text, pieces, ids);
        int keep = Math.min(pieces.size(), maxLength - specialTokens);
        List<String> tokens = new ArrayList<>(keep + specialTokens);
        int[] outIds = new int[keep + specialTokens];
        int[] typeIds = new int[keep + specialTokens];
        int n = 0;
        for (TemplateItem item : template) {
            if (item.isSequence()) {
                for (int i = 0; i < keep; i++, n++) {
                    tokens.add(pieces.get(i));
                    outIds[n] = ids.get(i);
                    typeIds[n] = item.typeId();
                }
            } else {
                tokens.add(item.token());
                outIds[n] = item.id();
                typeIds[n++] = item.typeId();
            }
        }
        return new Encoding(tokens, outIds, typeIds);
    }

    /**
     * The tokens of a text without special tokens and without truncation; added tokens found in the text
     * are included as they are.
     */
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        split(text, tokens, new ArrayList<>());
        return tokens;
    }

    /** The whole pipeline before post-processing: appends tokens and their ids. */
    private void split(String text, List<String> tokens, List<Integer> ids) {
        for (Piece raw : addedTokens.splitRaw(text)) {
            if (raw.isAddedToken()) {
                tokens.add(raw.token());
                ids.add(raw.id());
                continue;
            }
            String normalized = normalizer == null ? raw.text() : normalizer.normalize(raw.text());
            for (Piece piece : addedTokens.splitNormalized(normalized)) {
                if (piece.isAddedToken()) {
                    tokens.add(piece.token());
                    ids.add(piece.id());
                    continue;
                }
                for (String word : BertPreTokenizer.words(piece.text())) {
                    int from = tokens.size();
                    model.tokenize(word, tokens);
                    for (int i = from; i < tokens.size(); i++) {
                        ids.add(model.id(tokens.get(i)));
                    }
                }
            }
        }
    }

    /** The id of a token in the vocabulary or among the added tokens. */
    public OptionalInt tokenId(String token) {
        Integer id = model.vocab().get(token);
        return id != null ? OptionalInt.of(id) : addedTokens.id(token);
    }

    /** Default maximum length of {@link #encode(String)}, special tokens included. */
    public int maxLength() {
        return maxLength;
    }

    /** Id used to pad a batch to a common length. */
    public int padId() {
        return padId;
    }

    /** One more than the largest id this tokenizer can produce. */
    public int vocabSize() {
        return vocabSize;
    }

    /** Where the tokenizer was read from, for messages. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "WordPieceTokenizer[" + source + ", " + model.vocab().size() + " tokens, max length " + maxLength
                + "]";
    }
}
