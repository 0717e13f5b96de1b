package org.strata.cli.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.strata.core.ModelRunner;
import org.strata.core.analysis.BlockDivergence;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code strata diverge [A B]}: where B's error against A enters, block by block (see {@link BlockDivergence}):
 * per block the mean and worst per-token cosine and the relative error of B's block output against A's, on
 * calibration texts (never the evaluation split).
 */
final class DivergeCommand implements Command {
    @Override
    public String name() {
        return "diverge";
    }

    @Override
    public String summary() {
        return "per-block divergence of model B from model A: where the error enters";
    }

    @Override
    public String usage() {
        return """
                Usage: ./strata diverge [A B] [--texts N] [--values V1,V2] [--data FILE] [--json]
                  A, B          .onnx files, or 'minilm' / 'minilm-int8' (default: minilm minilm-int8)
                  --texts N     calibration texts both models run on (default 16)
                  --values ...  also compare these named values, present in both models
                  --data FILE   your own texts instead of the built-in corpus (its calibration part is used)
                Blocks are found in each model from its structure and matched by number, so A and B may be written
                in different forms (fp32 and int8, plain and fused). Per point: mean and worst cosine per real
                token, and relative error ||B - A|| / ||A||. Models of different depth cannot be compared.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("texts", "values", "data");
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public int run(Args args, Console c) throws Exception {
        List<String> pos = args.positionals();
        ModelArgument[] models = ModelArgument.pair(pos, "diverge", c);
        ModelArgument a = models[0];
        ModelArgument b = models[1];
        int texts = args.intOption("texts", BlockDivergence.DEFAULT_TEXTS, 1, 10_000);
        String values = args.option("values", null);
        List<String> named = values == null ? List.of() : Arrays.stream(values.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        TextCorpus corpus = args.option("data", null) == null ? TextCorpus.builtIn() : TextCorpus.fromFile(c.resolve(args.option("data", null)));

        Model ma = ModelReader.read(a.path());
        Model mb = ModelReader.read(b.path());
        List<BlockDivergence.Point> points = BlockDivergence.points(ma, mb, named);
        Path tok = a.tokenizer() != null ? a.tokenizer() : b.tokenizer();
        ModelRunner runner = new ModelRunner(tok == null ? null : WordPieceTokenizer.load(tok), corpus.calibration(), SessionSettings.defaults());
        c.progress("strata: running " + a.label() + " and " + b.label() + " on " + (runner.usesText() ? texts + " calibration texts of "
                + corpus.name() : "seeded random tokens (no tokenizer next to the models)") + ", comparing " + points.size() + " points");
        BlockDivergence.Result r = BlockDivergence.measure(runner, ma, mb, points, texts);
        if (c.json) {
            JsonObject o = new JsonObject();
            o.addProperty("a", a.label());
            o.addProperty("b", b.label());
            o.addProperty("sequences", r.sequences());
            o.addProperty("text", r.text());
            JsonArray rows = new JsonArray();
            for (BlockDivergence.Row row : r.rows()) {
                JsonObject j = new JsonObject();
                j.addProperty("point", row.point().label());
                j.addProperty("a", row.point().reference());
                j.addProperty("b", row.point().candidate());
                j.addProperty("meanCosine", row.meanCosine());
                j.addProperty("minCosine", row.minCosine());
                j.addProperty("relativeError", row.relativeError());
                j.addProperty("tokens", row.vectors());
                if (row.problem() != null) j.addProperty("problem", row.problem());
                rows.add(j);
            }
            o.add("points", rows);
            c.printJson(o);
            return 0;
        }
        c.printf("B  %s%nagainst%nA  %s%non %d %s, per real token:%n%n", b.label(), a.label(), r.sequences(),
                r.text() ? "calibration texts" : "sequences of random tokens");
        c.out.print(r.format());
        return 0;
    }
}
