package org.strata.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.strata.core.report.RunReport;
import org.strata.model.Pipeline;
import org.strata.model.RunRecord;
import org.strata.model.Step;
import org.strata.model.io.PipelineFiles;
import org.strata.onnx.AtomicFile;
import org.strata.onnx.Model;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.StrataException;

/**
 * The shippable result of a run (DESIGN promise 4): {@code model.onnx} with provenance in its
 * {@code metadata_props}, the tokenizer, {@code run-record.xmi}, and the reports. Every file is written
 * atomically. A folder that already holds files Strata did not write is refused, so a user's files are
 * never overwritten; a previous Strata run in the folder is replaced. No time stamps go into the model, so
 * the same pipeline on the same model with the same Strata gives the same bytes.
 */
public final class OutputFolder {
    public static final String MODEL = "model.onnx";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String RECORD = "run-record.xmi";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_HTML = "report.html";

    private final Path dir;

    public OutputFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** @throws StrataException when the folder cannot be used; nothing is written then */
    public void checkUsable() {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new StrataException(dir + " exists and is not a folder; choose another --out");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                var names = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
                if (!names.isEmpty() && !names.contains(RECORD)) {
                    throw new StrataException(dir + " already holds files Strata did not write (" + names.stream().sorted().limit(3).toList()
                            + "); choose another --out or empty it");
                }
            } catch (IOException e) {
                throw new StrataException("cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) throw new StrataException(dir + " is not writable; choose another --out");
        } catch (IOException e) {
            throw new StrataException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes the model (with provenance) and the tokenizer; sets the record's output path. */
    public Path writeModel(Model model, Pipeline pipeline, RunRecord record, Path tokenizer) {
        checkUsable();
        model.putMetadata("strata.version", record.getStrataVersion());
        model.putMetadata("strata.pipeline", String.valueOf(pipeline.getName()));
        model.putMetadata("strata.steps", pipeline.getSteps().stream().filter(Step::isEnabled)
                .map(s -> s.getTechniqueId() + s.getParameters().stream().map(p -> p.getName() + "=" + p.getValue())
                        .collect(Collectors.joining(",", "(", ")")))
                .collect(Collectors.joining(" → ")));
        model.putMetadata("strata.source.fingerprint", record.getBaseline() == null ? "" : record.getBaseline().getFingerprint());
        Path out = dir.resolve(MODEL);
        ModelWriter.write(model, out);
        if (tokenizer != null && Files.isRegularFile(tokenizer)) {
            try {
                byte[] bytes = Files.readAllBytes(tokenizer);
                AtomicFile.write(dir.resolve(TOKENIZER), o -> o.write(bytes));
            } catch (IOException e) {
                throw new StrataException("cannot copy the tokenizer " + tokenizer + ": " + e.getMessage(), e);
            }
        }
        record.setOutputModel(out.toString());
        return out;
    }

    /** Writes the run record and its JSON and HTML reports; returns the HTML report's path. */
    public Path writeRecordAndReports(RunRecord record) {
        PipelineFiles.save(record, dir.resolve(RECORD));
        RunReport.writeJson(record, dir.resolve(REPORT_JSON));
        Path html = dir.resolve(REPORT_HTML);
        RunReport.writeHtml(record, html);
        return html;
    }
}
