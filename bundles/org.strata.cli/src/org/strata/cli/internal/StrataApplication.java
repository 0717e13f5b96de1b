package org.strata.cli.internal;

import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;

/** The headless Equinox application behind {@code ./strata}: hands the arguments to {@link Cli}. */
public final class StrataApplication implements IApplication {
    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        Path cwd = Path.of(System.getProperty("strata.cwd", System.getProperty("user.dir")));
        // third-party technique bundles installed with `strata install`: loaded before any command looks for techniques
        Extensions.loadAll(FrameworkUtil.getBundle(StrataApplication.class).getBundleContext(), Extensions.folder(), System.err);
        int code = new Cli(System.out, System.err, cwd).run(Arrays.asList(args == null ? new String[0] : args));
        System.out.flush();
        System.err.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // commands are short-lived; nothing to interrupt
    }
}
