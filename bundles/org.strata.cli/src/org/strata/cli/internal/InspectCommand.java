package org.strata.cli.internal;

import java.nio.file.Files;
import java.util.Map;
import java.util.Set;

import org.strata.onnx.DataType;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelSummary;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/** {@code strata inspect [model]}: size, opsets, op histogram, weights by type and the discovered structure. */
final class InspectCommand implements Command {
    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String summary() {
        return "show a model's size, opsets, op histogram, weights by type and transformer structure";
    }

    @Override
    public String usage() {
        return """
                Usage: ./strata inspect [MODEL] [--json] [--debug]
                  MODEL   an .onnx file, or 'minilm' / 'minilm-int8' for the embedded models (default: minilm)
                Shows the file size, IR version and opsets, inputs and outputs, the op histogram, initializer
                bytes by element type, and the discovered transformer structure (blocks, hidden size, heads,
                FFN size, activation, norm kind).""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of();
    }

    @Override
    public Set<String> flags() {
        return Set.of("ops");
    }

    @Override
    public int run(Args args, Console c) throws Exception {
        if (args.positionals().size() > 1) throw new Args.UsageException("inspect takes one model, not " + args.positionals().size());
        ModelArgument arg = ModelArgument.resolve(args.positionals().isEmpty() ? null : args.positionals().get(0), c);
        Model model = ModelReader.read(arg.path());
        long fileBytes = Files.size(arg.path());
        ModelSummary s = ModelSummary.of(model);
        StructureReport structure = StructureReport.of(model);
        if (c.json) {
            JsonObject o = new JsonObject();
            o.addProperty("model", arg.label());
            o.addProperty("file", arg.path().toString());
            o.addProperty("fileBytes", fileBytes);
            o.add("summary", new Gson().toJsonTree(s));
            o.add("structure", structure.toJson());
            c.printJson(o);
            return 0;
        }
        c.printf("Model       %s%n", arg.label());
        c.printf("File        %s (%s)%n", arg.path(), Console.bytes(fileBytes));
        c.printf("Format      IR %d, producer %s, opsets %s%n", s.irVersion(), s.producer().isEmpty() ? "unknown" : s.producer(),
                s.opsets().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        s.inputs().forEach(p -> c.printf("Input       %s %s%n", p.name(), p.type()));
        s.outputs().forEach(p -> c.printf("Output      %s %s%n", p.name(), p.type()));
        c.printf("Weights     %,d parameters, %s%s%n", s.parameterCount(), Console.bytes(s.weightBytes()),
                s.externalData() ? " (external data)" : "");
        for (Map.Entry<DataType, ModelSummary.Weights> e : s.weights().entrySet()) {
            c.printf("  %-9s %5d tensors %,15d elements %12s%n", e.getKey().onnxName(), e.getValue().tensors(), e.getValue().elements(),
                    Console.bytes(e.getValue().bytes()));
        }
        c.printf("Nodes       %d%n", s.nodeCount());
        s.opHistogram().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> c.printf("  %-32s %5d%n", e.getKey(), e.getValue()));
        structure.print(c);
        return 0;
    }
}
