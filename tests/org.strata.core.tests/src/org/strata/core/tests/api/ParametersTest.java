package org.strata.core.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.strata.core.GraphForm;
import org.strata.core.ParameterException;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.TechniqueDescriptor;

/** Parameter validation: the one place pipeline files, the CLI and (later) the workbench go through. */
class ParametersTest {
    private static final TechniqueDescriptor D = new TechniqueDescriptor("test.params", "Params", "test", "for tests", false, List.of(
            ParameterSpec.integer("blocks", 2, 1, 6, "how many"),
            ParameterSpec.real("ratio", 0.5, 0, 1, "a fraction"),
            ParameterSpec.bool("fast", true, "go fast"),
            ParameterSpec.choice("form", "auto", List.of("auto", "fused", "plain"), "which form"),
            ParameterSpec.intList("exclude", List.of(), 1, 6, "block numbers"),
            new ParameterSpec("needed", ParameterSpec.Type.STRING, null, null, null, List.of(), "no default")),
            Set.of(GraphForm.PLAIN), Double.NaN);

    private static ParameterException refused(Map<String, String> text) {
        ParameterException e = assertThrows(ParameterException.class, () -> Parameters.parse(D, text));
        System.out.println("refused as expected: " + e.getMessage());
        return e;
    }

    @Test
    void defaultsAndParsing() {
        Parameters p = Parameters.parse(D, Map.of("needed", "x", "blocks", "4", "ratio", "0.25", "fast", "no", "form", "fused", "exclude", "1, 3"));
        assertEquals(4, p.getInt("blocks"));
        assertEquals(0.25, p.getDouble("ratio"));
        assertEquals(false, p.getBoolean("fast"));
        assertEquals("fused", p.getString("form"));
        assertEquals(List.of(1, 3), p.getIntList("exclude"));
        Parameters d = Parameters.parse(D, Map.of("needed", "y"));
        assertEquals(2, d.getInt("blocks"));
        assertEquals(List.of(), d.getIntList("exclude"));
    }

    @Test
    void wrongTypeRangeChoiceUnknownAndMissingAreNamed() {
        assertTrue(refused(Map.of("needed", "x", "blocks", "two")).getMessage().contains("'blocks'"));
        assertTrue(refused(Map.of("needed", "x", "blocks", "9")).getMessage().contains("out of range [1, 6]"));
        assertTrue(refused(Map.of("needed", "x", "ratio", "1.5")).getMessage().contains("'ratio'"));
        assertTrue(refused(Map.of("needed", "x", "fast", "maybe")).getMessage().contains("true or false"));
        assertTrue(refused(Map.of("needed", "x", "form", "quick")).getMessage().contains("[auto, fused, plain]"));
        assertTrue(refused(Map.of("needed", "x", "exclude", "2,7")).getMessage().contains("'exclude'"));
        assertTrue(refused(Map.of("needed", "x", "speed", "1")).getMessage().contains("no such parameter"));
        assertTrue(refused(Map.of()).getMessage().contains("'needed'") && refused(Map.of()).getMessage().contains("required"));
    }

    @Test
    void descriptorsRefuseBadIdsAndDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> new TechniqueDescriptor("Bad Id", "x", "x", "x", true, List.of(), Set.of(), Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new TechniqueDescriptor("a.b", "x", "x", "x", true,
                List.of(ParameterSpec.bool("p", true, ""), ParameterSpec.bool("p", false, "")), Set.of(), Double.NaN));
        assertThrows(ParameterException.class, () -> ParameterSpec.integer("n", 10, 1, 5, "default out of range"));
    }
}
