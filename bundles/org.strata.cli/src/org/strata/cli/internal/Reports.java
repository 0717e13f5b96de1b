package org.strata.cli.internal;

import java.nio.charset.StandardCharsets;

import org.strata.core.OutputFolder;
import org.strata.core.report.RunReport;
import org.strata.model.RunRecord;
import org.strata.onnx.AtomicFile;

/** Writes the run record and its reports into the output folder. */
final class Reports {
    static final String HTML = "report.html";
    static final String JSON = "report.json";

    private Reports() {
    }

    static void write(RunRecord record, OutputFolder out) {
        out.writeRecord(record);
        byte[] json = RunReport.toJson(record).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(out.dir().resolve(JSON), o -> o.write(json));
        RunReport.writeHtml(record, out.dir().resolve(HTML));
    }
}
