package org.strata.technique.cleanup.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertSameOutputs;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertValid;
import static org.strata.technique.cleanup.internal.CleanupFixture.clean;
import static org.strata.technique.cleanup.internal.CleanupFixture.copy;
import static org.strata.technique.cleanup.internal.CleanupFixture.count;
import static org.strata.technique.cleanup.internal.CleanupFixture.floats;
import static org.strata.technique.cleanup.internal.CleanupFixture.output;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.ParameterException;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.Technique;
import org.strata.core.TechniqueDescriptor;
import org.strata.onnx.Attribute;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

class GraphCleanupTest {
    private static final List<String> SWITCHES = List.of("constants-to-initializers", "identity", "dropout", "no-ops", "fold-constants",
            "deduplicate-initializers", "dead-nodes", "unused-initializers", "shape-inference");

    @Test
    void descriptorIsALosslessCleanupWithAnOnSwitchPerRule() {
        TechniqueDescriptor d = new GraphCleanup().descriptor();
        assertEquals("cleanup.graph", d.id());
        assertEquals("cleanup", d.family());
        assertTrue(d.lossless());
        assertEquals(TechniqueDescriptor.DEFAULT_TOLERANCE, d.effectiveTolerance());
        assertEquals(EnumSet.allOf(GraphForm.class), d.accepts());
        assertEquals(SWITCHES, d.parameters().stream().filter(p -> p.type() == ParameterSpec.Type.BOOLEAN).map(ParameterSpec::name).toList());
        for (String s : SWITCHES) assertEquals(Boolean.TRUE, d.parameter(s).orElseThrow().defaultValue(), s);
        assertEquals(ConstantFolding.DEFAULT_MAX_ELEMENTS, d.parameter("max-folded-elements").orElseThrow().defaultValue());
        assertThrows(ParameterException.class, () -> Parameters.parse(d, Map.of("identity", "maybe")));
        assertThrows(ParameterException.class, () -> Parameters.parse(d, Map.of("max-folded-elements", "0")));
    }

    @Test
    void isRegisteredAsADeclarativeServicesTechnique() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(GraphCleanup.class);
        assertNotNull(bundle, "not running inside OSGi");
        if (bundle.getState() != Bundle.ACTIVE) bundle.start();
        BundleContext context = bundle.getBundleContext();
        Technique found = null;
        for (int attempt = 0; attempt < 50 && found == null; attempt++) {
            for (ServiceReference<Technique> r : context.getServiceReferences(Technique.class, null)) {
                Technique t = context.getService(r);
                if (t != null && t.descriptor().id().equals("cleanup.graph")) found = t;
            }
            if (found == null) Thread.sleep(100);
        }
        assertNotNull(found, "no Technique service with id cleanup.graph");
        assertTrue(found instanceof GraphCleanup);
    }

    /** x → Identity → Relu, a Constant added to it, a duplicate weight and a dead branch. */
    private static Model untidy() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(2));
        Value id = g.addNode("Identity", List.of(x), "id").output(0);
        Value one = g.addNode("", "Constant", List.of(), List.of("one"), List.of(Attribute.of("value",
                TensorCodec.fromFloats("one", new long[] {2}, new float[] {1, 1})))).output(0);
        Value w = g.addInitializer("w", TensorCodec.fromFloats("w", new long[] {2}, new float[] {1, 1}));
        Value sum = g.addNode("Add", List.of(g.addNode("Relu", List.of(id), "relu").output(0), one), "sum").output(0);
        g.addNode("Neg", List.of(sum), "dead");
        output(g, g.addNode("Mul", List.of(sum, w), "y").output(0), floats(2));
        return m;
    }

    @Test
    void theChangeSaysWhatEachRuleDid() {
        Model m = untidy();
        Model reference = copy(m);
        Change c = clean(m);

        assertEquals(List.of("Relu", "Add", "Mul"), m.graph().nodes().stream().map(Node::opType).toList());
        assertEquals(List.of("w"), List.copyOf(m.graph().initializers().keySet()), "the Constant became 'one', then merged into 'w'");
        assertEquals(3, c.nodesRemoved());
        assertEquals(0, c.nodesAdded());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("constants-to-initializers", "1");
        expected.put("identity", "1");
        expected.put("deduplicate-initializers", "1");
        expected.put("dead-nodes", "1");
        expected.forEach((k, v) -> assertEquals(v, c.details().get(k), k + " in " + c.details()));
        assertEquals("6 → 3 nodes, 1 → 1 initializers: turned 1 Constant node into initializers, removed 1 Identity node,"
                + " merged 1 duplicate initializer, removed 1 dead node", c.summary());
        assertTrue(c.modified());
        assertValid(m);
        assertSameOutputs(reference, m, Map.of("x", new long[] {2}));
    }

    @Test
    void everyRuleCanBeSwitchedOff() {
        Map<String, Object> off = new LinkedHashMap<>();
        for (String s : SWITCHES) off.put(s, false);
        Model m = untidy();
        byte[] before = ModelWriter.toBytes(m);
        Change c = clean(m, off, null);
        assertFalse(c.modified(), c.summary());
        assertArrayEquals(before, ModelWriter.toBytes(m));

        Model onlyIdentity = untidy();
        clean(onlyIdentity, CleanupFixture.only("identity"), null);
        assertEquals(0, count(onlyIdentity, "Identity"));
        assertEquals(1, count(onlyIdentity, "Constant"));
        assertEquals(1, count(onlyIdentity, "Neg"));
    }

    @Test
    void aCustomOpIsLeftExactlyAsItWas() {
        Model m = CleanupFixture.model(17);
        m.setOpset("com.example", 1);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(4));
        Value scale = g.addInitializer("scale", TensorCodec.fromLongs("scale", new long[] {1}, new long[] {3}));
        Node custom = g.addNode("com.example", "Scale", List.of(x, scale), List.of("scaled"),
                List.of(Attribute.of("mode", "fast"), Attribute.ofInts("axes", 0, 1)));
        Node unused = g.addNode("com.example", "Probe", List.of(x), List.of("probe"), List.of());
        // Shape of a custom op's output is not folded: nothing is known about it.
        Value shape = g.addNode("Shape", List.of(custom.output(0)), "shape").output(0);
        output(g, g.addNode("Reshape", List.of(custom.output(0), shape), "y").output(0), floats(4));
        String before = custom.domain() + custom.opType() + custom.attributes() + custom.inputs() + custom.outputs();

        clean(m);
        assertSame(custom, m.graph().value("scaled").producer());
        assertEquals(before, custom.domain() + custom.opType() + custom.attributes() + custom.inputs() + custom.outputs());
        assertTrue(m.graph().nodes().contains(unused), "a custom node nothing uses stays: it may have effects");
        assertSame(scale, custom.input(1));
        assertEquals(1, count(m, "Shape"));
        assertValid(m);
    }

    @Test
    void cleaningTwiceChangesNothingAndTheBytesAreTheSame() {
        Model m = untidy();
        clean(m);
        byte[] once = ModelWriter.toBytes(m);
        Model again = copy(m);
        Change second = clean(again);
        assertFalse(second.modified(), second.summary());
        assertEquals(0, second.nodesRemoved());
        assertArrayEquals(once, ModelWriter.toBytes(again));
        Model other = untidy();
        clean(other);
        assertArrayEquals(once, ModelWriter.toBytes(other), "the same model cleans to the same bytes");
    }
}
