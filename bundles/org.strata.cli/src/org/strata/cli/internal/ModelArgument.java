package org.strata.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;

/**
 * A model named on the command line: a path, or one of the embedded models by keyword ({@code minilm} for
 * all-MiniLM-L6-v2 fp32, {@code minilm-int8} for its upstream int8 sibling). A file of that name wins.
 */
record ModelArgument(Path path, Path tokenizer, String label) {
    static final String FP32 = "minilm";
    static final String INT8 = "minilm-int8";

    static ModelArgument resolve(String arg, Console console) {
        if (arg == null || arg.equals(FP32)) {
            if (arg == null || !Files.exists(console.resolve(arg))) return embedded(EmbeddedModels.fp32(), "embedded all-MiniLM-L6-v2 fp32");
        }
        if (INT8.equals(arg) && !Files.exists(console.resolve(arg))) {
            return embedded(EmbeddedModels.int8(), "embedded all-MiniLM-L6-v2 int8 (upstream quantize_dynamic)");
        }
        Path p = console.resolve(arg);
        Path tok = p.resolveSibling("tokenizer.json");
        return new ModelArgument(p, Files.isRegularFile(tok) ? tok : null, p.toString());
    }

    /**
     * The two models of a command comparing B with A: both named, or neither (MiniLM fp32 and int8).
     *
     * @throws Args.UsageException for one model or more than two
     */
    static ModelArgument[] pair(java.util.List<String> positionals, String command, Console console) {
        if (positionals.size() == 1 || positionals.size() > 2) {
            throw new Args.UsageException(command + " takes two models (or none), not " + positionals.size());
        }
        return new ModelArgument[] { resolve(positionals.isEmpty() ? null : positionals.get(0), console),
                resolve(positionals.isEmpty() ? INT8 : positionals.get(1), console) };
    }

    private static ModelArgument embedded(EmbeddedModel m, String label) {
        return new ModelArgument(m.model(), m.tokenizer(), label);
    }
}
