package org.strata.technique.prune.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.strata.core.PipelineEngine;
import org.strata.core.ProgressMonitor;
import org.strata.core.RunSettings;
import org.strata.core.Technique;
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
import org.strata.model.io.PipelineFiles;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Quantization;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.TextCorpus;
import org.strata.technique.cleanup.internal.GraphCleanup;
import org.strata.technique.fuse.internal.TransformerFusion;
import org.strata.technique.quantize.internal.DynamicInt8Quantization;

/**
 * One pipeline on MiniLM through the engine: clean-up, FFN pruning, head pruning, int8 quantization. Each step is
 * validated and verified by the engine, the pruning steps carry their analyses into the run record, and the result
 * is a pruned, quantized model that still embeds text closely.
 */
class PipelineChainTest {
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

    private static Step step(String id, String... nameValues) {
        Step s = StrataFactory.eINSTANCE.createStep();
        s.setTechniqueId(id);
        s.setTimeoutSeconds(600);
        for (int i = 0; i < nameValues.length; i += 2) {
            ParameterValue pv = StrataFactory.eINSTANCE.createParameterValue();
            pv.setName(nameValues[i]);
            pv.setValue(nameValues[i + 1]);
            s.getParameters().add(pv);
        }
        return s;
    }

    @Test
    void cleanupPruneFfnPruneHeadsQuantize() {
        Pipeline p = StrataFactory.eINSTANCE.createPipeline();
        p.setName("prune and quantize");
        p.setStopOnFailure(true);
        p.getSteps().add(step("cleanup.graph"));
        p.getSteps().add(step("prune.ffn", "fraction", "0.25", "calibration-texts", "32"));
        p.getSteps().add(step("prune.heads", "fraction", "0.25", "calibration-texts", "32"));
        p.getSteps().add(step("quantize.dynamic-int8"));
        EmbeddedModel fp32 = EmbeddedModels.fp32();
        PipelineEngine engine = new PipelineEngine(registry(new GraphCleanup(), new FfnPruning(), new HeadPruning(),
                new DynamicInt8Quantization()), "test");
        PipelineEngine.Outcome o = engine.run(p, null, new PipelineEngine.Inputs(ModelReader.read(fp32.model()), "minilm",
                fp32.tokenizer(), TextCorpus.builtIn()), new RunSettings(1, 1, List.of(16), 2, 0, 16), ProgressMonitor.NULL);
        RunRecord r = o.record();
        for (StepResult s : r.getSteps()) System.out.println(s.getTechniqueId() + ": " + s.getStatus() + " " + s.getSummary() + " " + s.getMessage());
        assertEquals(RunStatus.SUCCEEDED, r.getStatus(), r.getLog().toString());
        for (StepResult s : r.getSteps()) assertEquals(StepStatus.APPLIED, s.getStatus(), s.getTechniqueId() + ": " + s.getMessage());
        assertTrue(r.getSteps().get(1).getAnalyses().stream().anyMatch(a -> a.getId().equals("ffn-neuron-importance")));
        assertTrue(r.getSteps().get(2).getAnalyses().stream().anyMatch(a -> a.getId().equals("head-importance")));
        double cosine = r.getSteps().get(3).getMetrics().stream().filter(m -> m.getName().equals("cosine.mean"))
                .mapToDouble(Metric::getValue).findFirst().orElseThrow();
        System.out.println("cosine after prune + int8: " + cosine);
        assertTrue(cosine > 0.8, "cosine " + cosine);

        Model out = o.model();
        TransformerStructure s = TransformerStructure.discover(out);
        for (Block b : s.blocks()) {
            assertEquals(9, b.attention().heads());
            assertEquals(1152, b.ffn().intermediateSize());
            assertEquals(Quantization.DYNAMIC_INT8, b.ffn().down().quantization());
        }
    }

    /**
     * The shipped {@code examples/width-int8.strata} (heads and FFN neurons pruned by obs, fusion, int8) keeps the
     * mean cosine it promises on the whole evaluation split; its latency is measured by {@code strata bench}, not here.
     */
    @Test
    void theWidthExampleKeepsItsFidelityGoal() {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("user.dir")).resolve("../../examples/width-int8.strata").normalize();
        assertTrue(java.nio.file.Files.isRegularFile(file), file.toString());
        Pipeline p = PipelineFiles.loadPipeline(file);
        EmbeddedModel fp32 = EmbeddedModels.fp32();
        PipelineEngine engine = new PipelineEngine(registry(new GraphCleanup(), new HeadPruning(), new FfnPruning(),
                new TransformerFusion(), new DynamicInt8Quantization()), "test");
        PipelineEngine.Outcome o = engine.run(p, null, new PipelineEngine.Inputs(ModelReader.read(fp32.model()), "minilm",
                fp32.tokenizer(), TextCorpus.builtIn()), new RunSettings(1, 1, List.of(16), 1, 0, 0, false), ProgressMonitor.NULL);
        RunRecord r = o.record();
        for (StepResult s : r.getSteps()) assertEquals(StepStatus.APPLIED, s.getStatus(), s.getTechniqueId() + ": " + s.getMessage());
        StepResult last = r.getSteps().get(r.getSteps().size() - 1);
        double cosine = last.getMetrics().stream().filter(m -> m.getName().equals("cosine.mean")).mapToDouble(Metric::getValue)
                .findFirst().orElseThrow();
        System.out.println("examples/width-int8.strata: mean cosine " + cosine + " on the evaluation split");
        assertTrue(cosine >= p.getGoal().getMinMeanCosine(), cosine + " < " + p.getGoal().getMinMeanCosine());
        assertTrue(cosine < 0.999, "the pruning steps must have removed something: " + cosine);
        int heads = 0;
        for (Block b : TransformerStructure.discover(o.model()).blocks()) heads += b.attention().heads();
        assertEquals(54, heads, "a quarter of the 72 heads removed");
    }
}
