package org.strata.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

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
        BundleContext ctx = FrameworkUtil.getBundle(UninstallCommand.class).getBundleContext();
        Extensions.Removed removed = Extensions.uninstall(ctx, folder, name);
        Extensions.Info info = removed.info();
        List<String> ids = removed.techniqueIds();
        if (c.json) {
            c.printJson(InstallCommand.describe(info, info.jar(), ids));
        } else {
            c.printf("Uninstalled %s %s%s (removed %s).%n", info.symbolicName(), info.version(),
                    ids.isEmpty() ? "" : "; techniques gone: " + String.join(", ", ids), info.jar());
        }
        return 0;
    }
}
