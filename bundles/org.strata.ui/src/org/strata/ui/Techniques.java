package org.strata.ui;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.strata.cli.internal.Extensions;
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
 * run time, or uninstalled), and technique bundles of the extensions folder: loaded at start-up, installed from a
 * file, uninstalled.
 */
@Creatable
@Singleton
public class Techniques {
    @Inject
    IEventBroker broker;

    private BundleContext context;
    private volatile List<String> extensionProblems = List.of();
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
     * The extensions folder, the same one {@code ./strata install} writes and every start of the workbench and of
     * the headless product (a run's child process) loads: {@code -Dstrata.extensions}, else
     * {@code <strata.home>/extensions}, else {@code ~/.strata/extensions}.
     */
    public Path extensionsFolder() {
        return Extensions.folder();
    }

    /**
     * Loads every technique bundle of the extensions folder into the workbench (at start-up; slow bundles are waited
     * for, so call it off the UI thread). Bundles that fail are skipped; their reasons are kept in
     * {@link #extensionProblems()} and the Techniques part shows them.
     */
    public List<String> loadExtensions() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Extensions.loadAll(context, extensionsFolder(), ps);
        }
        List<String> problems = err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                .map(l -> l.replaceFirst("^strata: ", "")).toList();
        extensionProblems = problems;
        changed();
        return problems;
    }

    /** Why extensions of the folder could not be loaded at the last start (empty when all loaded). */
    public List<String> extensionProblems() {
        return extensionProblems;
    }

    /**
     * Installs the technique bundle in {@code jar}: checks it, loads it into the workbench (its techniques appear as
     * soon as Declarative Services activates them) and copies it into the {@link #extensionsFolder() extensions
     * folder}, so it is there after a restart and in every run's child process. Waits until its techniques are
     * registered: call it off the UI thread.
     *
     * @throws StrataException saying what is wrong with the file and what to do; nothing is installed then
     */
    public Extensions.Installed install(Path jar) {
        Path p = jar.toAbsolutePath().normalize();
        try {
            return Extensions.install(context, extensionsFolder(), p);
        } catch (StrataException e) {
            throw new StrataException(e.getMessage() + ". A technique plug-in is an OSGi bundle jar with a Declarative Services component that "
                    + "provides org.strata.core.Technique (see docs/writing-a-technique.md).", e);
        } finally {
            changed();
        }
    }

    /**
     * Removes the extension {@code symbolicName}: unloaded from the workbench and deleted from the extensions folder.
     *
     * @throws StrataException when it is not an installed extension or cannot be removed
     */
    public Extensions.Removed uninstall(String symbolicName) {
        try {
            return Extensions.uninstall(context, extensionsFolder(), symbolicName);
        } finally {
            changed();
        }
    }

    /** The bundle that registers technique {@code id}, if one does. */
    public Optional<Bundle> provider(String id) {
        try {
            for (ServiceReference<Technique> r : context.getServiceReferences(Technique.class, null)) {
                Technique t = context.getService(r);
                try {
                    if (t != null && id.equals(t.descriptor().id())) return Optional.ofNullable(r.getBundle());
                } finally {
                    if (t != null) context.ungetService(r);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Optional.empty();
    }

    /** Whether {@code b} was installed from the extensions folder (and so can be uninstalled). */
    public static boolean isExtension(Bundle b) {
        return b != null && b.getLocation().startsWith(Extensions.LOCATION_PREFIX);
    }

    private void changed() {
        IEventBroker b = broker;
        if (b != null) b.post(Topics.TECHNIQUES_CHANGED, "extensions");
    }
}
