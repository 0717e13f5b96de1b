package org.strata.onnx.tests.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;
import org.strata.testing.TransformerSpec.Naming;

/** The synthetic-model fixture the structure tests (and later ones) rely on. */
class SyntheticTransformersTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.strata.onnx.tests.structure.SyntheticStructureTest#specs")
    void buildsValidModelsThatRoundTrip(String name, TransformerSpec spec) {
        Model m = spec.build();
        assertEquals(List.of(), GraphValidator.check(m));
        byte[] bytes = ModelWriter.toBytes(m);
        assertArrayEquals(bytes, ModelWriter.toBytes(spec.build()), "the same spec builds the same bytes");
        Model back = ModelReader.read(bytes, name);
        assertEquals(m.graph().nodes().size(), back.graph().nodes().size());
        assertEquals(List.of(), GraphValidator.check(back));
    }

    @Test
    void namingModesNameAsDocumented() {
        Model exporter = SyntheticTransformers.bertPostLn().build();
        assertTrue(exporter.graph().initializers().keySet().stream().anyMatch(n -> n.startsWith("onnx::MatMul_")));
        assertTrue(exporter.graph().nodes().stream().anyMatch(n -> n.name().equals("/encoder/layer.0/attention/self/query/MatMul")));
        Model anonymous = SyntheticTransformers.bertPostLn().naming(Naming.ANONYMOUS).build();
        assertTrue(anonymous.graph().nodes().stream().allMatch(n -> n.name().isEmpty()));
        assertTrue(anonymous.graph().initializers().keySet().stream().allMatch(n -> n.chars().allMatch(Character::isDigit)));
        Model misleading = SyntheticTransformers.bertPostLn().naming(Naming.MISLEADING).build();
        Node firstQuery = misleading.graph().nodes().stream().filter(n -> n.is("MatMul")).findFirst().orElseThrow();
        assertEquals("/encoder/layer.1/attention/self/value/MatMul", firstQuery.name(), "block 1's query claims to be block 2's value");
    }

    @Test
    void scrambleRenamesEverything() {
        Model m = SyntheticTransformers.llama().build();
        Set<String> before = new HashSet<>();
        for (Value v : m.graph().values()) before.add(v.name());
        SyntheticTransformers.scrambleNames(m.graph(), 3);
        for (Value v : m.graph().values()) assertFalse(before.contains(v.name()), v.name() + " kept its name");
        assertEquals(List.of(), GraphValidator.check(m));
    }

    @Test
    void rejectsSpecsItCannotBuild() {
        var e = assertThrows(IllegalArgumentException.class, () -> SyntheticTransformers.bertPostLn().hidden(65));
        assertEquals("hidden 65 must be a multiple of heads 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SyntheticTransformers.gpt().kvHeads(2));
        assertEquals("fewer KV heads than heads needs the LLAMA family with PLAIN attention", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticTransformers.llama().attention(TransformerSpec.AttentionForm.ATTENTION));
    }
}
