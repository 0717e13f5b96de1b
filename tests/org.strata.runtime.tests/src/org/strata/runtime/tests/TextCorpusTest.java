package org.strata.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.runtime.CorpusSplit;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.InputFileException;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

class TextCorpusTest {
    private final TextCorpus builtIn = TextCorpus.builtIn();

    @Test
    void builtInCorpusIsLargeAndVaried() {
        assertTrue(builtIn.texts().size() >= 320, builtIn.toString());
        assertEquals(builtIn.texts().size(), new HashSet<>(builtIn.texts()).size(), "no text appears twice");
        long paraphraseGroups = builtIn.groups().stream().filter(g -> g.size() > 1).count();
        assertTrue(paraphraseGroups >= 60, "paraphrase groups: " + paraphraseGroups);
        System.out.println("[corpus] " + builtIn + ", " + paraphraseGroups + " paraphrase groups, calibration "
                + builtIn.calibration().size() + ", evaluation " + builtIn.evaluation().size());
    }

    @Test
    void builtInPassagesHaveAtLeast256Tokens() {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(EmbeddedModels.fp32().tokenizer());
        List<String> passages = all(builtIn.passages());
        assertTrue(passages.size() >= 32, "passages: " + passages.size());
        assertEquals(passages.size(), new HashSet<>(passages).size(), "passages are distinct");
        int shortest = passages.stream().mapToInt(p -> tokenizer.tokenize(p).size()).min().orElseThrow();
        assertTrue(shortest >= 256, "shortest passage has " + shortest + " WordPiece tokens");
    }

    @Test
    void splitsAreDisjointCompleteAndKeepGroupsTogether() {
        assertDisjointAndComplete(new CorpusSplit(builtIn.calibration(), builtIn.evaluation()), builtIn.texts());
        Set<String> evaluation = new HashSet<>(builtIn.evaluation());
        for (List<String> group : builtIn.groups()) {
            long onEvaluationSide = group.stream().filter(evaluation::contains).count();
            assertTrue(onEvaluationSide == 0 || onEvaluationSide == group.size(), "group split apart: " + group);
        }
        int groups = builtIn.groups().size();
        long evaluationGroups = builtIn.groups().stream().filter(g -> evaluation.contains(g.get(0))).count();
        assertEquals((groups + 1) / 2, evaluationGroups, "half the groups (rounded up) are for evaluation");
        List<String> passages = all(builtIn.passages());
        assertDisjointAndComplete(builtIn.passages(), passages);
        assertEquals(passages.size() / 2, builtIn.passages().evaluation().size());
    }

    @Test
    void splitIsDeterministicAndIndependentOfFileOrder(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (List<String> group : builtIn.groups()) {
            lines.add(group.get(0));
            group.subList(1, group.size()).forEach(p -> lines.add("~ " + p));
        }
        Path inOrder = dir.resolve("in-order.txt");
        Files.write(inOrder, lines);
        // The same groups in reverse order, written as JSON lines with explicit group names.
        List<String> reversed = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>(builtIn.groups());
        Collections.reverse(groups);
        for (int g = 0; g < groups.size(); g++) {
            for (String text : groups.get(g)) {
                reversed.add("{\"text\": \"" + text.replace("\"", "\\\"") + "\", \"group\": \"g" + g + "\"}");
            }
        }
        Path reversedFile = dir.resolve("reversed.jsonl");
        Files.write(reversedFile, reversed);

        TextCorpus a = TextCorpus.fromFile(inOrder);
        TextCorpus b = TextCorpus.fromFile(reversedFile);
        assertEquals(builtIn.evaluation(), a.evaluation(), "same text, same split");
        assertEquals(Set.copyOf(a.evaluation()), Set.copyOf(b.evaluation()), "file order does not matter");
        assertEquals(Set.copyOf(a.calibration()), Set.copyOf(b.calibration()));
        assertEquals(CorpusSplit.empty(), a.passages(), "a single file has no passages");
    }

    @Test
    void readsPlainAndJsonLinesAndSkipsCommentsAndBlanks(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("texts.txt");
        Files.writeString(file, """
                # my corpus

                The first text.
                ~ A paraphrase of the first text.
                {"text": "From JSON.", "group": "x"}
                {"text": "Also group x."}
                {"text": "Joins group x.", "group": "x"}
                """);
        TextCorpus corpus = TextCorpus.fromFile(file);
        assertEquals(List.of(List.of("The first text.", "A paraphrase of the first text."),
                List.of("From JSON.", "Joins group x."), List.of("Also group x.")), corpus.groups());
        assertEquals(5, corpus.calibration().size() + corpus.evaluation().size());
    }

    @Test
    void badJsonNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, "{\"text\": \"fine\"}\n# comment\n{\"text\": \"missing quote}\n");
        InputFileException e = assertThrows(InputFileException.class, () -> TextCorpus.fromFile(file));
        assertTrue(e.getMessage().startsWith(file + ", line 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());

        Files.writeString(file, "{\"title\": \"no text field\"}\n");
        e = assertThrows(InputFileException.class, () -> TextCorpus.fromFile(file));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("\"text\""), e.getMessage());
    }

    @Test
    void emptyFilesAndOrphanParaphrasesAreErrors(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "# only a comment\n\n   \n");
        InputFileException e = assertThrows(InputFileException.class, () -> TextCorpus.fromFile(empty));
        assertTrue(e.getMessage().contains("empty.txt") && e.getMessage().contains("no texts"), e.getMessage());

        Path orphan = dir.resolve("orphan.txt");
        Files.writeString(orphan, "~ a paraphrase of nothing\n");
        e = assertThrows(InputFileException.class, () -> TextCorpus.fromFile(orphan));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());

        assertThrows(InputFileException.class, () -> TextCorpus.fromFile(dir.resolve("missing.txt")));
    }

    private static List<String> all(CorpusSplit split) {
        List<String> all = new ArrayList<>(split.calibration());
        all.addAll(split.evaluation());
        return all;
    }

    private static void assertDisjointAndComplete(CorpusSplit split, List<String> texts) {
        Set<String> overlap = new HashSet<>(split.calibration());
        overlap.retainAll(split.evaluation());
        assertTrue(overlap.isEmpty(), "in both splits: " + overlap);
        assertEquals(texts.size(), split.calibration().size() + split.evaluation().size());
        assertEquals(Set.copyOf(texts), Set.copyOf(all(split)));
        assertTrue(!split.calibration().isEmpty() && !split.evaluation().isEmpty());
    }
}
