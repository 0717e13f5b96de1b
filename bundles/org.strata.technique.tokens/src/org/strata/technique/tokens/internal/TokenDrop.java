package org.strata.technique.tokens.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueException;
import org.strata.onnx.Model;

/**
 * {@code tokens.drop}: after a block, only the most important tokens go on through the later blocks, in one
 * stage or several (PyramidDrop: Xing et al., 2024), optionally keeping an even spread of the sequence
 * (FEATHER: Endo et al., 2024); dropped tokens rejoin at the output (Token Dropping: Hou et al., 2022), take
 * the output of their most similar kept token, or (the default) are merged into it. See {@link DropStage} for the
 * rules and {@link TokenReducer} for how the graph is rewritten.
 *
 * <p>The defaults are the most faithful combination measured on MiniLM (docs/tokens-benchmark.md): tokens ranked
 * by the attention the first token pays them in the next block, dropped tokens merged into their nearest kept
 * token weighted by that attention, and the next block still attending to every token ({@code next-block-keys=all}).
 *
 * <p>{@code keep} gives the fraction of a row's real tokens kept after each stage: one value per block in
 * {@code blocks}, non-increasing, or one value for all, which the last stage reaches and earlier stages approach
 * geometrically (each keeps the same share of the one before).
 */
@Component(service = Technique.class)
public final class TokenDrop implements Technique {
    static final String ID = "tokens.drop";
    static final String BLOCKS = "blocks";
    static final String IMPORTANCE = "importance";
    static final String COVERAGE = "coverage";
    static final String DROPPED = "dropped";
    static final String MERGE_WEIGHTS = "merge-weights";

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Token dropping", "tokens",
            "After a block, only the most important tokens go on (attention from the first token, norm or similarity to"
                    + " the mean), in one or several stages, the others merged into their most similar kept token; the output"
                    + " keeps the full sequence",
            false,
            List.of(ParameterSpec.intList(BLOCKS, List.of(2), 1, 10_000,
                            "reduce after these blocks (from 1), one stage each, in increasing order (PyramidDrop stages)"),
                    ParameterSpec.textList(TokenParameters.KEEP, List.of("0.5"), List.of(),
                            "fraction of each row's real tokens kept after each stage, one per block (non-increasing), or one"
                                    + " for the last stage with earlier stages spaced geometrically; above 0, at most 1"),
                    ParameterSpec.choice(IMPORTANCE, DropStage.Importance.NEXT_CLS_ATTENTION.id(),
                            TokenParameters.ids(DropStage.Importance.values()),
                            "what makes a token important: the attention the first token pays it (averaged over heads) in the"
                                    + " block (cls-attention) or in the next block, computed from the full sequence"
                                    + " (next-cls-attention), the norm of its hidden state, or its cosine similarity to the mean"),
                    ParameterSpec.real(COVERAGE, 0, 0, 1,
                            "share of each stage's kept tokens spread evenly over the sequence before the rest is chosen by"
                                    + " importance, so that no region disappears (FEATHER)"),
                    ParameterSpec.choice(DROPPED, DropStage.Dropped.MERGE_NEAREST.id(), TokenParameters.ids(DropStage.Dropped.values()),
                            "what dropped tokens output: rejoin (the state they left with), copy-nearest (the output of the"
                                    + " most similar kept token) or merge-nearest (averaged into that token in the later blocks)"),
                    ParameterSpec.choice(MERGE_WEIGHTS, DropStage.MergeWeights.ATTENTION.id(),
                            TokenParameters.ids(DropStage.MergeWeights.values()),
                            "with merge-nearest, how the members of a merged token are averaged: by the attention the first token"
                                    + " pays them (with an attention importance; otherwise by size) or by size"),
                    TokenParameters.proportional(), TokenParameters.nextBlockKeys(), TokenParameters.minTokens(),
                    TokenParameters.output()),
            EnumSet.allOf(GraphForm.class), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        List<Integer> blocks = params.getIntList(BLOCKS);
        if (blocks.isEmpty()) throw new TechniqueException(ID + ": blocks is empty; name at least one block to reduce after");
        double[] keep = keepPerStage(params.getStringList(TokenParameters.KEEP), blocks.size());
        for (int i = 1; i < blocks.size(); i++) {
            if (blocks.get(i) <= blocks.get(i - 1)) {
                throw new TechniqueException(ID + ": blocks must be strictly increasing (one stage per block), but " + blocks
                        + " has block " + blocks.get(i) + " after block " + blocks.get(i - 1));
            }
        }
        DropStage.Importance importance = TokenParameters.choice(DropStage.Importance.class, params, IMPORTANCE);
        DropStage.Dropped dropped = TokenParameters.choice(DropStage.Dropped.class, params, DROPPED);
        double coverage = params.getDouble(COVERAGE);
        // attention weights need attention scores; with another importance the members are averaged by size
        DropStage.MergeWeights weights = importance.attention()
                ? TokenParameters.choice(DropStage.MergeWeights.class, params, MERGE_WEIGHTS) : DropStage.MergeWeights.SIZE;
        List<ReductionStage> stages = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            stages.add(new DropStage(blocks.get(i), keep[i], importance, coverage, dropped, weights));
        }
        boolean proportional = params.getBoolean(TokenParameters.PROPORTIONAL) && dropped == DropStage.Dropped.MERGE_NEAREST;
        return TokenReducer.apply(ID, model, context,
                new TokenReducer.Plan(stages, proportional, params.getInt(TokenParameters.MIN_TOKENS), TokenParameters.output(params),
                        TokenParameters.nextBlockKeys(params), "drop/" + importance.id() + "/" + dropped.id()
                                + (dropped == DropStage.Dropped.MERGE_NEAREST ? "/" + weights.id() : "")));
    }

    /** The keep ratio of each of {@code stages} stages from the parameter's words. */
    static double[] keepPerStage(List<String> words, int stages) {
        if (words.isEmpty()) throw new TechniqueException(ID + ": keep is empty; give the fraction of tokens to keep, e.g. 0.5");
        double[] given = new double[words.size()];
        for (int i = 0; i < given.length; i++) {
            try {
                given[i] = Double.parseDouble(words.get(i));
            } catch (NumberFormatException e) {
                throw new TechniqueException(ID + ": keep '" + words.get(i) + "' is not a number; give fractions such as 0.5");
            }
            TokenParameters.keep(ID, given[i]);
        }
        if (given.length == stages) return given;
        if (given.length != 1) {
            throw new TechniqueException(ID + ": keep has " + given.length + " values for " + stages + " blocks; give one per"
                    + " block, or one for the last stage");
        }
        double[] out = new double[stages];
        for (int i = 0; i < stages; i++) out[i] = Math.pow(given[0], (i + 1.0) / stages);
        return out;
    }
}
