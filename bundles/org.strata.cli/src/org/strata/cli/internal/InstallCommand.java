package org.strata.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.strata.core.Technique;
import org.strata.onnx.StrataException;

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
        Extensions.Info info = Extensions.inspect(source);
        BundleContext ctx = FrameworkUtil.getBundle(InstallCommand.class).getBundleContext();
        for (Bundle b : ctx.getBundles()) {
            if (info.symbolicName().equals(b.getSymbolicName()) && !b.getLocation().startsWith(Extensions.LOCATION_PREFIX)) {
                throw new StrataException(source + " is " + info.symbolicName() + ", a bundle of Strata itself; only new bundles can be installed");
            }
        }
        Optional<Extensions.Info> previous = Extensions.find(folder, info.symbolicName());
        Path target = folder.resolve(info.symbolicName() + ".jar");
        if (previous.isPresent() && !previous.get().jar().equals(target)) {
            // installed earlier under another file name: unload it so the new build does not meet the old one
            Extensions.installed(ctx, previous.get().jar()).ifPresent(InstallCommand::uninstallQuietly);
        }
        Extensions.Loaded loaded = Extensions.activate(ctx, info, Extensions.location(target));
        List<String> clashes = clashes(ctx, loaded);
        if (!clashes.isEmpty()) {
            uninstallQuietly(loaded.bundle());
            throw new StrataException(info.symbolicName() + " was not installed: " + String.join("; ", clashes));
        }
        if (!source.toAbsolutePath().normalize().equals(target)) Extensions.copyInto(folder, source, target.getFileName().toString());
        if (previous.isPresent() && !previous.get().jar().equals(target)) {
            try {
                Files.deleteIfExists(previous.get().jar());
            } catch (java.io.IOException e) {
                throw new StrataException("installed " + target + " but could not remove the earlier " + previous.get().jar() + ": " + e.getMessage(), e);
            }
        }
        if (c.json) {
            JsonObject o = describe(loaded.info(), target, loaded.techniqueIds());
            previous.ifPresent(p -> o.addProperty("replaced", p.version()));
            c.printJson(o);
        } else {
            c.printf("Installed %s %s (techniques: %s) into %s%s.%n", info.symbolicName(), info.version(), String.join(", ", loaded.techniqueIds()),
                    folder, previous.map(p -> ", replacing version " + p.version()).orElse(""));
            c.println("It is loaded at every start; remove it with ./strata uninstall " + info.symbolicName() + ".");
        }
        return 0;
    }

    /** Technique ids the new bundle registers that another bundle registers too. */
    private static List<String> clashes(BundleContext ctx, Extensions.Loaded loaded) {
        List<String> out = new ArrayList<>();
        try {
            for (ServiceReference<Technique> r : ctx.getServiceReferences(Technique.class, null)) {
                if (r.getBundle() == null || r.getBundle().equals(loaded.bundle())) continue;
                Technique t = ctx.getService(r);
                try {
                    if (t != null && loaded.techniqueIds().contains(t.descriptor().id())) {
                        out.add("technique id " + t.descriptor().id() + " is already provided by " + r.getBundle().getSymbolicName());
                    }
                } finally {
                    if (t != null) ctx.ungetService(r);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void uninstallQuietly(Bundle b) {
        try {
            b.uninstall();
        } catch (org.osgi.framework.BundleException | IllegalStateException ignored) {
            // already gone
        }
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
