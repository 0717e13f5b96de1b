package org.strata.technique.tokens.internal;

import java.util.Arrays;
import java.util.List;

import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.TechniqueException;

/** The parameters the three token techniques share, and reading them. */
final class TokenParameters {
    static final String BLOCK = "block";
    static final String KEEP = "keep";
    static final String OUTPUT = "output";
    static final String PROPORTIONAL = "proportional-attention";
    static final String MIN_TOKENS = "min-tokens";
    static final String NEXT_BLOCK_KEYS = "next-block-keys";

    private TokenParameters() {
    }

    static ParameterSpec block(String help) {
        return ParameterSpec.integer(BLOCK, 2, 1, 10_000, help);
    }

    static ParameterSpec keep() {
        return ParameterSpec.real(KEEP, 0.5, 0, 1,
                "fraction of each row's real tokens that go on after the reduction (above 0, at most 1; the first token always stays)");
    }

    static ParameterSpec proportional() {
        return ParameterSpec.bool(PROPORTIONAL, true,
                "add log(size) of a token standing for several to the later attention scores (ToMe's proportional attention)");
    }

    static ParameterSpec minTokens() {
        return ParameterSpec.integer(MIN_TOKENS, 0, 0, 1_000_000,
                "the fewest tokens a row keeps after a reduction (a shorter row keeps all of its tokens): short inputs,"
                        + " where reducing saves little, keep their fidelity");
    }

    static ParameterSpec output() {
        return ParameterSpec.choice(OUTPUT, TokenReducer.OutputMode.FULL.id(), ids(TokenReducer.OutputMode.values()),
                "full: restore [batch, sequence, hidden] at the output (a drop-in replacement); reduced: output the reduced "
                        + "sequence and its per-token weights (" + TokenReducer.WEIGHTS_OUTPUT + ")");
    }

    static ParameterSpec nextBlockKeys() {
        return ParameterSpec.choice(NEXT_BLOCK_KEYS, TokenReducer.NextBlockKeys.ALL.id(), ids(TokenReducer.NextBlockKeys.values()),
                "all: the block right after a reduction still attends to every token (its keys and values read the full"
                        + " sequence; its queries and everything after run on the kept tokens), which costs that block's key"
                        + " and value projections of the dropped tokens and keeps much more fidelity; kept: it attends to the"
                        + " kept tokens only, like the later blocks");
    }

    static TokenReducer.NextBlockKeys nextBlockKeys(Parameters p) {
        return choice(TokenReducer.NextBlockKeys.class, p, NEXT_BLOCK_KEYS);
    }

    static TokenReducer.OutputMode output(Parameters p) {
        return choice(TokenReducer.OutputMode.class, p, OUTPUT);
    }

    /** The keep ratio, checked: above 0 and at most 1. */
    static double keep(String id, double keep) {
        if (!(keep > 0) || keep > 1) {
            throw new TechniqueException(id + ": keep " + keep + " is not a keep ratio: it must be above 0 (something must"
                    + " stay) and at most 1 (all tokens)");
        }
        return keep;
    }

    /** A closed set of parameter values (an enum), each with the word a pipeline file uses: its name in lower case, dashed. */
    interface Choice {
        default String id() {
            return ((Enum<?>) this).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    static List<String> ids(Choice[] values) {
        return Arrays.stream(values).map(Choice::id).toList();
    }

    /** The value of {@code type} whose word is {@code p}'s parameter {@code name} (validated against the choices already). */
    static <E extends Enum<E> & Choice> E choice(Class<E> type, Parameters p, String name) {
        String word = p.getString(name);
        for (E e : type.getEnumConstants()) if (e.id().equals(word)) return e;
        throw new TechniqueException("parameter " + name + ": '" + word + "' is not one of " + ids(type.getEnumConstants()));
    }
}
