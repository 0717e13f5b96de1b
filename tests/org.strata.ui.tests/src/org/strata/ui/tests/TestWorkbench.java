package org.strata.ui.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The real workbench booted the way the product boots it: {@link E4Application#createE4Workbench} with the
 * product's branding (Application.e4xmi, its model fragments, the life-cycle class, the CSS), then
 * {@code createAndRunUI} on a UI thread of its own. Tests talk to it through {@link #sync}; one workbench
 * serves all tests of a JVM (GTK allows one display).
 */
@SuppressWarnings("restriction")
public final class TestWorkbench {
    private static TestWorkbench instance;

    final Display display;
    final E4Workbench workbench;
    final Thread uiThread;

    private TestWorkbench(Display display, E4Workbench workbench, Thread uiThread) {
        this.display = display;
        this.workbench = workbench;
        this.uiThread = uiThread;
    }

    static synchronized TestWorkbench get() throws Exception {
        if (instance == null) instance = boot();
        return instance;
    }

    private static TestWorkbench boot() throws Exception {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new IllegalStateException("the workbench tests need an X display: run them under xvfb-run (./strata test does)");
        }
        CountDownLatch ready = new CountDownLatch(1);
        AtomicReference<Object[]> made = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread ui = new Thread(() -> {
            try {
                Display display = new Display();
                E4Application app = new E4Application();
                E4Workbench wb = app.createE4Workbench(new Branding(), display);
                made.set(new Object[] {display, wb});
                display.asyncExec(ready::countDown);
                wb.createAndRunUI(wb.getApplication());
            } catch (Throwable t) {
                failure.set(t);
                ready.countDown();
            }
        }, "workbench-ui");
        ui.setDaemon(true);
        ui.start();
        if (!ready.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("the workbench did not come up in 120 s");
        if (failure.get() != null) throw new IllegalStateException("the workbench failed to start", failure.get());
        return new TestWorkbench((Display) made.get()[0], (E4Workbench) made.get()[1], ui);
    }

    MApplication application() {
        return workbench.getApplication();
    }

    MWindow window() {
        return application().getChildren().get(0);
    }

    IEclipseContext windowContext() {
        return window().getContext();
    }

    <T> T service(Class<T> type) {
        return sync(() -> windowContext().get(type));
    }

    <T> T sync(Supplier<T> s) {
        AtomicReference<T> r = new AtomicReference<>();
        AtomicReference<RuntimeException> e = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                r.set(s.get());
            } catch (RuntimeException x) {
                e.set(x);
            }
        });
        if (e.get() != null) throw e.get();
        return r.get();
    }

    void run(Runnable r) {
        sync(() -> {
            r.run();
            return null;
        });
    }

    /** Runs {@code r} on the UI thread without waiting (for actions that open a modal dialog). */
    void later(Runnable r) {
        display.asyncExec(r);
    }

    /** Waits until {@code condition} (evaluated on the UI thread) holds. */
    void waitUntil(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (sync(condition::getAsBoolean)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    /** A modal dialog now open: its title and the texts of its labels; null when none is open. */
    record DialogText(Shell shell, String title, String text) {
    }

    DialogText openDialog(String titlePart) {
        return sync(() -> {
            for (Shell s : display.getShells()) {
                if (s.isDisposed() || !s.isVisible() || !s.getText().contains(titlePart)) continue;
                List<String> texts = new ArrayList<>();
                collect(s, texts);
                return new DialogText(s, s.getText(), String.join("\n", texts));
            }
            return null;
        });
    }

    /** Waits for a dialog whose title contains {@code titlePart}, reads it and closes it. */
    DialogText closeDialog(String titlePart, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            DialogText d = openDialog(titlePart);
            if (d != null) {
                run(() -> d.shell().close());
                return d;
            }
            Thread.sleep(50);
        }
        List<String> titles = sync(() -> java.util.Arrays.stream(display.getShells()).map(Shell::getText).toList());
        throw new AssertionError("no dialog titled '" + titlePart + "' within " + timeout.toSeconds() + " s; shells: " + titles);
    }

    private static void collect(Control c, List<String> out) {
        if (c instanceof Label l && !l.getText().isBlank()) out.add(l.getText());
        if (c instanceof org.eclipse.swt.widgets.Composite comp) for (Control k : comp.getChildren()) collect(k, out);
    }

    /** The branding of org.strata.ui's product extension, as the product's launcher hands it over. */
    private static final class Branding implements IApplicationContext {
        private static final Map<String, String> PROPERTIES = Map.of("applicationXMI", "org.strata.ui/Application.e4xmi", "applicationCSS",
                "platform:/plugin/org.strata.ui/css/strata.css", "lifeCycleURI", "bundleclass://org.strata.ui/org.strata.ui.internal.LifeCycle",
                "appName", "Strata", "persistState", "false", "clearPersistedState", "true");

        @Override
        public Map<String, Object> getArguments() {
            return Map.of(IApplicationContext.APPLICATION_ARGS, new String[0]);
        }

        @Override
        public void applicationRunning() {
        }

        @Override
        public String getBrandingApplication() {
            return "org.eclipse.e4.ui.workbench.swt.E4Application";
        }

        @Override
        public String getBrandingName() {
            return "Strata";
        }

        @Override
        public String getBrandingDescription() {
            return "Strata";
        }

        @Override
        public String getBrandingId() {
            return "org.strata.ui.product";
        }

        @Override
        public String getBrandingProperty(String key) {
            return PROPERTIES.get(key);
        }

        @Override
        public Bundle getBrandingBundle() {
            return FrameworkUtil.getBundle(org.strata.ui.ModelStore.class);
        }

        @Override
        public void setResult(Object result, org.eclipse.equinox.app.IApplication application) {
        }
    }
}
