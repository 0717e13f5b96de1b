package org.strata.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.strata.ui.ModelStore;
import org.strata.ui.RunEntry;
import org.strata.ui.parts.ModelsPart;
import org.strata.ui.parts.PipelineEditorPart;
import org.strata.ui.parts.ResultsPart;
import org.strata.ui.parts.StructurePart;
import org.strata.ui.parts.TechniquesPart;

/**
 * For the documentation: started with {@code -Dstrata.tour=FOLDER}, the workbench drives itself through its
 * parts — open the sample model, look at its structure and the techniques, build a pipeline, run it, look at
 * the results — saving a PNG of the window at each stop, then quits. {@code docs/screenshots.sh} runs it
 * under Xvfb.
 */
final class ScreenshotTour {
    private final IEclipseContext context;
    private final Display display;
    private final Path folder;

    ScreenshotTour(IEclipseContext context, Display display, Path folder) {
        this.context = context;
        this.display = display;
        this.folder = folder;
    }

    void start() {
        Thread t = new Thread(() -> {
            try {
                run();
            } catch (Throwable e) {
                System.err.println("strata tour: " + e);
                e.printStackTrace();
            } finally {
                display.asyncExec(() -> context.get(IWorkbench.class).close());
            }
        }, "strata-screenshot-tour");
        t.setDaemon(true);
        t.start();
    }

    private void run() throws Exception {
        Files.createDirectories(folder);
        waitUntil(Duration.ofSeconds(60), () -> windowShell() != null && windowShell().isVisible());
        sync(() -> {
            windowShell().setBounds(0, 0, 1600, 1000);
            return null;
        });
        execute("org.strata.ui.command.openSample", Map.of("org.strata.ui.commandparameter.sample", "minilm"));
        ModelStore store = context.get(ModelStore.class);
        // The open runs as a job: its phase, progress bar and Cancel button are in the status line meanwhile.
        if (waitFor(Duration.ofSeconds(20), () -> store.selected() != null || statusText().startsWith("Opening"))
                && store.selected() == null) {
            shot("model-opening.png", 250);
        }
        waitUntil(Duration.ofSeconds(120), () -> store.selected() != null);
        show("org.strata.ui.part.models");
        StructurePart structure = (StructurePart) show("org.strata.ui.part.structure");
        show("org.strata.ui.part.run");
        shot("models.png");

        TechniquesPart techniques = (TechniquesPart) show("org.strata.ui.part.techniques");
        sync(() -> {
            techniques.select("quantize.dynamic-int8");
            return null;
        });
        shot("techniques.png");

        // A pipeline of three steps; first with a value out of range, as a user might type it.
        weights(66, 34);
        execute("org.strata.ui.command.newPipeline", Map.of());
        PipelineEditorPart editor = sync(() -> (PipelineEditorPart) ctx().get(EPartService.class).getActivePart().getObject());
        String bad = "max-folded-elements";
        sync(() -> {
            editor.document().edit("Name the pipeline", () -> editor.document().pipeline().setName("minilm-int8"));
            editor.addStep("cleanup.graph");
            editor.addStep("fuse.transformer");
            editor.addStep("quantize.dynamic-int8");
            editor.select(0);
            Text field = (Text) editor.form().field(bad);
            if (field != null) {
                field.setText("999999999");
                field.notifyListeners(SWT.DefaultSelection, new Event());
                editor.reveal(bad);
            }
            return null;
        });
        show("org.strata.ui.part.models");
        shot("pipeline-validation.png");
        Path pipelineFile = Files.createTempDirectory("strata-tour").resolve("tour.strata");
        sync(() -> {
            editor.select(0);
            Text field = (Text) editor.form().field(bad);
            if (field != null) {
                field.setText("16777216");
                field.notifyListeners(SWT.DefaultSelection, new Event());
            }
            editor.select(2);
            editor.saveTo(pipelineFile);
            return null;
        });
        shot("pipeline-editor.png");

        weights(58, 42);
        RunEntry run = (RunEntry) execute("org.strata.ui.command.runPipeline", Map.of());
        waitUntil(Duration.ofSeconds(120), () -> run.currentStep() >= 1 || run.state().ended());
        Thread.sleep(1500);
        shot("run-progress.png");
        waitUntil(Duration.ofMinutes(10), () -> run.state().ended());
        Thread.sleep(1000);
        shot("run-done.png");

        // Results get the window: their stack maximized (double-click its tab), the others minimized to the trim.
        ResultsPart results = (ResultsPart) show("org.strata.ui.part.results");
        maximize("org.strata.ui.partstack.bottom", true);
        Thread.sleep(500);
        shot("results.png");
        sync(() -> {
            results.tabs().setSelection(1);
            return null;
        });
        shot("results-charts.png");
        sync(() -> {
            results.tabs().setSelection(2);
            return null;
        });
        shot("results-analyses.png");
        sync(() -> {
            results.tabs().setSelection(4);
            return null;
        });
        shot("results-run.png");
        maximize("org.strata.ui.partstack.bottom", false);

        // A second run without the lossy step, to compare with.
        weights(58, 42);
        sync(() -> {
            ctx().get(EPartService.class).activate(findEditorPart(editor));
            editor.select(2);
            editor.setEnabled(2, false);
            return null;
        });
        RunEntry second = (RunEntry) execute("org.strata.ui.command.runPipeline", Map.of());
        waitUntil(Duration.ofMinutes(10), () -> second.state().ended());
        show("org.strata.ui.part.results");
        maximize("org.strata.ui.partstack.bottom", true);
        sync(() -> {
            int n = results.runTable().getItemCount();
            if (n >= 2) results.runTable().setSelection(new int[] {n - 2, n - 1});
            results.compareSelected();
            return null;
        });
        shot("compare.png");
        maximize("org.strata.ui.partstack.bottom", false);

        // The structure again, now with the analyses the first run recorded on this model.
        weights(58, 42);
        sync(() -> {
            ctx().get(EPartService.class).showPart("org.strata.ui.part.structure", EPartService.PartState.ACTIVATE);
            structure.selectBlock(0);
            return null;
        });
        show("org.strata.ui.part.run");
        shot("structure.png");

        // Bad input: a file that is not a model is explained in a dialog, and nothing is written.
        Path corrupt = Files.createTempFile("corrupt", ".onnx");
        try {
            Files.writeString(corrupt, "this is not an ONNX model");
            ModelsPart models = (ModelsPart) show("org.strata.ui.part.models");
            display.asyncExec(() -> models.open(corrupt.toString()));
            waitUntil(Duration.ofSeconds(60), () -> dialog("Could not open the model") != null);
            shot("error-dialog.png");
            sync(() -> {
                dialog("Could not open the model").close();
                return null;
            });
        } finally {
            Files.deleteIfExists(corrupt);
        }
    }

    private Shell dialog(String title) {
        for (Shell s : display.getShells()) if (s.isVisible() && s.getText().contains(title)) return s;
        return null;
    }

    /** Maximizes a part stack as a double-click on its tab does (the MinMax add-on minimizes the others), or restores it. */
    private void maximize(String stackId, boolean on) {
        sync(() -> {
            var stack = ctx().get(EModelService.class).find(stackId, context.get(MApplication.class));
            if (stack == null) return null;
            if (on) stack.getTags().add(org.eclipse.e4.ui.workbench.IPresentationEngine.MAXIMIZED);
            else stack.getTags().remove(org.eclipse.e4.ui.workbench.IPresentationEngine.MAXIMIZED);
            return null;
        });
    }

    private String statusText() {
        var c = ctx().get(EModelService.class).find("org.strata.ui.toolcontrol.status", context.get(MApplication.class));
        return c instanceof org.eclipse.e4.ui.model.application.ui.menu.MToolControl t && t.getObject() instanceof org.strata.ui.parts.StatusLine l
                ? l.text() : "";
    }

    /** Waits until {@code c} holds; false when it did not within {@code timeout}. */
    private boolean waitFor(Duration timeout, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (sync(c::getAsBoolean)) return true;
            Thread.sleep(20);
        }
        return false;
    }

    /** Shares the right-hand column between the editor area and the bottom stack (Run, Results). */
    private void weights(int editors, int bottom) {
        sync(() -> {
            EModelService models = ctx().get(EModelService.class);
            MApplication app = context.get(MApplication.class);
            var editorsStack = models.find("org.strata.ui.partstack.editors", app);
            var bottomStack = models.find("org.strata.ui.partstack.bottom", app);
            if (editorsStack != null && bottomStack != null) {
                editorsStack.setContainerData(Integer.toString(editors));
                bottomStack.setContainerData(Integer.toString(bottom));
            }
            return null;
        });
    }

    /** The main window's context once it exists (part and handler services are per window). */
    private IEclipseContext ctx() {
        var app = context.get(org.eclipse.e4.ui.model.application.MApplication.class);
        if (app != null && !app.getChildren().isEmpty() && app.getChildren().get(0).getContext() != null) return app.getChildren().get(0).getContext();
        return context;
    }

    private MPart findEditorPart(PipelineEditorPart editor) {
        for (MPart p : ctx().get(EPartService.class).getParts()) if (p.getObject() == editor) return p;
        return null;
    }

    private Shell windowShell() {
        for (Shell s : display.getShells()) if (s.getText().startsWith("Strata") && s.getParent() == null) return s;
        return null;
    }

    private Object show(String id) {
        return sync(() -> ctx().get(EPartService.class).showPart(id, EPartService.PartState.ACTIVATE).getObject());
    }

    private Object execute(String id, Map<String, Object> params) {
        return sync(() -> {
            ParameterizedCommand c = ctx().get(ECommandService.class).createCommand(id, params);
            return ctx().get(EHandlerService.class).executeHandler(c);
        });
    }

    private void shot(String name) throws Exception {
        shot(name, 600);
    }

    /** Saves the window after {@code settleMillis} for layouts and paints to settle. */
    private void shot(String name, int settleMillis) throws Exception {
        Thread.sleep(settleMillis);
        sync(() -> {
            while (display.readAndDispatch()) {
                // let pending paints happen
            }
            Shell s = windowShell();
            Rectangle r = s.getBounds();
            // Without a window manager the bounds include room for decorations that are not drawn: take the shell
            // from its top (menu bar) down to the bottom of its client area.
            int bottom = s.toDisplay(0, s.getClientArea().height).y;
            Rectangle screen = display.getBounds();
            int height = Math.max(1, Math.min(bottom, screen.y + screen.height) - r.y);
            int width = Math.max(1, Math.min(r.width, screen.x + screen.width - r.x));
            Image img = new Image(display, width, height);
            GC gc = new GC(display);
            gc.copyArea(img, r.x, r.y);
            gc.dispose();
            ImageData data = img.getImageData();
            img.dispose();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {data};
            loader.save(folder.resolve(name).toString(), SWT.IMAGE_PNG);
            return null;
        });
        System.err.println("strata tour: " + folder.resolve(name));
    }

    private <T> T sync(Supplier<T> s) {
        AtomicReference<T> r = new AtomicReference<>();
        display.syncExec(() -> r.set(s.get()));
        return r.get();
    }

    private void waitUntil(Duration timeout, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (sync(c::getAsBoolean)) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("tour step timed out after " + timeout);
    }
}
