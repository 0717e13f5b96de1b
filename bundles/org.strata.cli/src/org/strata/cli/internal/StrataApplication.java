package org.strata.cli.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

public final class StrataApplication implements IApplication {
    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        System.out.println("strata " + String.join(" ", args) + " ORT " + org.strata.runtime.OrtVersion.version());
        return IApplication.EXIT_OK;
    }
    @Override
    public void stop() {}
}
