package org.strata.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Text to calibrate and evaluate text models on: short texts (sentences) and long ones (passages, for
 * latency at long sequence lengths), each divided into a calibration and an evaluation split that never
 * overlap.
 *
 * <p>The built-in corpus was written for Strata: English sentences from many domains, with groups of
 * paraphrases and near-duplicates so that nearest-neighbour agreement between two models means something,
 * and passages of at least 256 WordPiece tokens.
 *
 * <p>File format (also for {@link #fromFile}): UTF-8, one text per line; blank lines and lines starting
 * with {@code #} are ignored. A line may instead be a JSON object with a {@code "text"} field and an
 * optional {@code "group"} field. A plain line starting with {@code "~ "} is a paraphrase of the text
 * above it. Texts of one group (a text and its {@code "~ "} lines, or equal {@code "group"} values)
 * always land on the same side of the split.
 *
 * <p>Splitting: groups are ordered by the SHA-256 of their first text and the first half (rounded up)
 * goes to evaluation, the rest to calibration; each side keeps file order. So the split does not depend
 * on the order of the file, and adding a text moves at most one group across.
 */
public final class TextCorpus {
    private static final String PARAPHRASE = "~ ";

    private final String name;
    private final List<List<String>> groups;
    private final CorpusSplit sentences;
    private final CorpusSplit passages;

    private TextCorpus(String name, List<List<String>> groups, List<List<String>> passageGroups) {
        this.name = name;
        this.groups = groups.stream().map(List::copyOf).toList();
        this.sentences = split(groups);
        this.passages = split(passageGroups);
    }

    private static final class BuiltIn {
        static final TextCorpus INSTANCE = new TextCorpus("built-in corpus",
                parse(resourceLines("sentences.txt"), Path.of("org.strata.runtime", "corpus", "sentences.txt")),
                parse(resourceLines("passages.txt"), Path.of("org.strata.runtime", "corpus", "passages.txt")));
    }

    /** The corpus that ships with Strata (read once). */
    public static TextCorpus builtIn() {
        return BuiltIn.INSTANCE;
    }

    /**
     * Reads texts from a file in the format of the class comment. Such a corpus has no passages; see
     * {@link #fromFiles} for one that does.
     *
     * @throws InputFileException if the file cannot be read, has a bad line, or holds no text
     */
    public static TextCorpus fromFile(Path file) {
        return new TextCorpus(file.toString(), parse(fileLines(file), file), List.of());
    }

    /**
     * Reads short texts and passages from two files in the format of the class comment.
     *
     * @throws InputFileException if a file cannot be read, has a bad line, or holds no text
     */
    public static TextCorpus fromFiles(Path texts, Path passages) {
        return new TextCorpus(texts.toString(), parse(fileLines(texts), texts), parse(fileLines(passages), passages));
    }

    /** Where the corpus came from, for reports. */
    public String name() {
        return name;
    }

    /** All short texts in file order. */
    public List<String> texts() {
        return groups.stream().flatMap(List::stream).toList();
    }

    /** The short texts by paraphrase group, in file order. */
    public List<List<String>> groups() {
        return groups;
    }

    /** Short texts to calibrate on; never overlaps {@link #evaluation()}. */
    public List<String> calibration() {
        return sentences.calibration();
    }

    /** Short texts to evaluate on; never overlaps {@link #calibration()}. */
    public List<String> evaluation() {
        return sentences.evaluation();
    }

    /** Long texts, split the same way; empty for a corpus read with {@link #fromFile}. */
    public CorpusSplit passages() {
        return passages;
    }

    @Override
    public String toString() {
        return name + " (" + texts().size() + " texts in " + groups.size() + " groups, "
                + (passages.calibration().size() + passages.evaluation().size()) + " passages)";
    }

    private static CorpusSplit split(List<List<String>> groups) {
        List<Integer> byHash = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            byHash.add(i);
        }
        List<String> keys = groups.stream().map(g -> sha256(g.get(0))).toList();
        byHash.sort(Comparator.comparing(keys::get));
        Set<Integer> evaluation = new HashSet<>(byHash.subList(0, (groups.size() + 1) / 2));
        List<String> cal = new ArrayList<>();
        List<String> eval = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            (evaluation.contains(i) ? eval : cal).addAll(groups.get(i));
        }
        return new CorpusSplit(cal, eval);
    }

    /** Parses the lines of one file into groups of texts. */
    private static List<List<String>> parse(List<String> lines, Path file) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        String lastGroup = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = i == 0 ? lines.get(i).replace("\uFEFF", "").strip() : lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String text;
            String group;
            if (line.startsWith("{")) {
                JsonObject json = jsonLine(line, file, lineNumber);
                text = json.get("text").getAsString().strip();
                boolean named = json.has("group") && !json.get("group").isJsonNull();
                group = named ? "group:" + json.get("group").getAsString() : "line:" + lineNumber;
            } else if (line.startsWith(PARAPHRASE)) {
                if (lastGroup == null) {
                    throw new InputFileException(file, lineNumber, "a \"~ \" line marks a paraphrase of the text"
                            + " above it, but there is no text above it. Remove the \"~ \" or add the original text.");
                }
                text = line.substring(PARAPHRASE.length()).strip();
                group = lastGroup;
            } else {
                text = line;
                group = "line:" + lineNumber;
            }
            if (text.isEmpty()) {
                throw new InputFileException(file, lineNumber, "the text is empty. Remove the line or give it text.");
            }
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(text);
            lastGroup = group;
        }
        if (groups.isEmpty()) {
            throw new InputFileException(file, "contains no texts (only blank or # comment lines). Give one text per"
                    + " line, or JSON lines with a \"text\" field.");
        }
        return new ArrayList<>(groups.values());
    }

    private static JsonObject jsonLine(String line, Path file, int lineNumber) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(line);
        } catch (JsonParseException e) {
            throw new InputFileException(file, lineNumber, "starts with { but is not valid JSON ("
                    + rootMessage(e) + "). Write {\"text\": \"...\"} on one line, or a plain text line that"
                    + " does not start with {.");
        }
        if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("text")
                || !parsed.getAsJsonObject().get("text").isJsonPrimitive()) {
            throw new InputFileException(file, lineNumber, "the JSON object has no \"text\" string field. Write"
                    + " {\"text\": \"...\"}, optionally with \"group\" to keep paraphrases together.");
        }
        return parsed.getAsJsonObject();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static List<String> fileLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputFileException(file, "cannot be read as UTF-8 text (" + e + "). Check the path and the"
                    + " file's encoding.", e);
        }
    }

    private static List<String> resourceLines(String name) {
        try (InputStream in = TextCorpus.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the runtime bundle lacks its resource corpus/" + name
                        + "; the build did not include it (build.properties bin.includes)");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
