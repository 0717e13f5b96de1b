package org.strata.core.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.PipelineEngine;
import org.strata.core.ProgressMonitor;
import org.strata.core.RunSettings;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueRegistry;
import org.strata.model.Metric;
import org.strata.model.ParameterValue;
import org.strata.model.Pipeline;
import org.strata.model.RunRecord;
import org.strata.model.RunStatus;
import org.strata.model.Step;
import org.strata.model.StepResult;
import org.strata.model.StepStatus;
import org.strata.model.StrataFactory;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.StrataException;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.TextCorpus;

/**
 * The engine's promises with techniques written to misbehave: every failure is rolled back, recorded and
 * explained; lossless steps are checked against the reference; lossy ones get fidelity; the pipeline goes on
 * or stops as it says.
 */
class PipelineEngineTest {
    private static EmbeddedModel int8;
    private static byte[] original;
    private static final RunSettings FAST = new RunSettings(1, 1, List.of(16), 2, 0, 12);

    @BeforeAll
    static void load() throws Exception {
        int8 = EmbeddedModels.int8();
        original = java.nio.file.Files.readAllBytes(int8.model());
    }

    /** A technique defined by a lambda. */
    private record Fake(String id, boolean lossless, int timeout, Body body) implements Technique {
        interface Body {
            Change apply(Model m, Parameters p, TechniqueContext c) throws Exception;
        }

        @Override
        public TechniqueDescriptor descriptor() {
            return new TechniqueDescriptor(id, id, "test", "test technique", lossless,
                    List.of(ParameterSpec.integer("block", 3, 1, 6, "a block number")), Set.of(GraphForm.PLAIN, GraphForm.QUANTIZED), Double.NaN);
        }

        @Override
        public Change apply(Model model, Parameters params, TechniqueContext context) throws Exception {
            return body.apply(model, params, context);
        }
    }

    private static TechniqueRegistry registry(Technique... ts) {
        List<Technique> list = List.of(ts);
        return new TechniqueRegistry() {
            @Override
            public List<Technique> techniques() {
                return list;
            }

            @Override
            public Optional<Technique> find(String id) {
                return list.stream().filter(t -> t.descriptor().id().equals(id)).findFirst();
            }
        };
    }

    private static Pipeline pipeline(boolean stopOnFailure, String... ids) {
        Pipeline p = StrataFactory.eINSTANCE.createPipeline();
        p.setName("test");
        p.setStopOnFailure(stopOnFailure);
        for (String id : ids) {
            Step s = StrataFactory.eINSTANCE.createStep();
            s.setTechniqueId(id);
            s.setTimeoutSeconds(id.equals("slow") ? 1 : 600);
            p.getSteps().add(s);
        }
        return p;
    }

    private static PipelineEngine.Outcome run(Pipeline p, ProgressMonitor monitor, Technique... ts) {
        Model m = ModelReader.read(int8.model());
        return new PipelineEngine(registry(ts), "test").run(p, null,
                new PipelineEngine.Inputs(m, "minilm-int8", int8.tokenizer(), TextCorpus.builtIn()), FAST, monitor);
    }

    private static double metric(StepResult r, String name) {
        return r.getMetrics().stream().filter(m -> m.getName().equals(name)).mapToDouble(Metric::getValue).findFirst().orElse(Double.NaN);
    }

    private static final Fake NOOP = new Fake("noop", true, 600, (m, p, c) -> Change.none("nothing"));
    private static final Fake THROWS = new Fake("throws", false, 600, (m, p, c) -> {
        m.graph().removeDeadNodes(); // half-done work must not survive
        throw new IllegalStateException("boom");
    });
    private static final Fake INVALID = new Fake("invalid", false, 600, (m, p, c) -> {
        // Feed the last node its own output: a cycle.
        Node last = m.graph().outputs().get(0).producer();
        last.setInput(0, last.output(0));
        return Change.of("made a cycle", 0, 0);
    });
    private static final Fake SLOW = new Fake("slow", false, 1, (m, p, c) -> {
        Thread.sleep(30_000);
        return Change.none("woke up");
    });
    private static final Fake NOT_LOSSLESS = new Fake("not-lossless", true, 600, (m, p, c) -> {
        // Scale the first float initializer: claims to be lossless but changes the outputs.
        for (Value v : m.graph().initializers().values()) {
            if (v.initializer().type() == org.strata.onnx.DataType.FLOAT && v.initializer().elementCount() == 384) {
                float[] f = TensorCodec.toFloats(v.initializer());
                for (int i = 0; i < f.length; i++) f[i] *= 1.5f;
                m.graph().setInitializer(v, TensorCodec.fromFloats(v.name(), v.initializer().dims(), f));
                return Change.of("scaled " + v.name(), 0, 0);
            }
        }
        throw new AssertionError("no 384-element float initializer");
    });
    private static final Fake DROP_BLOCK = new Fake("drop-block", false, 600, (m, p, c) -> {
        Block b = c.structure().block(p.getInt("block"));
        m.graph().replaceAllUsesWith(b.output(), b.input());
        int before = m.graph().nodes().size();
        m.graph().removeDeadNodes();
        return new Change("dropped block " + b.number(), 0, before - m.graph().nodes().size(), List.of(b.number()), Map.of());
    });

    @Test
    void losslessAndLossyStepsAreMeasured() {
        Pipeline p = pipeline(true, "noop", "drop-block");
        ParameterValue pv = StrataFactory.eINSTANCE.createParameterValue();
        pv.setName("block");
        pv.setValue("5");
        p.getSteps().get(1).getParameters().add(pv);
        PipelineEngine.Outcome o = run(p, ProgressMonitor.NULL, NOOP, DROP_BLOCK);
        RunRecord r = o.record();
        assertEquals(RunStatus.SUCCEEDED, r.getStatus(), r.getLog().toString());
        StepResult noop = r.getSteps().get(0);
        assertEquals(StepStatus.UNCHANGED, noop.getStatus());
        assertEquals(r.getBaseline().getFingerprint(), noop.getFingerprint());
        assertEquals(0.0, metric(noop, "error.relative:last_hidden_state"), 1e-9);
        StepResult drop = r.getSteps().get(1);
        assertEquals(StepStatus.APPLIED, drop.getStatus());
        double cos = metric(drop, "cosine.mean");
        assertTrue(cos > 0.5 && cos < 0.999, "cosine after dropping block 5: " + cos);
        assertTrue(drop.getModelBytes() < r.getBaseline().getModelBytes());
        assertTrue(metric(drop, "size.ratio") < 1);
        assertTrue(drop.getMetrics().stream().anyMatch(m -> m.getName().equals("latency.ratio") && m.getSequenceLength() == 16));
        assertTrue(r.getBaseline().getMetrics().stream().anyMatch(m -> m.getName().equals("latency.p50")));
        assertEquals(5, org.strata.onnx.structure.TransformerStructure.discover(o.model()).blockCount());
    }

    @Test
    void aLosslessStepAfterALossyOneIsCheckedAgainstItsOwnInput() {
        PipelineEngine.Outcome o = run(pipeline(true, "drop-block", "noop"), ProgressMonitor.NULL, DROP_BLOCK, NOOP);
        StepResult noop = o.record().getSteps().get(1);
        assertEquals(StepStatus.UNCHANGED, noop.getStatus(), noop.getMessage());
        assertEquals(RunStatus.SUCCEEDED, o.record().getStatus(), o.record().getLog().toString());
        double cos = metric(noop, "cosine.mean");
        assertTrue(cos < 0.999, "fidelity is still measured against the source: " + cos);

        PipelineEngine.Outcome bad = run(pipeline(false, "drop-block", "not-lossless"), ProgressMonitor.NULL, DROP_BLOCK, NOT_LOSSLESS);
        StepResult r = bad.record().getSteps().get(1);
        assertEquals(StepStatus.ROLLED_BACK, r.getStatus());
        assertTrue(r.getMessage().contains("not lossless"), r.getMessage());
    }

    @Test
    void techniquesCalibrateOnSentencesThenPassagesAndNeverOnEvaluationText() {
        List<List<String>> seen = new java.util.ArrayList<>();
        Fake spy = new Fake("spy", true, 600, (m, p, c) -> {
            seen.add(c.calibrationTexts());
            return Change.none("looked");
        });
        run(pipeline(false, "spy"), ProgressMonitor.NULL, spy);
        TextCorpus corpus = TextCorpus.builtIn();
        List<String> texts = seen.get(0);
        assertEquals(corpus.calibration(), texts.subList(0, corpus.calibration().size()), "short texts first");
        assertEquals(corpus.passages().calibration(), texts.subList(corpus.calibration().size(), texts.size()), "then the passages");
        assertTrue(!corpus.passages().calibration().isEmpty());
        for (String t : corpus.evaluation()) assertTrue(!texts.contains(t), "evaluation text in calibration: " + t);
        for (String t : corpus.passages().evaluation()) assertTrue(!texts.contains(t), "evaluation passage in calibration");
    }

    @Test
    void aThrowingTechniqueIsRolledBackAndThePipelineGoesOn() {
        PipelineEngine.Outcome o = run(pipeline(false, "throws", "noop"), ProgressMonitor.NULL, THROWS, NOOP);
        StepResult failed = o.record().getSteps().get(0);
        assertEquals(StepStatus.FAILED, failed.getStatus());
        assertTrue(failed.getMessage().contains("boom"), failed.getMessage());
        assertEquals(StepStatus.UNCHANGED, o.record().getSteps().get(1).getStatus());
        assertEquals(RunStatus.PARTIAL, o.record().getStatus());
        assertArrayEquals(original, ModelWriter.toBytes(o.model()), "the model must be exactly the source after a rollback");
    }

    @Test
    void anInvalidGraphIsRolledBackAndStopsThePipeline() {
        PipelineEngine.Outcome o = run(pipeline(true, "invalid", "noop"), ProgressMonitor.NULL, INVALID, NOOP);
        StepResult failed = o.record().getSteps().get(0);
        assertEquals(StepStatus.FAILED, failed.getStatus());
        assertTrue(failed.getMessage().contains("invalid graph"), failed.getMessage());
        assertEquals(StepStatus.NOT_RUN, o.record().getSteps().get(1).getStatus());
        assertEquals(RunStatus.FAILED, o.record().getStatus());
        assertFalse(o.record().isGoalMet());
        assertArrayEquals(original, ModelWriter.toBytes(o.model()));
    }

    @Test
    void aStepPastItsTimeIsAbandoned() {
        long t0 = System.nanoTime();
        PipelineEngine.Outcome o = run(pipeline(false, "slow"), ProgressMonitor.NULL, SLOW);
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "the engine waited for the slow step");
        assertEquals(StepStatus.TIMED_OUT, o.record().getSteps().get(0).getStatus());
        assertTrue(o.record().getLog().stream().anyMatch(l -> l.contains("tainted")), o.record().getLog().toString());
        assertArrayEquals(original, ModelWriter.toBytes(o.model()));
    }

    @Test
    void cancellationStopsTheRun() {
        AtomicBoolean cancel = new AtomicBoolean();
        Fake cancelling = new Fake("cancelling", false, 600, (m, p, c) -> {
            cancel.set(true);
            c.monitor().checkCanceled();
            return Change.none("not reached");
        });
        PipelineEngine.Outcome o = run(pipeline(false, "cancelling", "noop"), new ProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return cancel.get();
            }
        }, cancelling, NOOP);
        assertEquals(RunStatus.CANCELLED, o.record().getStatus());
        assertEquals(StepStatus.CANCELLED, o.record().getSteps().get(0).getStatus());
        assertEquals(StepStatus.NOT_RUN, o.record().getSteps().get(1).getStatus());
        assertArrayEquals(original, ModelWriter.toBytes(o.model()));
    }

    @Test
    void aLosslessClaimThatIsNotTrueIsRolledBack() {
        PipelineEngine.Outcome o = run(pipeline(true, "not-lossless"), ProgressMonitor.NULL, NOT_LOSSLESS);
        StepResult r = o.record().getSteps().get(0);
        assertEquals(StepStatus.ROLLED_BACK, r.getStatus());
        assertTrue(r.getMessage().contains("not lossless"), r.getMessage());
        assertArrayEquals(original, ModelWriter.toBytes(o.model()));
    }

    @Test
    void unknownTechniqueAndBadParameterNameTheStep() {
        Pipeline p = pipeline(true, "noop", "nope");
        StrataException e = assertThrows(StrataException.class, () -> run(p, ProgressMonitor.NULL, NOOP));
        assertTrue(e.getMessage().contains("step 2") && e.getMessage().contains("unknown technique 'nope'"), e.getMessage());
        Pipeline q = pipeline(true, "drop-block");
        ParameterValue pv = StrataFactory.eINSTANCE.createParameterValue();
        pv.setName("block");
        pv.setValue("9");
        q.getSteps().get(0).getParameters().add(pv);
        e = assertThrows(StrataException.class, () -> run(q, ProgressMonitor.NULL, DROP_BLOCK));
        assertTrue(e.getMessage().contains("step 1") && e.getMessage().contains("'block'") && e.getMessage().contains("out of range"), e.getMessage());
    }

    /** Appends a custom-domain op ONNX Runtime does not know after the model's output. */
    private static final Fake CUSTOM_OP = new Fake("custom-op", false, 600, (m, p, c) -> {
        org.strata.onnx.Graph g = m.graph();
        Value out = g.outputs().get(0);
        String name = out.name();
        Node mystery = g.addNode("com.example", "Mystery", List.of(out), List.of(name + "_mystery"), List.of());
        out.rename(name + "_inner");
        mystery.output(0).rename(name);
        g.setOutput(0, mystery.output(0));
        m.setOpset("com.example", 1);
        return Change.of("added a custom op", 1, 0);
    });

    @Test
    void aResultOnnxRuntimeCannotRunIsRolledBackUnlessAllowed() {
        PipelineEngine.Outcome o = run(pipeline(true, "custom-op"), ProgressMonitor.NULL, CUSTOM_OP);
        StepResult r = o.record().getSteps().get(0);
        assertEquals(StepStatus.ROLLED_BACK, r.getStatus());
        assertTrue(r.getMessage().contains("ONNX Runtime cannot run") && r.getMessage().contains("allowUnverified"), r.getMessage());
        assertArrayEquals(original, ModelWriter.toBytes(o.model()));

        Pipeline allowed = pipeline(true, "custom-op");
        allowed.setAllowUnverified(true);
        PipelineEngine.Outcome kept = run(allowed, ProgressMonitor.NULL, CUSTOM_OP);
        assertEquals(StepStatus.UNVERIFIED, kept.record().getSteps().get(0).getStatus());
        assertFalse(kept.record().getSteps().get(0).isVerified());
        assertTrue(kept.model().graph().allNodes().stream().anyMatch(n -> n.is("com.example", "Mystery")));
    }

    @Test
    void goalsAreChecked() {
        Pipeline p = pipeline(true, "drop-block");
        p.setGoal(StrataFactory.eINSTANCE.createGoal());
        p.getGoal().setMinMeanCosine(0.9999);
        RunRecord r = run(p, ProgressMonitor.NULL, DROP_BLOCK).record();
        assertFalse(r.isGoalMet());
        assertTrue(r.getGoalMessage().contains("mean cosine") && r.getGoalMessage().contains("<"), r.getGoalMessage());
    }
}
