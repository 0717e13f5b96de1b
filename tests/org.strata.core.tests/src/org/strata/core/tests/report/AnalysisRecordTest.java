package org.strata.core.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.core.AnalysisTable;
import org.strata.core.Analyses;
import org.strata.core.report.RunReport;
import org.strata.model.RunRecord;
import org.strata.model.StepResult;
import org.strata.model.StrataFactory;
import org.strata.model.io.PipelineFiles;

/** Analyses travel from a technique's Change into the run record, its XMI file and its JSON. */
class AnalysisRecordTest {

    static AnalysisTable similarity() {
        return new AnalysisTable("layer-similarity", "Linear CKA between block outputs", AnalysisTable.Kind.HEATMAP,
                List.of("1", "2", "3"), List.of("1", "2", "3"),
                new double[][] {{1, 0.8, 0.5}, {0.8, 1, Double.NaN}, {0.5, 0.7, 1}}, "", "1 = identical");
    }

    @Test
    void aTableSurvivesTheRecordAndItsFile(@TempDir Path dir) throws Exception {
        RunRecord run = StrataFactory.eINSTANCE.createRunRecord();
        StepResult step = StrataFactory.eINSTANCE.createStepResult();
        step.getAnalyses().add(Analyses.toRecord(similarity()));
        run.getSteps().add(step);
        Path file = dir.resolve("run.strata-run");
        PipelineFiles.save(run, file);
        RunRecord back = PipelineFiles.loadRunRecord(file);
        AnalysisTable t = Analyses.fromRecord(back.getSteps().get(0).getAnalyses().get(0));
        assertEquals(similarity(), t);
        assertTrue(Double.isNaN(t.value(1, 2)));
        String json = RunReport.toJson(run);
        assertTrue(json.contains("\"layer-similarity\"") && json.contains("\"heatmap\""), json);
    }

    @Test
    void valuesMustFillTheLabels() {
        assertThrows(IllegalArgumentException.class, () -> new AnalysisTable("x", "x", AnalysisTable.Kind.BARS,
                List.of("a", "b"), List.of("v"), new double[][] {{1}}, "", ""));
    }
}
