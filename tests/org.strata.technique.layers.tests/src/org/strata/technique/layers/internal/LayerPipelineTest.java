package org.strata.technique.layers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.strata.core.PipelineEngine;
import org.strata.core.ProgressMonitor;
import org.strata.core.RunSettings;
import org.strata.core.Technique;
import org.strata.core.TechniqueRegistry;
import org.strata.model.ParameterValue;
import org.strata.model.Pipeline;
import org.strata.model.RunRecord;
import org.strata.model.Step;
import org.strata.model.StepResult;
import org.strata.model.StepStatus;
import org.strata.model.StrataFactory;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.TextCorpus;
import org.strata.technique.cleanup.internal.GraphCleanup;
import org.strata.technique.quantize.internal.DynamicInt8Quantization;

/**
 * Every layer technique in one pipeline with cleanup.graph and quantize.dynamic-int8, through the engine (validation,
 * verification against the source in ONNX Runtime, rollback on failure), on MiniLM and on a synthetic decoder.
 */
class LayerPipelineTest {
    private static final RunSettings FAST = new RunSettings(1, 1, List.of(16), 2, 0, 12);
    private static final List<Technique> TECHNIQUES = List.of(new GraphCleanup(), new DynamicInt8Quantization(), new LayerAnalysis(),
            new BlockDrop(), new BlockSharing(), new EarlyExit());

    private static TechniqueRegistry registry() {
        return new TechniqueRegistry() {
            @Override
            public List<Technique> techniques() {
                return TECHNIQUES;
            }

            @Override
            public Optional<Technique> find(String id) {
                return TECHNIQUES.stream().filter(t -> t.descriptor().id().equals(id)).findFirst();
            }
        };
    }

    /** Steps as (technique id, parameters) pairs. */
    private static Pipeline pipeline(Object... steps) {
        Pipeline p = StrataFactory.eINSTANCE.createPipeline();
        p.setName("layers");
        p.setStopOnFailure(true);
        for (int i = 0; i < steps.length; i += 2) {
            Step s = StrataFactory.eINSTANCE.createStep();
            s.setTechniqueId((String) steps[i]);
            s.setTimeoutSeconds(600);
            @SuppressWarnings("unchecked")
            Map<String, String> params = (Map<String, String>) steps[i + 1];
            for (Map.Entry<String, String> e : params.entrySet()) {
                ParameterValue v = StrataFactory.eINSTANCE.createParameterValue();
                v.setName(e.getKey());
                v.setValue(e.getValue());
                s.getParameters().add(v);
            }
            p.getSteps().add(s);
        }
        return p;
    }

    private static PipelineEngine.Outcome runMiniLm(Pipeline p) {
        EmbeddedModel m = LayerTestSupport.embedded();
        return new PipelineEngine(registry(), "test").run(p, null, new PipelineEngine.Inputs(LayerTestSupport.miniLm(), "minilm", m.tokenizer(),
                TextCorpus.builtIn()), FAST, ProgressMonitor.NULL);
    }

    private static void assertAllApplied(RunRecord record) {
        for (StepResult r : record.getSteps()) {
            assertTrue(r.getStatus() == StepStatus.APPLIED || r.getStatus() == StepStatus.UNCHANGED,
                    "step " + r.getNumber() + " " + r.getTechniqueId() + ": " + r.getStatus() + " " + r.getMessage() + " / " + record.getLog());
        }
    }

    @Test
    void everyLayerTechniqueChainsWithCleanupAndInt8OnMiniLm() {
        // Lossless steps first: the engine checks a lossless step against the source model.
        List<Object[]> chains = List.of(
                new Object[] {"cleanup.graph", Map.of(), "analyze.layers", Map.of("texts", "16"), "layers.drop",
                        Map.of("texts", "16", "by", "ablation"), "quantize.dynamic-int8", Map.of()},
                new Object[] {"cleanup.graph", Map.of(), "layers.share", Map.of("texts", "16", "mode", "collapse"), "layers.exit",
                        Map.of("block", "3"), "quantize.dynamic-int8", Map.of()},
                new Object[] {"cleanup.graph", Map.of(), "quantize.dynamic-int8", Map.of(), "layers.exit",
                        Map.of("block", "5", "mode", "dynamic", "threshold", "0.5", "texts", "16")},
                new Object[] {"cleanup.graph", Map.of(), "quantize.dynamic-int8", Map.of(), "layers.drop",
                        Map.of("texts", "16", "replace", "linear")});
        for (Object[] chain : chains) {
            RunRecord record = runMiniLm(pipeline(chain)).record();
            assertAllApplied(record);
            for (StepResult r : record.getSteps()) System.out.println(r.getTechniqueId() + " in a pipeline: " + r.getSummary());
            StepResult last = record.getSteps().get(record.getSteps().size() - 1);
            assertTrue(last.getModelBytes() < record.getBaseline().getModelBytes() / 3, "int8 at the end or before: " + last.getModelBytes());
        }
    }

    @Test
    void theAnalysesOfAStepAreKeptInTheRunRecord() {
        RunRecord record = runMiniLm(pipeline("analyze.layers", Map.of("texts", "8", "analyses", "influence,similarity"), "layers.drop",
                Map.of("texts", "8"))).record();
        assertAllApplied(record);
        assertEquals(List.of("block-influence", "layer-similarity-cka", "layer-similarity-cosine"),
                record.getSteps().get(0).getAnalyses().stream().map(a -> a.getId()).toList());
        assertEquals(List.of("block-influence"), record.getSteps().get(1).getAnalyses().stream().map(a -> a.getId()).toList());
        assertEquals(6, record.getSteps().get(1).getAnalyses().get(0).getRowLabels().size());
    }

    @Test
    void dropShareAndExitChainOnASyntheticDecoderWithoutATokenizer() {
        Model gpt = LayerTestSupport.sized(LayerTestSupport.families().get(2), 4).build();
        Pipeline p = pipeline("cleanup.graph", Map.of(), "layers.share", Map.of("size", "2", "texts", "4"), "layers.drop",
                Map.of("count", "1", "texts", "4"), "quantize.dynamic-int8", Map.of());
        PipelineEngine.Outcome o = new PipelineEngine(registry(), "test").run(p, null, new PipelineEngine.Inputs(gpt, "gpt", null,
                TextCorpus.builtIn()), FAST, ProgressMonitor.NULL);
        assertAllApplied(o.record());
        assertEquals(3, TransformerStructure.discover(o.model()).blockCount());
    }
}
