package org.strata.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.Encoding;
import org.strata.runtime.InputFileException;
import org.strata.runtime.WordPieceTokenizer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Strata's WordPiece tokenizer against Hugging Face {@code tokenizers} 0.23.2: the expected ids were
 * produced once by {@code tools/tokenizer_ground_truth.py} from the tokenizer.json shipped with MiniLM
 * (padding off, truncation as configured unless a case names its own maximum length).
 */
class WordPieceTokenizerTest {
    private static final String LONG = String.join(" ",
            Collections.nCopies(14, "The quick brown fox jumps over the lazy dog near the riverbank at dawn."));

    /** One text, the maximum length it was encoded with (0: the file's own, 128), and HF's ids. */
    record Case(String text, int maxLength, int[] ids) {
        @Override
        public String toString() {
            String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
            return shown.replaceAll("\\p{Cntrl}", "·") + (maxLength > 0 ? " (max " + maxLength + ")" : "");
        }
    }

    static final List<Case> HF_CASES = List.of(
            new Case("Hello, world!", 0, new int[] {101, 7592, 1010, 2088, 999, 102}),
            new Case("The café serves crème brûlée and naïve piñatas.", 0, new int[] {101, 1996, 7668, 4240,
                    13675, 21382, 7987, 9307, 2063, 1998, 15743, 9231, 6790, 2015, 1012, 102}),
            new Case("Ünïcödé ÀÉÎÕÜ façade", 0, new int[] {101, 27260, 29347, 3695, 2226, 8508, 102}),
            new Case("東京は日本の首都です。", 0, new int[] {101, 1879, 1755, 1672, 1864, 1876, 1671, 100, 1961, 1665,
                    30184, 1636, 102}),
            new Case("我爱北京天安门 and Beijing", 0, new int[] {101, 1855, 100, 1781, 1755, 1811, 1820, 100, 1998,
                    7211, 102}),
            new Case("한국어 텍스트도 있습니다", 0, new int[] {101, 1469, 30006, 30021, 29991, 30014, 30020, 29999, 30008,
                    1467, 30009, 30020, 29997, 30017, 30003, 30017, 29993, 30011, 100, 102}),
            new Case("Emoji test \uD83D\uDE00\uD83D\uDE80 ok \uD83D\uDC4D\uD83C\uDFFD", 0, new int[] {101,
                    7861, 29147, 2072, 3231, 100, 7929, 100, 102}),
            new Case("Supercalifragilisticexpialidocious antidisestablishmentarianism", 0, new int[] {101,
                    3565, 9289, 10128, 29181, 24411, 4588, 10288, 19312, 21273, 10085, 6313, 3424, 10521, 4355,
                    7875, 13602, 3672, 12199, 2964, 102}),
            new Case("x".repeat(101) + " short " + "y".repeat(100), 0, new int[] {101, 100, 2460, 1061,
                    2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100,
                    2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100,
                    2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100,
                    2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100,
                    2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100,
                    2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100,
                    2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 102}),
            new Case("Prices rose 3.75% to $1,234.56 in Q3-2024.", 0, new int[] {101, 7597, 3123, 1017, 1012,
                    4293, 1003, 2000, 1002, 1015, 1010, 22018, 1012, 5179, 1999, 1053, 2509, 1011, 16798, 2549,
                    1012, 102}),
            new Case("CamelCaseIdentifiers and snake_case_names in getHTTPResponseCode()", 0, new int[] {101,
                    19130, 18382, 5178, 16778, 8873, 2545, 1998, 7488, 1035, 2553, 1035, 3415, 1999, 2131,
                    11039, 25856, 6072, 26029, 3366, 16044, 1006, 1007, 102}),
            new Case("  leading and trailing   spaces\t\ttabs\nnewlines\r\n  ", 0, new int[] {101, 2877, 1998,
                    12542, 7258, 21628, 2015, 2047, 12735, 102}),
            new Case("", 0, new int[] {101, 102}),
            new Case(" \t\n ", 0, new int[] {101, 102}),
            new Case("non\u00A0breaking\u2003em space\u3000ideographic\u202Fnarrow", 0, new int[] {101, 2512,
                    4911, 7861, 2686, 8909, 8780, 14773, 4867, 102}),
            new Case("zero\u200Bwidth\u200Djoiner\u00ADsoft\uFEFFbom", 0, new int[] {101, 5717, 9148, 11927,
                    2232, 5558, 26455, 6499, 6199, 5092, 2213, 102}),
            new Case("control\u0000chars\u0007here\uFFFD end", 0, new int[] {101, 2491, 7507, 2869, 5886, 2063,
                    2203, 102}),
            new Case("tab\u000Bvertical\u000Cformfeed\u0085nextline\u001Cfile", 0, new int[] {101, 21628,
                    16874, 7476, 14192, 7959, 2098, 2638, 18413, 4179, 8873, 2571, 102}),
            new Case("Ελληνικά κείμενα ΣΊΣΥΦΟΣ", 0, new int[] {101, 1159, 29727, 29727, 24824, 16177, 18199,
                    29726, 14608, 1164, 29723, 18199, 29728, 29723, 16177, 14608, 1173, 18199, 29733, 29735,
                    29736, 29730, 29733, 102}),
            new Case("Русский текст, Ёлка и йогурт", 0, new int[] {101, 1195, 29748, 29747, 29747, 23925,
                    15414, 1197, 15290, 23925, 29747, 22919, 1010, 1185, 29436, 28598, 1188, 1188, 14150,
                    29741, 29748, 16856, 22919, 102}),
            new Case("İstanbul'da ışık ve ĞÜŞ", 0, new int[] {101, 9960, 1005, 4830, 1104, 2015, 11722, 2243,
                    2310, 12670, 102}),
            new Case("ﬁnancial ﬂow ﬀ", 0, new int[] {101, 1984, 7229, 13247, 1985, 5004, 100, 102}),
            new Case("email me at someone@example.com or visit https://example.org/path?q=1&r=2#frag", 0, new int[] {
                    101, 10373, 2033, 2012, 2619, 1030, 2742, 1012, 4012, 2030, 3942, 16770, 1024, 1013, 1013,
                    2742, 1012, 8917, 1013, 4130, 1029, 1053, 1027, 1015, 1004, 1054, 1027, 1016, 1001, 25312,
                    2290, 102}),
            new Case("He said: «bonjour» — and left… (quickly)!!! ¿Qué? ¡Sí!", 0, new int[] {101, 2002, 2056,
                    1024, 1077, 14753, 23099, 2099, 1090, 1517, 1998, 2187, 1529, 1006, 2855, 1007, 999, 999,
                    999, 1094, 10861, 1029, 1067, 9033, 999, 102}),
            new Case("[CLS] special [SEP] tokens [MASK] inside [UNK] text [PAD]", 0, new int[] {101, 101, 2569,
                    102, 19204, 2015, 103, 2503, 100, 3793, 0, 102}),
            new Case("mixed [sep] case and [SEP][SEP] adjacent", 0, new int[] {101, 3816, 1031, 19802, 1033,
                    2553, 1998, 102, 102, 5516, 102}),
            new Case("Math: x² + y² = z², ∑ᵢ aᵢ ≥ 0, ½ ≈ 0.5 ± 1e-3", 0, new int[] {101, 8785, 1024, 1060,
                    10701, 1009, 1061, 10701, 1027, 1062, 10701, 1010, 100, 1037, 19109, 1609, 1014, 1010,
                    1092, 1606, 1014, 1012, 1019, 1081, 1015, 2063, 1011, 1017, 102}),
            new Case("Arabic: مرحبا بالعالم and Hebrew: ש\u05B8\u05C1לו\u05B9ם", 0, new int[] {101, 5640, 1024,
                    1295, 17149, 29820, 29816, 25573, 1271, 25573, 23673, 29830, 25573, 23673, 22192, 1998,
                    6836, 1024, 1266, 29799, 29792, 29800, 102}),
            new Case("Hindi: नमस\u094Dत\u0947 द\u0941न\u093Fय\u093E", 0, new int[] {101, 9269, 1024, 1327,
                    29867, 29874, 29859, 1325, 29863, 29877, 29868, 29876, 102}),
            new Case("Thai: สว\u0E31สด\u0E35คร\u0E31บ", 0, new int[] {101, 7273, 1024, 100, 102}),
            new Case("0123456789 000000000000000000001 3.14159265358979", 0, new int[] {101, 5890, 21926,
                    19961, 2575, 2581, 2620, 2683, 2199, 8889, 8889, 8889, 8889, 8889, 8889, 8889, 8889, 24096,
                    1017, 1012, 15471, 28154, 23833, 22275, 27814, 2683, 2581, 2683, 102}),
            new Case("ÅNGSTRÖM Ångström angstrom Ǆemal", 0, new int[] {101, 17076, 15687, 17076, 15687, 17076,
                    15687, 100, 102}),
            new Case("Japanese katakana カタカナ and hiragana ひらがな, kanji 漢字", 0, new int[] {101, 2887, 29354,
                    9126, 2050, 1700, 30235, 30226, 30241, 1998, 7632, 28905, 2050, 1673, 30211, 30177, 30193,
                    1010, 22827, 4478, 1904, 100, 102}),
            new Case("fullwidth ＡＢＣ１２３ and halfwidth ｶﾀｶﾅ", 0, new int[] {101, 2440, 9148, 11927, 2232, 100,
                    1998, 2431, 9148, 11927, 2232, 100, 102}),
            new Case("\uD835\uDD18\uD835\uDD2B\uD835\uDD26\uD835\uDD20\uD835\uDD2C\uD835\uDD21\uD835\uDD22"
                    + " math letters and \uD840\uDC00\uD840\uDC01 extension B", 0, new int[] {
                    101, 100, 8785, 4144, 1998, 100, 100, 5331, 1038, 102}),
            new Case("back`tick ~tilde^caret |pipe| <angle> {brace} \\slash $", 0, new int[] {101, 2067, 1036,
                    16356, 1066, 18681, 3207, 1034, 2729, 2102, 1064, 8667, 1064, 1026, 6466, 1028, 1063,
                    17180, 1065, 1032, 18296, 1002, 102}),
            new Case("don't won't it's o'clock rock'n'roll", 0, new int[] {101, 2123, 1005, 1056, 2180, 1005,
                    1056, 2009, 1005, 1055, 1051, 1005, 5119, 2600, 1005, 1050, 1005, 4897, 102}),
            new Case("e\u0301 combining acute, a\u0308 combining diaeresis", 0, new int[] {101, 1041, 11566,
                    11325, 1010, 1037, 11566, 22939, 18702, 2483, 102}),
            new Case(LONG, 0, new int[] {101, 1996, 4248, 2829, 4419, 14523, 2058, 1996, 13971, 3899, 2379,
                    1996, 2314, 9299, 2012, 6440, 1012, 1996, 4248, 2829, 4419, 14523, 2058, 1996, 13971, 3899,
                    2379, 1996, 2314, 9299, 2012, 6440, 1012, 1996, 4248, 2829, 4419, 14523, 2058, 1996, 13971,
                    3899, 2379, 1996, 2314, 9299, 2012, 6440, 1012, 1996, 4248, 2829, 4419, 14523, 2058, 1996,
                    13971, 3899, 2379, 1996, 2314, 9299, 2012, 6440, 1012, 1996, 4248, 2829, 4419, 14523, 2058,
                    1996, 13971, 3899, 2379, 1996, 2314, 9299, 2012, 6440, 1012, 1996, 4248, 2829, 4419, 14523,
                    2058, 1996, 13971, 3899, 2379, 1996, 2314, 9299, 2012, 6440, 1012, 1996, 4248, 2829, 4419,
                    14523, 2058, 1996, 13971, 3899, 2379, 1996, 2314, 9299, 2012, 6440, 1012, 1996, 4248, 2829,
                    4419, 14523, 2058, 1996, 13971, 3899, 2379, 1996, 2314, 9299, 2012, 102}),
            new Case(LONG, 16, new int[] {101, 1996, 4248, 2829, 4419, 14523, 2058, 1996, 13971, 3899, 2379,
                    1996, 2314, 9299, 2012, 102}),
            new Case("A rather short sentence for the cap", 8, new int[] {101, 1037, 2738, 2460, 6251, 2005,
                    1996, 102}));

    /** Same file plus three added tokens: {@code <lmark>} lstrip, {@code <rmark>} rstrip, {@code hashtag} single word. */
    static final List<Case> ADDED_TOKEN_CASES = List.of(
            new Case("left  <lmark>  right", 0, new int[] {101, 2187, 30522, 2157, 102}),
            new Case("a <rmark>   b", 0, new int[] {101, 1037, 30523, 1038, 102}),
            new Case("my HashTag and hashtags #hashtag x_hashtag", 0, new int[] {101, 2026, 30524, 1998, 23325,
                    15900, 2015, 1001, 30524, 1060, 1035, 23325, 15900, 102}));

    private static Path tokenizerJson;
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizerJson = EmbeddedModels.fp32().tokenizer();
        tokenizer = WordPieceTokenizer.load(tokenizerJson);
    }

    static Stream<Case> hfCases() {
        return HF_CASES.stream();
    }

    @ParameterizedTest
    @MethodSource("hfCases")
    void givesTheIdsHuggingFaceGives(Case c) {
        Encoding e = c.maxLength() > 0 ? tokenizer.encode(c.text(), c.maxLength()) : tokenizer.encode(c.text());
        assertArrayEquals(c.ids(), e.ids(), () -> "tokens were " + e.tokens());
        assertEquals(e.length(), e.tokens().size());
        assertTrue(Arrays.stream(e.typeIds()).allMatch(t -> t == 0));
    }

    @Test
    void coversEnoughVariedText() {
        assertTrue(HF_CASES.size() >= 20, "at least 20 ground-truth strings");
        assertEquals(128, tokenizer.maxLength(), "truncation length of the MiniLM tokenizer.json");
        assertEquals(30522, tokenizer.vocabSize());
        assertEquals(0, tokenizer.padId());
        assertEquals(128, tokenizer.encode(LONG).length(), "long text truncated to 128 with [CLS] and [SEP]");
        assertEquals(List.of("[CLS]", "hello", ",", "world", "!", "[SEP]"), tokenizer.encode("Hello, world!").tokens());
    }

    @Test
    void vocabTxtWithBertDefaultsGivesTheSameIds(@TempDir Path dir) throws IOException {
        Path vocab = dir.resolve("vocab.txt");
        Files.write(vocab, vocabInIdOrder(readJson(tokenizerJson)), StandardCharsets.UTF_8);
        WordPieceTokenizer fromVocab = WordPieceTokenizer.load(vocab);
        assertEquals(WordPieceTokenizer.BERT_MAX_LENGTH, fromVocab.maxLength());
        for (Case c : HF_CASES) {
            int max = c.maxLength() > 0 ? c.maxLength() : 128;
            assertArrayEquals(c.ids(), fromVocab.encode(c.text(), max).ids(), c::toString);
        }
    }

    @Test
    void honoursAddedTokenFlags(@TempDir Path dir) throws IOException {
        JsonObject json = readJson(tokenizerJson);
        JsonArray added = json.getAsJsonArray("added_tokens");
        added.add(addedToken(30522, "<lmark>", false, true, false, false));
        added.add(addedToken(30523, "<rmark>", false, false, true, false));
        added.add(addedToken(30524, "hashtag", true, false, false, true));
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, json.toString());
        WordPieceTokenizer withAdded = WordPieceTokenizer.load(file);
        for (Case c : ADDED_TOKEN_CASES) {
            assertArrayEquals(c.ids(), withAdded.encode(c.text()).ids(), c::toString);
        }
        assertEquals(30525, withAdded.vocabSize());
    }

    @Test
    void refusesATokenizerThatIsNotWordPiece(@TempDir Path dir) throws IOException {
        Path bpe = dir.resolve("gpt2-tokenizer.json");
        Files.writeString(bpe, """
                {"version": "1.0", "model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}}""");
        InputFileException e = assertThrows(InputFileException.class, () -> WordPieceTokenizer.load(bpe));
        assertTrue(e.getMessage().contains("gpt2-tokenizer.json"), e.getMessage());
        assertTrue(e.getMessage().contains("BPE, not WordPiece"), e.getMessage());
        assertTrue(e.getMessage().contains("random token ids"), "says what to do instead: " + e.getMessage());
    }

    @Test
    void namesTheFileWhenItIsNotJson(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"model\": {\"type\": \"WordPiece\", ");
        InputFileException e = assertThrows(InputFileException.class, () -> WordPieceTokenizer.load(broken));
        assertTrue(e.getMessage().startsWith(broken.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void refusesAVocabularyWithoutBertSpecialTokens(@TempDir Path dir) throws IOException {
        Path vocab = dir.resolve("vocab.txt");
        Files.writeString(vocab, "hello\nworld\n");
        InputFileException e = assertThrows(InputFileException.class, () -> WordPieceTokenizer.load(vocab));
        assertTrue(e.getMessage().contains("[UNK]"), e.getMessage());
    }

    @Test
    void refusesAMaximumLengthWithoutRoomForSpecialTokens() {
        assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("hello", 1));
        assertArrayEquals(new int[] {101, 102}, tokenizer.encode("hello world", 2).ids());
    }

    private static JsonObject readJson(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader).getAsJsonObject();
        }
    }

    private static List<String> vocabInIdOrder(JsonObject json) {
        var vocab = json.getAsJsonObject("model").getAsJsonObject("vocab");
        List<String> byId = new ArrayList<>(Collections.nCopies(vocab.size(), ""));
        for (Map.Entry<String, com.google.gson.JsonElement> e : vocab.entrySet()) {
            byId.set(e.getValue().getAsInt(), e.getKey());
        }
        return byId;
    }

    private static JsonObject addedToken(int id, String content, boolean singleWord, boolean lstrip, boolean rstrip,
            boolean normalized) {
        JsonObject t = new JsonObject();
        t.addProperty("id", id);
        t.addProperty("content", content);
        t.addProperty("single_word", singleWord);
        t.addProperty("lstrip", lstrip);
        t.addProperty("rstrip", rstrip);
        t.addProperty("normalized", normalized);
        t.addProperty("special", !normalized);
        return t;
    }
}
