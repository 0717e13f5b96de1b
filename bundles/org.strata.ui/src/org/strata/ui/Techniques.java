package org.strata.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceListener;
import org.osgi.util.tracker.ServiceTracker;
import org.strata.core.Technique;
import org.strata.core.TechniqueRegistry;
import org.strata.onnx.StrataException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The workbench's view of the {@link TechniqueRegistry}: the techniques installed now, a
 * {@link Topics#TECHNIQUES_CHANGED} event whenever a technique service comes or goes (a bundle installed at
 * run time, or uninstalled), and installing a technique bundle from a file.
 */
@Creatable
@Singleton
public class Techniques {
    @Inject
    IEventBroker broker;

    private BundleContext context;
    private ServiceTracker<TechniqueRegistry, TechniqueRegistry> tracker;
    private final ServiceListener listener = e -> {
        IEventBroker b = broker;
        if (b != null) b.post(Topics.TECHNIQUES_CHANGED, e.getType());
    };

    @PostConstruct
    void open() {
        context = FrameworkUtil.getBundle(Techniques.class).getBundleContext();
        tracker = new ServiceTracker<>(context, TechniqueRegistry.class, null);
        tracker.open();
        try {
            context.addServiceListener(listener, "(objectClass=" + Technique.class.getName() + ")");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        context.removeServiceListener(listener);
        tracker.close();
    }

    /**
     * The registry, waiting up to five seconds while Declarative Services starts it.
     *
     * @throws StrataException when it does not come
     */
    public TechniqueRegistry registry() {
        try {
            TechniqueRegistry r = tracker.waitForService(5_000);
            if (r == null) throw new StrataException("the technique registry is not running (is org.strata.core started with Felix SCR?)");
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException("interrupted while waiting for the technique registry");
        }
    }

    public List<Technique> all() {
        return registry().techniques();
    }

    public Optional<Technique> find(String id) {
        return registry().find(id);
    }

    /**
     * Installs and starts the bundle in {@code jar}; its techniques appear as soon as Declarative Services
     * activates them.
     *
     * @throws StrataException saying what is wrong with the file and what to do
     */
    public Bundle install(Path jar) {
        Path p = jar.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isRegularFile(p)) throw new StrataException(p + ": no such file");
        Bundle b;
        try {
            b = context.installBundle(p.toUri().toString());
        } catch (BundleException e) {
            throw new StrataException(p.getFileName() + " is not an installable bundle: " + e.getMessage()
                    + ". A technique plug-in is an OSGi bundle jar with a Technique component (see examples/README.md).", e);
        }
        try {
            b.start();
        } catch (BundleException e) {
            try {
                b.uninstall();
            } catch (BundleException ignored) {
                // it was never started; leaving it installed would be worse than this failure
            }
            throw new StrataException(p.getFileName() + " could not be started: " + e.getMessage()
                    + ". It needs a Strata version it can resolve against; check its Import-Package.", e);
        }
        return b;
    }
}
