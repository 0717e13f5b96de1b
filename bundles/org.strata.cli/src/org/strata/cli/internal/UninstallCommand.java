package org.strata.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.strata.onnx.StrataException;

/** {@code strata uninstall NAME}: removes an extension installed with {@code strata install}, by symbolic name or jar name. */
final class UninstallCommand implements Command {
    @Override
    public String name() {
        return "uninstall";
    }

    @Override
    public String summary() {
        return "remove a technique bundle installed with 'install' (by symbolic name)";
    }

    @Override
    public String usage() {
        return """
                Usage: ./strata uninstall NAME [--json]
                Removes the extension whose Bundle-SymbolicName (or jar file name) is NAME from the extensions folder
                and from the running framework; its techniques are gone from then on. ./strata install --list shows names.""";
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
        if (args.positionals().size() != 1) throw new Args.UsageException("uninstall takes one extension name");
        String name = args.positionals().get(0);
        Path folder = Extensions.folder();
        Extensions.Info info = Extensions.find(folder, name).orElseThrow(() -> new StrataException("no extension '" + name + "' is installed in "
                + folder + "; installed: " + Extensions.jars(folder).stream().map(j -> Extensions.inspectLeniently(j).symbolicName()).toList()));
        BundleContext ctx = FrameworkUtil.getBundle(UninstallCommand.class).getBundleContext();
        List<String> ids = List.of();
        Bundle b = Extensions.installed(ctx, info.jar()).orElse(null);
        if (b != null) {
            ids = Extensions.techniqueIds(b);
            try {
                b.uninstall();
            } catch (BundleException e) {
                throw new StrataException("could not unload " + info.symbolicName() + ": " + Extensions.oneLine(e.getMessage()), e);
            }
        }
        try {
            Files.delete(info.jar());
        } catch (IOException e) {
            throw new StrataException("could not delete " + info.jar() + ": " + e.getMessage(), e);
        }
        if (c.json) {
            c.printJson(InstallCommand.describe(info, info.jar(), ids));
        } else {
            c.printf("Uninstalled %s %s%s (removed %s).%n", info.symbolicName(), info.version(),
                    ids.isEmpty() ? "" : "; techniques gone: " + String.join(", ", ids), info.jar());
        }
        return 0;
    }
}
