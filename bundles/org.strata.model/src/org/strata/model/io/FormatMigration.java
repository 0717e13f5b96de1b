package org.strata.model.io;

import java.util.function.Consumer;

import org.w3c.dom.Document;

/**
 * One step of the pipeline-file format's history: how a document of model format {@code from} becomes one of format
 * {@code to}, as an edit of its XML (attributes renamed, elements moved, defaults made explicit). {@link PipelineFiles}
 * chains them from a file's format up to the current one and tells the user what changed through {@code note}.
 *
 * @param from    the older format, e.g. {@code "1.0"} (the version at the end of the namespace {@code http://strata.org/model/1.0})
 * @param to      the format it becomes
 * @param note    what the migration changed, for people ("step parameter 'bits' is now 'weight-bits'")
 * @param rewrite edits the document in place; namespaces are switched to {@code to} afterwards by the loader
 */
public record FormatMigration(String from, String to, String note, Consumer<Document> rewrite) {
}
