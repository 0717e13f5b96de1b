package org.strata.core.tests.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.strata.core.AnalysisTable;
import org.strata.core.Analyses;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.Parameters;
import org.strata.core.PipelineEngine;
import org.strata.core.ProgressMonitor;
import org.strata.core.RunSettings;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueRegistry;
import org.strata.core.analysis.BlockDivergence;
import org.strata.model.Pipeline;
import org.strata.model.RunRecord;
import org.strata.model.Step;
import org.strata.model.StepResult;
import org.strata.model.StepStatus;
import org.strata.model.StrataFactory;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.TextCorpus;

/** The engine adds a per-block divergence analysis to every kept lossy step, unless told not to or the depth changed. */
class EngineDivergenceTest {
    private static final RunSettings FAST = new RunSettings(1, 1, List.of(16), 2, 0, 12);

    /** Lossy: halves the FFN down weight of block 4. Or, lossless: does nothing. Or drops block 2. */
    private record Edit(String id, boolean lossless) implements Technique {
        @Override
        public TechniqueDescriptor descriptor() {
            return new TechniqueDescriptor(id, id, "test", "test technique", lossless, List.of(), Set.of(GraphForm.PLAIN), Double.NaN);
        }

        @Override
        public Change apply(Model m, Parameters p, TechniqueContext c) {
            if (lossless) return Change.none("nothing");
            if (id.equals("drop")) {
                Block b = c.structure().block(2);
                m.graph().replaceAllUsesWith(b.output(), b.input());
                m.graph().removeDeadNodes();
                return new Change("dropped block 2", 0, 1, List.of(2), Map.of());
            }
            Value w = c.structure().block(4).ffn().down().weight();
            float[] f = TensorCodec.toFloats(w.initializer());
            for (int i = 0; i < f.length; i++) f[i] *= 0.5f;
            m.graph().setInitializer(w, TensorCodec.fromFloats(w.name(), w.initializer().dims(), f));
            return new Change("halved block 4's FFN output", 0, 0, List.of(4), Map.of("modified", "true"));
        }
    }

    private static RunRecord run(RunSettings settings, String... ids) {
        List<Technique> ts = List.of(new Edit("halve", false), new Edit("noop", true), new Edit("drop", false));
        TechniqueRegistry registry = new TechniqueRegistry() {
            @Override
            public List<Technique> techniques() {
                return ts;
            }

            @Override
            public Optional<Technique> find(String id) {
                return ts.stream().filter(t -> t.descriptor().id().equals(id)).findFirst();
            }
        };
        Pipeline p = StrataFactory.eINSTANCE.createPipeline();
        p.setName("divergence");
        for (String id : ids) {
            Step s = StrataFactory.eINSTANCE.createStep();
            s.setTechniqueId(id);
            s.setTimeoutSeconds(600);
            p.getSteps().add(s);
        }
        EmbeddedModel fp32 = EmbeddedModels.fp32();
        return new PipelineEngine(registry, "test").run(p, null,
                new PipelineEngine.Inputs(ModelReader.read(fp32.model()), "minilm", fp32.tokenizer(), TextCorpus.builtIn()), settings,
                ProgressMonitor.NULL).record();
    }

    @Test
    void aKeptLossyStepGetsItsDivergenceAndALosslessOneDoesNot() {
        RunRecord r = run(FAST, "noop", "halve");
        StepResult noop = r.getSteps().get(0);
        StepResult halve = r.getSteps().get(1);
        assertEquals(StepStatus.APPLIED, halve.getStatus(), r.getLog().toString());
        assertEquals(0, noop.getAnalyses().size());
        assertEquals(1, halve.getAnalyses().size());
        AnalysisTable t = Analyses.fromRecord(halve.getAnalyses().get(0));
        assertEquals(BlockDivergence.ID, t.id());
        assertEquals(7, t.columns().size());
        assertEquals(1.0, t.value(0, 3), 1e-6, "block 3 is untouched");
        assertTrue(t.value(0, 4) < 0.9999, "block 4 was changed: " + t.value(0, 4));
        assertTrue(t.value(2, 4) > 1e-3, "relative error at block 4: " + t.value(2, 4));
    }

    @Test
    void itCanBeTurnedOff() {
        RunRecord r = run(FAST.withBlockDivergence(false), "halve");
        assertEquals(StepStatus.APPLIED, r.getSteps().get(0).getStatus());
        assertEquals(0, r.getSteps().get(0).getAnalyses().size());
    }

    @Test
    void aDifferentDepthIsANoteNotAFailure() {
        RunRecord r = run(FAST, "drop");
        StepResult drop = r.getSteps().get(0);
        assertEquals(StepStatus.APPLIED, drop.getStatus(), r.getLog().toString());
        assertEquals(0, drop.getAnalyses().size());
        assertTrue(r.getLog().stream().anyMatch(l -> l.contains("no per-block divergence") && l.contains("6 blocks")), r.getLog().toString());
    }
}
