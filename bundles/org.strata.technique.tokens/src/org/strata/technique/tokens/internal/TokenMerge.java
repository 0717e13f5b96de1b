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
import org.strata.onnx.Model;

/**
 * {@code tokens.merge}: ToMe's bipartite soft matching (Bolya et al., 2023) between blocks — merged tokens are
 * averaged by size, and the sizes go into the later attentions as log(size) (proportional attention); on
 * restoring, merged tokens take the output of the token they were merged into. See {@link MergeStage}.
 *
 * <p>{@code schedule=once} merges after {@code block} alone, in {@code rounds} rounds (more when {@code keep} is
 * near one half or below, since one round cannot quite halve the sequence); {@code per-block} merges the same number
 * of tokens after every block from {@code block} to the second-to-last (ToMe's constant r), reaching {@code keep}
 * after the last of them.
 */
@Component(service = Technique.class)
public final class TokenMerge implements Technique {
    static final String ID = "tokens.merge";
    static final String SCHEDULE = "schedule";
    static final String METRIC = "metric";
    static final String ROUNDS = "rounds";

    enum Schedule implements TokenParameters.Choice {
        ONCE, PER_BLOCK
    }

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Token merging (ToMe)", "tokens",
            "Merges similar tokens by bipartite soft matching after a block (or after each block), averaging by size with"
                    + " proportional attention; the output keeps the full sequence",
            false,
            List.of(TokenParameters.block("merge after this block (from 1); with per-block, the first block merged after"),
                    TokenParameters.keep(),
                    ParameterSpec.choice(SCHEDULE, Schedule.ONCE.id(), TokenParameters.ids(Schedule.values()),
                            "once: all merging after the block; per-block: the same number of tokens after each block from it"
                                    + " to the second-to-last"),
                    ParameterSpec.choice(METRIC, MergeStage.Metric.KEYS.id(), TokenParameters.ids(MergeStage.Metric.values()),
                            "what similarity is measured on: the block's attention keys (as ToMe) or the hidden states"),
                    ParameterSpec.integer(ROUNDS, 1, 1, 8,
                            "rounds of matching per block at least (more when one cannot reach keep); several smaller"
                                    + " merges match better than one large one"),
                    TokenParameters.proportional(), TokenParameters.nextBlockKeys(), TokenParameters.minTokens(), TokenParameters.output()),
            EnumSet.allOf(GraphForm.class), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        int block = params.getInt(TokenParameters.BLOCK);
        double keep = TokenParameters.keep(ID, params.getDouble(TokenParameters.KEEP));
        Schedule schedule = TokenParameters.choice(Schedule.class, params, SCHEDULE);
        MergeStage.Metric metric = TokenParameters.choice(MergeStage.Metric.class, params, METRIC);
        int rounds = params.getInt(ROUNDS);
        int blocks = context.structure().blockCount();
        List<ReductionStage> stages = new ArrayList<>();
        if (schedule == Schedule.ONCE || block >= blocks - 1) {
            addRounds(stages, block, 1, keep, metric, rounds);
        } else {
            int count = blocks - block; // after blocks block … blocks − 1
            double previous = 1;
            for (int i = 0; i < count; i++) {
                double k = 1 - (1 - keep) * (i + 1) / count;
                addRounds(stages, block + i, previous, k, metric, rounds);
                previous = k;
            }
        }
        return TokenReducer.apply(ID, model, context, new TokenReducer.Plan(stages, params.getBoolean(TokenParameters.PROPORTIONAL),
                params.getInt(TokenParameters.MIN_TOKENS), TokenParameters.output(params), TokenParameters.nextBlockKeys(params), "merge/" + schedule.id() + "/" + metric.id()));
    }

    /**
     * Rounds after {@code block} from {@code from} down to {@code to}. A round merges at most the A tokens other than
     * the first, so it cannot quite halve a row (40 tokens: 19 merges, 21 left); each round keeps at least 55 %.
     */
    private static void addRounds(List<ReductionStage> stages, int block, double from, double to, MergeStage.Metric metric,
            int atLeast) {
        int rounds = Math.max(atLeast, (int) Math.ceil(Math.log(to / from) / Math.log(0.55) - 1e-9));
        for (int r = 1; r <= rounds; r++) {
            stages.add(new MergeStage(block, from * Math.pow(to / from, (double) r / rounds), metric));
        }
    }
}
