package org.strata.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code strata install BUNDLE.jar}: checks that the jar is an OSGi bundle with a technique component, loads it into
 * the running framework to prove it resolves and registers its techniques, then copies it into the extensions folder,
 * which every later start loads (see {@link Extensions}). {@code strata install --list} lists what is installed.
 */
final class InstallCommand implements Command {
    @Override
    public String name() {
        return "install";
    }

    @Override
    public String summary() {
        return "install a technique bundle (a jar) so that every later run has its techniques; --list shows them";
    }

    @Override
    public String usage() {
        return """
                Usage: ./strata install BUNDLE.jar [--json]
                       ./strata install --list [--json]
                Checks that BUNDLE.jar is an OSGi bundle with a Declarative Services component providing
                org.strata.core.Technique, starts it to prove it resolves against this Strata and registers its
                techniques, then copies it into the extensions folder (%s),
                which Strata loads at every start. A newer build of the same bundle replaces the old one.
                Set STRATA_EXTENSIONS (or -Dstrata.extensions) to use another folder. Remove with ./strata uninstall NAME."""
                .formatted(Extensions.folder());
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of();
    }

    @Override
    public Set<String> flags() {
        return Set.of("list");
    }

    @Override
    public int run(Args args, Console c) {
        Path folder = Extensions.folder();
        if (args.flag("list")) {
            if (!args.positionals().isEmpty()) throw new Args.UsageException("--list takes no bundle");
            return list(folder, c);
        }
        if (args.positionals().size() != 1) throw new Args.UsageException("install takes one bundle jar");
        Path source = c.resolve(args.positionals().get(0));
        BundleContext ctx = FrameworkUtil.getBundle(InstallCommand.class).getBundleContext();
        Extensions.Installed done = Extensions.install(ctx, folder, source);
        Extensions.Loaded loaded = done.loaded();
        Extensions.Info info = loaded.info();
        Optional<String> previous = done.replaced();
        if (c.json) {
            JsonObject o = describe(info, done.jar(), loaded.techniqueIds());
            previous.ifPresent(p -> o.addProperty("replaced", p));
            c.printJson(o);
        } else {
            c.printf("Installed %s %s (techniques: %s) into %s%s.%n", info.symbolicName(), info.version(), String.join(", ", loaded.techniqueIds()),
                    folder, previous.map(p -> ", replacing version " + p).orElse(""));
            c.println("It is loaded at every start; remove it with ./strata uninstall " + info.symbolicName() + ".");
        }
        return 0;
    }

    static JsonObject describe(Extensions.Info info, Path jar, List<String> techniques) {
        JsonObject o = new JsonObject();
        o.addProperty("symbolicName", info.symbolicName());
        o.addProperty("version", info.version());
        o.addProperty("jar", jar.toString());
        JsonArray ids = new JsonArray();
        techniques.forEach(ids::add);
        o.add("techniques", ids);
        return o;
    }

    private static int list(Path folder, Console c) {
        BundleContext ctx = FrameworkUtil.getBundle(InstallCommand.class).getBundleContext();
        List<Path> jars = Extensions.jars(folder);
        JsonArray a = new JsonArray();
        if (!c.json) c.printf("Extensions folder: %s%n", folder);
        for (Path jar : jars) {
            Extensions.Info i = Extensions.inspectLeniently(jar);
            List<String> ids = Extensions.installed(ctx, jar).map(Extensions::techniqueIds).orElse(List.of());
            if (c.json) {
                a.add(describe(i, jar, ids));
            } else {
                c.printf("  %s %s  %s%s%n", i.symbolicName(), i.version(), jar.getFileName(),
                        ids.isEmpty() ? "  (not loaded: run any command to see why)" : "  techniques: " + String.join(", ", ids));
            }
        }
        if (c.json) {
            c.printJson(a);
        } else if (jars.isEmpty()) {
            c.println("  (none installed)");
        }
        return 0;
    }
}
