package org.strata.core.tests.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.model.Pipeline;
import org.strata.model.io.FormatMigration;
import org.strata.model.io.PipelineFiles;
import org.strata.onnx.StrataException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Pipeline files across Strata versions: files of every released format load unchanged, an older format is migrated
 * with a note (and saved in the current one), a newer format or one without a migration path is refused with both
 * versions named.
 */
class PipelineFormatTest {
    @TempDir
    Path tmp;

    /** examples/default.strata as Strata 0.1.0 first wrote it (model format 1.0): must keep loading. */
    private static final String RELEASED_1_0 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <strata:Pipeline xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:strata="http://strata.org/model/1.0"
                name="default" description="Lossless clean-up, then dynamic int8 quantization (weights per channel, activations at run time, embedding tables too)."
                sourceModel="minilm">
              <steps techniqueId="cleanup.graph" label="clean up"/>
              <steps techniqueId="quantize.dynamic-int8" label="int8"/>
              <evaluation threads="1" batch="1" rounds="20" warmup="3">
                <sequenceLengths>16</sequenceLengths>
                <sequenceLengths>128</sequenceLengths>
                <sequenceLengths>256</sequenceLengths>
              </evaluation>
              <goal minMeanCosine="0.99" maxLatencyRatio="0.6"/>
            </strata:Pipeline>
            """;

    /** A format older than 1.0 in which a step named its technique with {@code technique=}: exercises the migration chain. */
    private static final FormatMigration RENAME_TECHNIQUE = new FormatMigration("0.9", "1.0", "steps name their technique with techniqueId",
            doc -> {
                NodeList steps = doc.getElementsByTagName("steps");
                for (int i = 0; i < steps.getLength(); i++) {
                    Element s = (Element) steps.item(i);
                    if (s.hasAttribute("technique")) {
                        s.setAttribute("techniqueId", s.getAttribute("technique"));
                        s.removeAttribute("technique");
                    }
                }
            });

    private Path file(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String format(String version, String stepAttribute) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <strata:Pipeline xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:strata="http://strata.org/model/%s" name="old">
                  <steps %s="cleanup.graph" label="clean up"/>
                  <goal maxSizeRatio="0.9"/>
                </strata:Pipeline>
                """.formatted(version, stepAttribute);
    }

    @Test
    void theCurrentFormatIsOneZeroAndReleasedFilesLoadWithoutNotes() throws Exception {
        assertEquals("1.0", PipelineFiles.CURRENT_FORMAT);
        Pipeline p = PipelineFiles.loadPipeline(file("released-0.1.0.strata", RELEASED_1_0));
        assertEquals(List.of("cleanup.graph", "quantize.dynamic-int8"), p.getSteps().stream().map(s -> s.getTechniqueId()).toList());
        assertEquals(List.of(16, 128, 256), p.getEvaluation().getSequenceLengths());
        assertEquals(0.6, p.getGoal().getMaxLatencyRatio());
        assertEquals(List.of(), PipelineFiles.notes(p));
        Path shipped = Path.of(System.getProperty("user.dir")).resolve("../../examples/default.strata").normalize();
        if (Files.isRegularFile(shipped)) assertEquals(List.of(), PipelineFiles.notes(PipelineFiles.loadPipeline(shipped)));
    }

    @Test
    void anOlderFormatIsMigratedWithANoteAndSavedInTheCurrentOne() throws Exception {
        Path old = file("old.strata", format("0.9", "technique"));
        String before = Files.readString(old);
        Pipeline p = PipelineFiles.loadPipeline(old, List.of(RENAME_TECHNIQUE));
        assertEquals("cleanup.graph", p.getSteps().get(0).getTechniqueId());
        assertEquals("clean up", p.getSteps().get(0).getLabel());
        assertEquals(0.9, p.getGoal().getMaxSizeRatio());
        List<String> notes = PipelineFiles.notes(p);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("migrated old.strata from model format 0.9 to 1.0: steps name their technique with techniqueId"), notes.get(0));
        assertEquals(before, Files.readString(old), "loading never rewrites the file");
        Path saved = tmp.resolve("saved.strata");
        PipelineFiles.save(p, saved);
        assertTrue(Files.readString(saved).contains("http://strata.org/model/1.0"));
        assertEquals(List.of(), PipelineFiles.notes(PipelineFiles.loadPipeline(saved)));
    }

    @Test
    void aNewerFormatIsRefusedNamingBothVersions() throws Exception {
        StrataException e = assertThrows(StrataException.class, () -> PipelineFiles.loadPipeline(file("new.strata", format("1.1", "techniqueId"))));
        assertTrue(e.getMessage().contains("model format 1.1, written by a newer Strata") && e.getMessage().contains("reads format 1.0 and older"),
                e.getMessage());
    }

    @Test
    void anOlderFormatWithoutMigrationPathIsRefused() throws Exception {
        Path older = file("older.strata", format("0.8", "technique"));
        StrataException e = assertThrows(StrataException.class, () -> PipelineFiles.loadPipeline(older, List.of(RENAME_TECHNIQUE)));
        assertTrue(e.getMessage().contains("knows no migration from format 0.8") && e.getMessage().contains("[0.9]"), e.getMessage());
        StrataException none = assertThrows(StrataException.class, () -> PipelineFiles.loadPipeline(file("o.strata", format("0.9", "technique"))));
        assertTrue(none.getMessage().contains("model format 0.9"), none.getMessage());
    }
}
