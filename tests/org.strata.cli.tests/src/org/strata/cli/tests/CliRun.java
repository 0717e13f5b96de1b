package org.strata.cli.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.strata.cli.internal.Cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** One {@code strata} command run in-process from folder {@code cwd}, with what it printed and its exit code. */
record CliRun(int code, String out, String err) {
    static CliRun of(Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), cwd)
                .run(List.of(args));
        CliRun r = new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("$ strata " + String.join(" ", args) + "  -> exit " + code + "\n" + r.out + r.err);
        return r;
    }

    JsonObject json() {
        return JsonParser.parseString(out).getAsJsonObject();
    }
}
