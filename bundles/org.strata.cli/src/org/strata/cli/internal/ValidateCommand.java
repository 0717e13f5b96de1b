package org.strata.cli.internal;

import java.util.List;
import java.util.Set;

import org.strata.core.PipelineValidator;
import org.strata.model.Pipeline;
import org.strata.model.io.PipelineFiles;

/** {@code strata validate P.strata}: the pipeline file's form, techniques and parameters, without running it. */
final class ValidateCommand implements Command {
    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check a pipeline file: techniques installed, parameters of the right type and in range";
    }

    @Override
    public String usage() {
        return "Usage: ./strata validate PIPELINE.strata [--json]\nExits 0 when the pipeline is valid, 1 with one line per problem otherwise.";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of();
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public int run(Args args, Console c) {
        if (args.positionals().size() != 1) throw new Args.UsageException("validate takes one pipeline file");
        var file = c.resolve(args.positionals().get(0));
        Pipeline p = PipelineFiles.loadPipeline(file);
        PipelineFiles.notes(p).forEach(n -> c.progress("strata: " + n));
        List<String> problems = PipelineValidator.problems(p, file, Services.registry());
        if (c.json) {
            var o = new com.google.gson.JsonObject();
            o.addProperty("file", file.toString());
            o.addProperty("valid", problems.isEmpty());
            o.add("problems", new com.google.gson.Gson().toJsonTree(problems));
            c.printJson(o);
        } else if (problems.isEmpty()) {
            c.printf("%s: valid (%d steps: %s)%n", file, p.getSteps().size(), p.getSteps().stream().map(s -> s.getTechniqueId()).toList());
        } else {
            problems.forEach(c.err::println);
        }
        return problems.isEmpty() ? 0 : 1;
    }
}
