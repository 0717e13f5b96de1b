package org.strata.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.onnx.StrataException;

/**
 * Dispatches {@code strata <command> [options]}. Exit codes: 0 success, 1 a failure explained in one line
 * (bad model, unreadable file, …), 2 a usage mistake, 3 an internal error. No stack trace unless
 * {@code --debug}.
 */
public final class Cli {
    private final PrintStream out;
    private final PrintStream err;
    private final Path cwd;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(PrintStream out, PrintStream err, Path cwd) {
        this.out = out;
        this.err = err;
        this.cwd = cwd;
        for (Command c : List.of(new PipelineCommand(true), new PipelineCommand(false), new TechniquesCommand(), new ValidateCommand(),
                new InspectCommand(), new CompareCommand(), new DivergeCommand(), new BenchCommand(), new InstallCommand(),
                new UninstallCommand())) commands.put(c.name(), c);
    }

    public int run(List<String> argv) {
        boolean debug = argv.contains("--debug");
        if (argv.isEmpty() || argv.get(0).equals("help") || argv.get(0).equals("--help") || argv.get(0).equals("-h")) {
            if (argv.size() > 1 && commands.containsKey(argv.get(1))) {
                out.println(commands.get(argv.get(1)).usage());
            } else {
                printHelp(out);
            }
            return 0;
        }
        if (argv.get(0).equals("--version") || argv.get(0).equals("version")) {
            out.println("strata " + version());
            return 0;
        }
        Command c = commands.get(argv.get(0));
        if (c == null) {
            err.println("strata: unknown command '" + argv.get(0) + "'. Commands: " + String.join(", ", commands.keySet())
                    + " (see ./strata help)");
            return 2;
        }
        List<String> rest = new ArrayList<>(argv.subList(1, argv.size()));
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(c.usage());
            return 0;
        }
        try {
            Set<String> flags = new HashSet<>(c.flags());
            flags.add("json");
            flags.add("debug");
            Args args = Args.parse(rest, c.valuedOptions(), flags);
            return c.run(args, new Console(out, err, args.flag("json"), cwd));
        } catch (Args.UsageException e) {
            err.println("strata " + c.name() + ": " + e.getMessage());
            err.println(c.usage());
            return 2;
        } catch (StrataException e) {
            err.println("strata " + c.name() + ": " + oneLine(e.getMessage()));
            if (debug) e.printStackTrace(err);
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("strata " + c.name() + ": out of memory; give Strata more with STRATA_HEAP=12g ./strata …");
            return 1;
        } catch (Exception | LinkageError | StackOverflowError e) {
            err.println("strata " + c.name() + ": internal error: " + e + (debug ? "" : " (run again with --debug for details)"));
            if (debug) e.printStackTrace(err);
            return 3;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "(no message)" : s.replace('\n', ' ').strip();
    }

    private void printHelp(PrintStream p) {
        p.println("Strata " + version() + " — compress transformer ONNX models and see what each step costs and buys.");
        p.println();
        p.println("Usage: ./strata <command> [options]      (./strata help <command> for details)");
        p.println();
        for (Command c : commands.values()) p.printf("  %-10s %s%n", c.name(), c.summary());
        p.println();
        p.println("Every command takes --json for machine-readable output and --debug to show stack traces.");
        p.println("Without a model argument, commands use the embedded all-MiniLM-L6-v2 (fp32, and its upstream int8 sibling).");
    }

    static String version() {
        org.osgi.framework.Bundle b = org.osgi.framework.FrameworkUtil.getBundle(Cli.class);
        return b == null ? "dev" : b.getVersion().toString();
    }
}
