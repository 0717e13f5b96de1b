package org.strata.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.bindings.EBindingService;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.strata.core.ParameterSpec;
import org.strata.model.StepStatus;
import org.strata.onnx.ModelWriter;
import org.strata.ui.ModelStore;
import org.strata.ui.OpenModel;
import org.strata.ui.RunEntry;
import org.strata.ui.RunService;
import org.strata.ui.StrataPreferences;
import org.strata.ui.Techniques;
import org.strata.ui.parts.ModelsPart;
import org.strata.ui.parts.PipelineEditorPart;
import org.strata.ui.parts.ResultsPart;
import org.strata.ui.charts.LineChart;
import org.strata.ui.parts.RunPart;
import org.strata.ui.parts.StatusLine;
import org.strata.ui.parts.StructurePart;
import org.strata.ui.parts.TechniquesPart;

/**
 * The workbench as a user drives it, booted from its application model (Application.e4xmi, the parts its
 * model fragment contributes, handlers reached through commands, DI), under Xvfb. Runs happen in real child
 * processes on the embedded MiniLM, with short measurements.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchTest {
    private static TestWorkbench wb;
    private static Path tmp;

    @BeforeAll
    static void boot() throws Exception {
        tmp = Files.createTempDirectory("strata-ui-test");
        // Technique bundles installed by the tests go to a folder of their own, never the user's ~/.strata/extensions.
        System.setProperty("strata.extensions", tmp.resolve("extensions").toString());
        wb = TestWorkbench.get();
        // Short measurements: the tests check the workflow, not the numbers.
        StrataPreferences.put(StrataPreferences.SEQUENCE_LENGTHS, "16");
        StrataPreferences.put(StrataPreferences.ROUNDS, "2");
        StrataPreferences.put(StrataPreferences.TEXTS, "8");
        StrataPreferences.put(StrataPreferences.OUTPUT_FOLDER, tmp.resolve("runs").toString());
        StrataPreferences.put(StrataPreferences.CHILD_HEAP, "2g");
    }

    @AfterAll
    static void close() {
        if (wb != null) wb.run(() -> wb.workbench.close());
    }

    private static Object execute(String commandId, Map<String, Object> parameters) {
        return wb.sync(() -> {
            ECommandService commands = wb.windowContext().get(ECommandService.class);
            EHandlerService handlers = wb.windowContext().get(EHandlerService.class);
            ParameterizedCommand c = commands.createCommand(commandId, parameters);
            assertNotNull(c, "no command " + commandId);
            return handlers.executeHandler(c);
        });
    }

    private static <T> T part(String id, Class<T> type) {
        return wb.sync(() -> {
            EPartService ps = wb.windowContext().get(EPartService.class);
            MPart p = ps.showPart(id, EPartService.PartState.ACTIVATE);
            return type.cast(p.getObject());
        });
    }

    private static StatusLine statusLine() {
        return wb.sync(() -> {
            MToolControl c = (MToolControl) wb.windowContext().get(EModelService.class).find("org.strata.ui.toolcontrol.status", wb.application());
            assertNotNull(c, "the status line is in the bottom trim");
            return (StatusLine) c.getObject();
        });
    }

    private static PipelineEditorPart newPipeline() {
        execute("org.strata.ui.command.newPipeline", Map.of());
        return wb.sync(() -> (PipelineEditorPart) wb.windowContext().get(EPartService.class).getActivePart().getObject());
    }

    @Test
    @Order(10)
    void bootsTheApplicationModelWithFragmentPartsHandlersAndKeyBindings() {
        assertEquals("Strata", wb.sync(() -> wb.window().getLabel()));
        EModelService models = wb.service(EModelService.class);
        for (String id : List.of("models", "techniques", "structure", "run", "results")) {
            MPart p = wb.sync(() -> (MPart) models.find("org.strata.ui.part." + id, wb.application()));
            assertNotNull(p, "part " + id + " was not contributed by the model fragment");
        }
        assertTrue(part("org.strata.ui.part.models", Object.class) instanceof ModelsPart);
        String save = wb.sync(() -> wb.application().getBindingTables().stream().flatMap(t -> t.getBindings().stream())
                .filter(k -> k.getCommand() != null && "org.strata.ui.command.save".equals(k.getCommand().getElementId()))
                .map(k -> k.getKeySequence()).findFirst().orElse(null));
        assertEquals("M1+S", save);
        assertNotNull(wb.service(EBindingService.class), "the binding service runs");
        // A stack maximized (a double-click on its tab) minimizes the others to the window's trim, and comes back.
        var bottom = wb.sync(() -> (org.eclipse.e4.ui.model.application.ui.basic.MPartStack) models.find("org.strata.ui.partstack.bottom", wb.application()));
        var left = wb.sync(() -> (org.eclipse.e4.ui.model.application.ui.basic.MPartStack) models.find("org.strata.ui.partstack.left", wb.application()));
        wb.run(() -> bottom.getTags().add(org.eclipse.e4.ui.workbench.IPresentationEngine.MAXIMIZED));
        assertTrue(wb.sync(() -> left.getTags().contains(org.eclipse.e4.ui.workbench.IPresentationEngine.MINIMIZED)), "the MinMax add-on minimized the others");
        wb.run(() -> bottom.getTags().remove(org.eclipse.e4.ui.workbench.IPresentationEngine.MAXIMIZED));
        assertFalse(wb.sync(() -> left.getTags().contains(org.eclipse.e4.ui.workbench.IPresentationEngine.MINIMIZED)), "and restored them");
    }

    @Test
    @Order(20)
    void opensTheDefaultModelAndShowsItsOpsAndBlocks() throws Exception {
        execute("org.strata.ui.command.openSample", Map.of("org.strata.ui.commandparameter.sample", "minilm"));
        ModelStore store = wb.service(ModelStore.class);
        wb.waitUntil("the model to open", Duration.ofSeconds(60), () -> store.selected() != null);
        ModelsPart models = part("org.strata.ui.part.models", ModelsPart.class);
        wb.waitUntil("the op histogram", Duration.ofSeconds(10), () -> models.opsChart().categories().contains("MatMul"));
        assertEquals(1, wb.sync(() -> models.modelsTable().getItemCount()));
        StructurePart structure = part("org.strata.ui.part.structure", StructurePart.class);
        wb.waitUntil("six blocks in Structure (" + wb.sync(() -> store.selected().structureProblem()) + ")", Duration.ofSeconds(10),
                () -> structure.blockCount() == 6);
        wb.run(() -> structure.selectBlock(0));
        assertTrue(wb.sync(() -> structure.nodesTable().getItemCount()) > 10, "block 1's nodes are listed");
    }

    @Test
    @Order(25)
    void openingAModelIsAJobCancelledFromTheStatusLineThatLeavesTheOpenModelsAsTheyWere() throws Exception {
        ModelStore store = wb.service(ModelStore.class);
        List<OpenModel> before = store.models();
        OpenModel selected = store.selected();
        assertNotNull(selected, "the previous test opened a model");
        ModelsPart models = part("org.strata.ui.part.models", ModelsPart.class);
        StatusLine status = statusLine();
        // the same sample again: a finished open would replace the model open now with a new one
        Job job = wb.sync(() -> models.open(ModelStore.MINILM));
        wb.waitUntil("the status line to show the open with a Cancel button", Duration.ofSeconds(30),
                () -> status.shown() == job && status.text().startsWith("Opening MiniLM (fp32)") && status.cancelButton().isVisible());
        long t0 = System.nanoTime();
        wb.run(() -> status.cancelButton().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event()));
        wb.waitUntil("the open job to end", Duration.ofSeconds(10), () -> job.getState() == Job.NONE && job.getResult() != null);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), job.getResult().toString());
        assertTrue(millis < 3000, "the cancel answered in " + millis + " ms, not after the whole read");
        assertEquals(before, store.models(), "the open models are the ones before");
        assertSame(selected, store.selected(), "the selection is the one before");
        assertEquals(1, wb.sync(() -> models.modelsTable().getItemCount()));
        wb.waitUntil("the status line to say it was cancelled", Duration.ofSeconds(5), () -> status.text().contains("cancelled"));
        assertFalse(wb.sync(() -> status.cancelButton().isVisible()));
    }

    @Test
    @Order(30)
    void listsEveryInstalledTechnique() {
        TechniquesPart t = part("org.strata.ui.part.techniques", TechniquesPart.class);
        List<String> ids = wb.sync(t::listedIds);
        assertTrue(ids.containsAll(List.of("cleanup.graph", "quantize.dynamic-int8", "fuse.transformer")), ids.toString());
    }

    @Test
    @Order(40)
    void anOutOfRangeParameterIsShownAtTheFieldAndAsAProblemOfItsStep() {
        PipelineEditorPart editor = newPipeline();
        wb.run(() -> editor.addStep("quantize.dynamic-int8"));
        wb.run(() -> editor.addStep("cleanup.graph"));
        // A numeric parameter with an upper bound, found from the descriptor (no technique named in this test's logic).
        ParameterSpec spec = wb.sync(() -> wb.service(Techniques.class).find("cleanup.graph").orElseThrow().descriptor().parameters().stream()
                .filter(p -> p.type() == ParameterSpec.Type.INT && p.max() != null).findFirst().orElseThrow());
        String tooBig = Long.toString(spec.max().longValue() + 1);
        String error = wb.sync(() -> {
            Text field = (Text) editor.form().field(spec.name());
            field.setText(tooBig);
            return editor.form().error(spec.name());
        });
        assertTrue(error.contains("out of range"), error);
        wb.run(() -> ((Text) editor.form().field(spec.name())).notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event()));
        List<String> problems = wb.sync(editor::problemsNow);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("step 2") && problems.get(0).contains(spec.name()) && problems.get(0).contains("out of range"),
                problems.get(0));
        assertTrue(wb.sync(() -> editor.problemsTable().getItemCount()) == 1);
        // Undo puts the default back, redo the bad value again; both through the EMF command stack.
        execute("org.strata.ui.command.undo", Map.of());
        assertTrue(wb.sync(editor::problemsNow).isEmpty());
        assertEquals(ParameterSpec.format(spec.defaultValue()), wb.sync(() -> ((Text) editor.form().field(spec.name())).getText()));
        execute("org.strata.ui.command.redo", Map.of());
        assertEquals(1, wb.sync(editor::problemsNow).size());
        // The run command refuses a pipeline with problems, in a dialog.
        wb.later(() -> execute("org.strata.ui.command.runPipeline", Map.of()));
        try {
            var d = wb.closeDialog("cannot run", Duration.ofSeconds(10));
            assertTrue(d.text().contains("out of range"), d.text());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertTrue(wb.sync(() -> editor.document().isDirty()));
    }

    @Test
    @Order(50)
    void aPipelineOfTwoTechniquesIsBuiltSavedRunAndItsResultsShown() throws Exception {
        PipelineEditorPart editor = newPipeline();
        wb.run(() -> editor.addStep("cleanup.graph"));
        wb.run(() -> editor.addStep("quantize.dynamic-int8"));
        wb.run(() -> editor.addStep("fuse.transformer"));
        execute("org.strata.ui.command.undo", Map.of());
        assertEquals(2, wb.sync(() -> editor.document().pipeline().getSteps().size()));
        execute("org.strata.ui.command.redo", Map.of());
        wb.run(() -> editor.select(2));
        wb.run(editor::removeSelected);
        wb.run(() -> editor.select(1));
        wb.run(() -> editor.moveSelected(-1));
        wb.run(() -> editor.moveSelected(1));
        assertEquals(List.of("cleanup.graph", "quantize.dynamic-int8"),
                wb.sync(() -> editor.document().pipeline().getSteps().stream().map(s -> s.getTechniqueId()).toList()));
        assertTrue(wb.sync(() -> editor.document().isDirty()));
        Path file = tmp.resolve("two.strata");
        assertTrue(wb.sync(() -> editor.saveTo(file)));
        assertFalse(wb.sync(() -> editor.document().isDirty()));
        assertTrue(Files.readString(file).contains("quantize.dynamic-int8"));

        RunEntry run = (RunEntry) execute("org.strata.ui.command.runPipeline", Map.of());
        assertNotNull(run);
        // The UI answers while the child works.
        long t0 = System.nanoTime();
        wb.run(() -> { });
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "the UI thread answered within 2 s during a run");
        wb.waitUntil("the run to end", Duration.ofSeconds(300), () -> run.state().ended());
        assertEquals(RunEntry.State.SUCCEEDED, run.state(), run.problem() + "\n" + String.join("\n", run.log()));
        assertEquals(List.of(StepStatus.APPLIED, StepStatus.APPLIED), run.record().getSteps().stream().map(s -> s.getStatus()).toList());
        double ratio = run.record().getSteps().get(1).getModelBytes() / (double) run.record().getBaseline().getModelBytes();
        assertTrue(ratio < 0.4, "int8 model is smaller: " + ratio);
        ResultsPart results = part("org.strata.ui.part.results", ResultsPart.class);
        wb.waitUntil("the run in Results", Duration.ofSeconds(10), () -> results.runTable().getItemCount() >= 1);
        assertEquals(3, wb.sync(() -> results.stepsTable().getItemCount()), "source + 2 steps");
        RunPart runPart = part("org.strata.ui.part.run", RunPart.class);
        assertEquals("applied", wb.sync(() -> runPart.stepTable().getItem(1).getText(2)));
        assertTrue(Files.isRegularFile(run.report()));
        // The lossy step's per-block divergence is drawn by kind, in Results and beside the blocks in Structure.
        assertTrue(wb.sync(results::analysisIds).contains("block-divergence"), wb.sync(results::analysisIds).toString());
        StructurePart structure = part("org.strata.ui.part.structure", StructurePart.class);
        assertTrue(wb.sync(structure::analysisIds).contains("block-divergence"), wb.sync(structure::analysisIds).toString());
        // Cosines and relative error are drawn on axes of their own, each scaled to its data.
        ResultsPart shown = part("org.strata.ui.part.results", ResultsPart.class);
        LineChart divergence = (LineChart) wb.sync(() -> shown.analysisChart("block-divergence"));
        assertNotNull(divergence);
        List<List<Integer>> panels = wb.sync(divergence::panels);
        assertEquals(List.of(List.of(0, 1), List.of(2)), panels, "mean and min cosine share a panel, the error has its own");
        var table = org.strata.core.Analyses.fromRecord(run.record().getSteps().get(1).getAnalyses().stream()
                .filter(a -> "block-divergence".equals(a.getId())).findFirst().orElseThrow());
        for (int p = 0; p < panels.size(); p++) {
            int panel = p;
            double[] axis = wb.sync(() -> divergence.axisRange(panel));
            double[] data = panels.get(p).stream().flatMapToDouble(r -> java.util.Arrays.stream(table.values()[r])).toArray();
            double lo = java.util.Arrays.stream(data).min().orElseThrow(), hi = java.util.Arrays.stream(data).max().orElseThrow();
            String what = "panel " + p + " data " + lo + ".." + hi + ", axis " + java.util.Arrays.toString(axis);
            assertTrue(lo >= axis[0] && hi <= axis[1], what);
            assertTrue((hi - lo) / (axis[1] - axis[0]) > 0.5, what);
        }
        wb.run(() -> shown.tabs().setSelection(2));
        wb.waitUntil("the divergence chart to be drawn", Duration.ofSeconds(10),
                () -> divergence.tooltipAt(divergence.getClientArea().width - 20) != null);
        String tip = wb.sync(() -> divergence.tooltipAt(divergence.getClientArea().width - 20));
        assertTrue(tip.startsWith("6\n") && tip.contains("mean cosine: ") && tip.contains("relative error: "), tip);
        // Everything the HTML report shows is in the part: the run's facts and log, per-step detail, fidelity per step.
        List<String> facts = wb.sync(() -> java.util.Arrays.stream(shown.factsTable().getItems()).map(i -> i.getText(0) + "=" + i.getText(1)).toList());
        assertTrue(facts.stream().anyMatch(f -> f.startsWith("Output model=" + run.outputFolder().getParent())), facts.toString());
        assertTrue(facts.stream().anyMatch(f -> f.startsWith("Threads · batch=1")), facts.toString());
        assertTrue(wb.sync(() -> shown.logText().getText()).contains("quantize.dynamic-int8"));
        List<String> columns = wb.sync(() -> java.util.Arrays.stream(shown.stepsTable().getColumns()).map(c -> c.getText()).toList());
        assertTrue(columns.containsAll(List.of("Time", "Nodes", "p50/p90 ms@16", "Other fidelity", "Kind", "Parameters", "Fingerprint")), columns.toString());
        String int8Row = wb.sync(() -> String.join("|", java.util.stream.IntStream.range(0, columns.size())
                .mapToObj(c -> shown.stepsTable().getItem(2).getText(c)).toList()));
        assertTrue(int8Row.contains("lossy · verified") || int8Row.contains("lossy · not verified"), int8Row);
        assertTrue(int8Row.contains("max |err|"), int8Row);
        assertEquals(List.of("mean cosine", "min cosine"), wb.sync(() -> shown.fidelityChart().panels().stream()
                .flatMap(p -> p.stream().map(i -> List.of("mean cosine", "min cosine").get(i))).toList()));
    }

    @Test
    @Order(60)
    void cancellingARunEndsTheChildAndLeavesTheModelUntouched() throws Exception {
        ModelStore store = wb.service(ModelStore.class);
        OpenModel model = store.selected();
        byte[] fileBefore = Files.readAllBytes(model.file());
        byte[] graphBefore = ModelWriter.toBytes(model.model());
        PipelineEditorPart editor = newPipeline();
        wb.run(() -> editor.addStep("cleanup.graph"));
        wb.run(() -> editor.addStep("quantize.dynamic-int8"));
        RunEntry run = (RunEntry) execute("org.strata.ui.command.runPipeline", Map.of());
        wb.waitUntil("the child to report progress", Duration.ofSeconds(120), () -> run.currentStep() >= 0 && run.isAlive());
        long pid = run.pid();
        RunPart runPart = part("org.strata.ui.part.run", RunPart.class);
        assertTrue(wb.sync(() -> runPart.cancelButton().isEnabled()));
        execute("org.strata.ui.command.cancelRun", Map.of());
        wb.waitUntil("the run to be cancelled", Duration.ofSeconds(15), () -> run.state().ended());
        assertEquals(RunEntry.State.CANCELLED, run.state());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the child process is gone");
        assertFalse(Files.exists(run.outputFolder().resolve("model.onnx")), "no output model from a cancelled run");
        assertArrayEquals(fileBefore, Files.readAllBytes(model.file()), "the model file is unchanged");
        assertArrayEquals(graphBefore, ModelWriter.toBytes(model.model()), "the open graph is unchanged");
        assertFalse(wb.sync(() -> runPart.cancelButton().isEnabled()));
    }

    @Test
    @Order(70)
    void badFilesAreExplainedAndLeftAlone() throws Exception {
        Path corrupt = tmp.resolve("corrupt.onnx");
        Files.write(corrupt, "this is not a protobuf model".getBytes(StandardCharsets.UTF_8));
        ModelsPart models = part("org.strata.ui.part.models", ModelsPart.class);
        wb.run(() -> models.open(corrupt.toString()));
        var d = wb.closeDialog("Could not open the model", Duration.ofSeconds(30));
        assertTrue(d.text().contains("corrupt.onnx") && d.text().contains("not changed"), d.text());
        StatusLine status = statusLine();
        wb.waitUntil("the status line to say the open failed", Duration.ofSeconds(5),
                () -> status.text().startsWith("Opening corrupt.onnx failed: ") && status.text().contains("not a readable ONNX model"));
        assertEquals("this is not a protobuf model", Files.readString(corrupt));

        Path newer = tmp.resolve("newer.strata");
        String newerText = Files.readString(tmp.resolve("two.strata")).replace("http://strata.org/model/1.0", "http://strata.org/model/2.0");
        Files.writeString(newer, newerText);
        wb.later(() -> execute("org.strata.ui.command.openPipeline", Map.of("org.strata.ui.commandparameter.path", newer.toString())));
        d = wb.closeDialog("Could not open the pipeline", Duration.ofSeconds(10));
        assertTrue(d.text().contains("newer Strata"), d.text());
        assertEquals(newerText, Files.readString(newer), "the newer file is untouched");

        Path unknown = tmp.resolve("unknown.strata");
        Files.writeString(unknown, Files.readString(tmp.resolve("two.strata")).replace("cleanup.graph", "nope.missing"));
        execute("org.strata.ui.command.openPipeline", Map.of("org.strata.ui.commandparameter.path", unknown.toString()));
        PipelineEditorPart editor = wb.sync(() -> (PipelineEditorPart) wb.windowContext().get(EPartService.class).getActivePart().getObject());
        List<String> problems = wb.sync(editor::problemsNow);
        assertTrue(problems.size() == 1 && problems.get(0).startsWith("step 1") && problems.get(0).contains("nope.missing"), problems.toString());
        assertTrue(wb.sync(() -> wb.display.getShells().length) >= 1, "the workbench is still running");
    }

    @Test
    @Order(80)
    void aTechniqueBundleInstalledAtRunTimeAppearsPersistsAndItsFailureIsExplained() throws Exception {
        Techniques techniques = wb.service(Techniques.class);
        Path folder = techniques.extensionsFolder();
        assertEquals(tmp.resolve("extensions"), folder);
        Job install = (Job) execute("org.strata.ui.command.installTechnique", Map.of("org.strata.ui.commandparameter.path", throwingBundle().toString()));
        install.join();
        var d = wb.closeDialog("Technique bundle installed", Duration.ofSeconds(20));
        assertTrue(d.text().contains(ThrowingTechnique.ID), d.text());
        assertTrue(Files.isRegularFile(folder.resolve("strata.test.throws.jar")), "the bundle was copied into the extensions folder");
        TechniquesPart t = part("org.strata.ui.part.techniques", TechniquesPart.class);
        wb.waitUntil("the new technique in the list", Duration.ofSeconds(10), () -> t.listedIds().contains(ThrowingTechnique.ID));

        // The run's child process loads it from the extensions folder, and its failure is explained.
        PipelineEditorPart editor = newPipeline();
        wb.run(() -> editor.addStep(ThrowingTechnique.ID));
        assertTrue(wb.sync(editor::problemsNow).isEmpty());
        RunEntry run = (RunEntry) execute("org.strata.ui.command.runPipeline", Map.of());
        wb.waitUntil("the run to end", Duration.ofSeconds(240), () -> run.state().ended());
        assertEquals(RunEntry.State.FAILED, run.state(), String.join("\n", run.log()));
        assertEquals(StepStatus.FAILED, run.record().getSteps().get(0).getStatus());
        assertTrue(run.problem().startsWith("Step 1 (" + ThrowingTechnique.ID + ") failed") && run.problem().contains(ThrowingTechnique.MESSAGE),
                run.problem());
        d = wb.closeDialog("did not succeed", Duration.ofSeconds(10));
        assertTrue(d.text().contains(ThrowingTechnique.MESSAGE), d.text());

        // A restart: the framework forgets the bundle; start-up loads the extensions folder again.
        Bundle b = techniques.provider(ThrowingTechnique.ID).orElseThrow();
        assertTrue(Techniques.isExtension(b), b.getLocation());
        b.uninstall();
        wb.waitUntil("the technique to go", Duration.ofSeconds(10), () -> !t.listedIds().contains(ThrowingTechnique.ID));
        assertTrue(techniques.loadExtensions().isEmpty(), techniques.extensionProblems().toString());
        wb.waitUntil("the technique back after the reload", Duration.ofSeconds(10), () -> t.listedIds().contains(ThrowingTechnique.ID));

        // Uninstalled: gone from the workbench and from the folder; the open pipeline marks its step.
        techniques.uninstall("strata.test.throws");
        wb.waitUntil("the technique to go", Duration.ofSeconds(10), () -> !t.listedIds().contains(ThrowingTechnique.ID));
        assertFalse(Files.exists(folder.resolve("strata.test.throws.jar")));
        assertTrue(wb.sync(editor::problemsNow).stream().anyMatch(p -> p.startsWith("step 1") && p.contains(ThrowingTechnique.ID)),
                wb.sync(editor::problemsNow).toString());
    }

    @Test
    @Order(90)
    void aJarThatIsNoTechniqueBundleIsRefusedWithItsReason() throws Exception {
        Path notABundle = tmp.resolve("plain.jar");
        try (OutputStream os = Files.newOutputStream(notABundle); JarOutputStream j = new JarOutputStream(os)) {
            j.putNextEntry(new JarEntry("readme.txt"));
            j.write("no manifest".getBytes(StandardCharsets.UTF_8));
        }
        Job install = (Job) execute("org.strata.ui.command.installTechnique", Map.of("org.strata.ui.commandparameter.path", notABundle.toString()));
        install.join();
        var d = wb.closeDialog("Could not install", Duration.ofSeconds(20));
        assertTrue(d.text().contains("plain.jar") && d.text().contains("Bundle-SymbolicName") && d.text().contains("Nothing was installed"), d.text());
        Path folder = wb.service(Techniques.class).extensionsFolder();
        assertTrue(!Files.isDirectory(folder) || Files.list(folder).noneMatch(p -> p.toString().endsWith(".jar")),
                "nothing was copied into the extensions folder");
    }

    /** A bundle jar holding {@link ThrowingTechnique} as a DS component, as a third party would ship it. */
    private static Path throwingBundle() throws Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "strata.test.throws");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.strata.core,org.strata.onnx");
        a.putValue("Service-Component", "OSGI-INF/throws.xml");
        String cls = ThrowingTechnique.class.getName().replace('.', '/') + ".class";
        Path jar = tmp.resolve("throws.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os, mf);
                InputStream classBytes = ThrowingTechnique.class.getClassLoader().getResourceAsStream(cls)) {
            j.putNextEntry(new JarEntry(cls));
            classBytes.transferTo(j);
            j.putNextEntry(new JarEntry("OSGI-INF/throws.xml"));
            j.write(("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="strata.test.throws">
                      <implementation class="%s"/>
                      <service><provide interface="org.strata.core.Technique"/></service>
                    </scr:component>
                    """.formatted(ThrowingTechnique.class.getName())).getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
