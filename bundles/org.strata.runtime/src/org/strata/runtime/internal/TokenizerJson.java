package org.strata.runtime.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.strata.runtime.InputFileException;
import org.strata.runtime.internal.AddedTokens.AddedToken;
import org.strata.runtime.internal.WordPieceConfig.TemplateItem;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads the parts of a Hugging Face {@code tokenizer.json} that a WordPiece tokenizer needs, and refuses,
 * with a message that says what was found, the parts Strata does not implement (another model type,
 * normalizer, pre-tokenizer or post-processor) rather than tokenizing differently from the original.
 */
public final class TokenizerJson {
    private static final String ADVICE = " Strata tokenizes only BERT-family (WordPiece) models; evaluate other"
            + " models with random token ids (ModelInputs.forRandomTokens).";

    private final Path file;

    private TokenizerJson(Path file) {
        this.file = file;
    }

    public static WordPieceConfig read(Path file) {
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement parsed = JsonParser.parseReader(reader);
            if (!parsed.isJsonObject()) {
                throw new InputFileException(file,
                        "is JSON but not an object; expected a Hugging Face tokenizer.json.");
            }
            root = parsed.getAsJsonObject();
        } catch (IOException e) {
            throw new InputFileException(file, "cannot read the tokenizer (" + e.getMessage()
                    + "). Check that the file exists and is readable.", e);
        } catch (JsonParseException e) {
            throw new InputFileException(file, "is not valid JSON (" + e.getMessage()
                    + "). Expected a Hugging Face tokenizer.json.", e);
        }
        return new TokenizerJson(file).tokenizer(root);
    }

    private WordPieceConfig tokenizer(JsonObject root) {
        WordPieceModel model = model(object(root, "model"));
        BertNormalizer normalizer = normalizer(root.get("normalizer"));
        preTokenizer(root.get("pre_tokenizer"));
        List<AddedToken> added = addedTokens(root);
        List<TemplateItem> template = template(root.get("post_processor"), model, added);
        int maxLength = VocabTxt.BERT_MAX_LENGTH;
        if (isObject(root.get("truncation"))) {
            maxLength = root.getAsJsonObject("truncation").get("max_length").getAsInt();
        }
        int padId = model.vocab().getOrDefault("[PAD]", 0);
        if (isObject(root.get("padding")) && root.getAsJsonObject("padding").has("pad_id")) {
            padId = root.getAsJsonObject("padding").get("pad_id").getAsInt();
        }
        return new WordPieceConfig(file.toString(), added, normalizer, model, template, maxLength, padId);
    }

    private WordPieceModel model(JsonObject model) {
        String type = model.has("type") ? model.get("type").getAsString() : "(no type)";
        if (!type.equals("WordPiece")) {
            throw new InputFileException(file, "the tokenizer model is " + type + ", not WordPiece." + ADVICE);
        }
        JsonObject vocabJson = object(model, "vocab");
        Map<String, Integer> vocab = new HashMap<>();
        vocabJson.entrySet().forEach(e -> vocab.put(e.getKey(), e.getValue().getAsInt()));
        String unk = string(model, "unk_token", "[UNK]");
        if (!vocab.containsKey(unk)) {
            throw new InputFileException(file, "the unknown token " + unk + " is not in the vocabulary; the file is"
                    + " damaged or incomplete. Export the tokenizer again.");
        }
        return new WordPieceModel(vocab, unk, string(model, "continuing_subword_prefix", "##"),
                model.has("max_input_chars_per_word") ? model.get("max_input_chars_per_word").getAsInt() : 100);
    }

    private BertNormalizer normalizer(JsonElement element) {
        if (!isObject(element)) {
            return null;
        }
        JsonObject n = element.getAsJsonObject();
        String type = string(n, "type", "(no type)");
        if (!type.equals("BertNormalizer")) {
            throw new InputFileException(file, "the normalizer is " + type + "; Strata implements only BertNormalizer."
                    + ADVICE);
        }
        boolean lowercase = bool(n, "lowercase", true);
        JsonElement strip = n.get("strip_accents");
        boolean stripAccents = strip == null || strip.isJsonNull() ? lowercase : strip.getAsBoolean();
        return new BertNormalizer(bool(n, "clean_text", true), bool(n, "handle_chinese_chars", true), stripAccents,
                lowercase);
    }

    private void preTokenizer(JsonElement element) {
        String type = isObject(element) ? string(element.getAsJsonObject(), "type", "(no type)") : "none";
        if (!type.equals("BertPreTokenizer")) {
            throw new InputFileException(file, "the pre-tokenizer is " + type
                    + "; Strata implements only BertPreTokenizer." + ADVICE);
        }
    }

    private List<AddedToken> addedTokens(JsonObject root) {
        List<AddedToken> added = new ArrayList<>();
        if (root.has("added_tokens") && root.get("added_tokens").isJsonArray()) {
            for (JsonElement e : root.getAsJsonArray("added_tokens")) {
                JsonObject t = e.getAsJsonObject();
                added.add(new AddedToken(t.get("content").getAsString(), t.get("id").getAsInt(),
                        bool(t, "single_word", false), bool(t, "lstrip", false), bool(t, "rstrip", false),
                        bool(t, "normalized", true)));
            }
        }
        return added;
    }

    /** The single-sequence template of TemplateProcessing or BertProcessing; none without a post-processor. */
    private List<TemplateItem> template(JsonElement element, WordPieceModel model, List<AddedToken> added) {
        if (!isObject(element)) {
            return List.of(TemplateItem.sequence(0));
        }
        JsonObject p = element.getAsJsonObject();
        String type = string(p, "type", "(no type)");
        switch (type) {
            case "BertProcessing" -> {
                var cls = p.getAsJsonArray("cls");
                var sep = p.getAsJsonArray("sep");
                return List.of(new TemplateItem(cls.get(0).getAsString(), cls.get(1).getAsInt(), 0),
                        TemplateItem.sequence(0), new TemplateItem(sep.get(0).getAsString(), sep.get(1).getAsInt(), 0));
            }
            case "TemplateProcessing" -> {
                JsonObject specials = p.has("special_tokens") ? p.getAsJsonObject("special_tokens") : new JsonObject();
                List<TemplateItem> items = new ArrayList<>();
                for (JsonElement e : p.getAsJsonArray("single")) {
                    JsonObject item = e.getAsJsonObject();
                    if (item.has("Sequence")) {
                        items.add(TemplateItem.sequence(item.getAsJsonObject("Sequence").get("type_id").getAsInt()));
                        continue;
                    }
                    JsonObject special = item.getAsJsonObject("SpecialToken");
                    String name = special.get("id").getAsString();
                    int typeId = special.get("type_id").getAsInt();
                    if (!specials.has(name)) {
                        throw new InputFileException(file, "the post-processor template uses " + name
                                + " but does not list it under special_tokens; the file is damaged. Export it again.");
                    }
                    JsonObject def = specials.getAsJsonObject(name);
                    var ids = def.getAsJsonArray("ids");
                    var tokens = def.getAsJsonArray("tokens");
                    for (int i = 0; i < ids.size(); i++) {
                        items.add(new TemplateItem(tokens.get(i).getAsString(), ids.get(i).getAsInt(), typeId));
                    }
                }
                return items;
            }
            default -> throw new InputFileException(file, "the post-processor is " + type
                    + "; Strata implements TemplateProcessing and BertProcessing." + ADVICE);
        }
    }

    private JsonObject object(JsonObject parent, String name) {
        if (!isObject(parent.get(name))) {
            throw new InputFileException(file, "has no \"" + name + "\" object; expected a Hugging Face tokenizer.json"
                    + " (the file tokenizers' Tokenizer.save writes).");
        }
        return parent.getAsJsonObject(name);
    }

    private static boolean isObject(JsonElement e) {
        return e != null && e.isJsonObject();
    }

    private static String string(JsonObject o, String name, String fallback) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    private static boolean bool(JsonObject o, String name, boolean fallback) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? fallback : e.getAsBoolean();
    }
}
