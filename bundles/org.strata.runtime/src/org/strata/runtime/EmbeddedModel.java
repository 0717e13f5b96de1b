package org.strata.runtime;

import java.nio.file.Path;

/**
 * A model that ships inside Strata, extracted to a local file so that ONNX Runtime can map it: the ONNX
 * file and the Hugging Face {@code tokenizer.json} that goes with it.
 *
 * @param name      what a person calls it, e.g. {@code all-MiniLM-L6-v2 (fp32)}
 * @param model     the extracted {@code .onnx} file
 * @param tokenizer the extracted {@code tokenizer.json}
 */
public record EmbeddedModel(String name, Path model, Path tokenizer) {}
