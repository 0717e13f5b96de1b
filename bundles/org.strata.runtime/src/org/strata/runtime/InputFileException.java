package org.strata.runtime;

import java.nio.file.Path;

import org.strata.onnx.StrataException;

/**
 * A file a person gave Strata (a tokenizer, a vocabulary, a text corpus) cannot be used as it is. The
 * message names the file, the line where there is one, what is wrong and what to do about it.
 */
public class InputFileException extends StrataException {
    private static final long serialVersionUID = 1L;

    public InputFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public InputFileException(Path file, int line, String problem) {
        super(file + ", line " + line + ": " + problem);
    }

    public InputFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
