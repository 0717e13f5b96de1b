package org.strata.technique.tokens.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.core.ParameterSpec;
import org.strata.core.Technique;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueRegistry;

/** The three techniques are Declarative Services components the registry binds, with descriptors forms and help come from. */
class TechniqueServiceTest {
    @Test
    void theRegistryBindsTheThreeTechniques() throws Exception {
        TechniqueRegistry registry = Registry.await(TokenDrop.ID, TokenMerge.ID, TokenPool.ID);
        assertEquals(TokenDrop.class.getName(), registry.require(TokenDrop.ID).getClass().getName());
        assertEquals(TokenMerge.class.getName(), registry.require(TokenMerge.ID).getClass().getName());
        assertEquals(TokenPool.class.getName(), registry.require(TokenPool.ID).getClass().getName());
    }

    @Test
    void descriptorsDeclareTheParametersOfTheIssue() {
        check(new TokenDrop(), List.of("blocks", "keep", "importance", "coverage", "dropped", "merge-weights", "proportional-attention",
                "next-block-keys", "min-tokens", "output"));
        check(new TokenMerge(), List.of("block", "keep", "schedule", "metric", "rounds", "proportional-attention", "next-block-keys",
                "min-tokens", "output"));
        check(new TokenPool(), List.of("block", "keep", "method", "iterations", "proportional-attention", "next-block-keys", "min-tokens",
                "output"));
        assertEquals(List.of("cls-attention", "next-cls-attention", "norm", "mean-similarity"),
                new TokenDrop().descriptor().parameter("importance").orElseThrow().choices());
        assertEquals(List.of("rejoin", "copy-nearest", "merge-nearest"), new TokenDrop().descriptor().parameter("dropped").orElseThrow().choices());
        // the defaults are the most faithful combination measured on MiniLM
        assertEquals("next-cls-attention", new TokenDrop().descriptor().parameter("importance").orElseThrow().defaultValue());
        assertEquals("merge-nearest", new TokenDrop().descriptor().parameter("dropped").orElseThrow().defaultValue());
        assertEquals("attention", new TokenDrop().descriptor().parameter("merge-weights").orElseThrow().defaultValue());
        for (Technique t : List.of(new TokenDrop(), new TokenMerge(), new TokenPool())) {
            assertEquals(List.of("all", "kept"), t.descriptor().parameter("next-block-keys").orElseThrow().choices());
            assertEquals("all", t.descriptor().parameter("next-block-keys").orElseThrow().defaultValue());
        }
        assertEquals(List.of("window", "kmeans", "kmedoids"), new TokenPool().descriptor().parameter("method").orElseThrow().choices());
        assertEquals("full", new TokenMerge().descriptor().parameter("output").orElseThrow().defaultValue());
    }

    private static void check(Technique t, List<String> names) {
        TechniqueDescriptor d = t.descriptor();
        assertEquals("tokens", d.family());
        assertTrue(d.id().startsWith("tokens."));
        assertFalse(d.lossless());
        assertEquals(names, d.parameters().stream().map(ParameterSpec::name).toList());
        for (ParameterSpec p : d.parameters()) assertTrue(p.help().length() > 20, p.describe());
    }
}
