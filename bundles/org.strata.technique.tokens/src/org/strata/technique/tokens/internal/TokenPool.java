package org.strata.technique.tokens.internal;

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
 * {@code tokens.pool}: Token Pooling (Marin et al., 2021) after a block — the tokens are clustered to the target
 * count by weighted k-means or k-medoids iterations unrolled in the graph, or pooled in fixed windows as a
 * baseline; each cluster goes on as one token with its size; on restoring, every token takes its cluster's output.
 * See {@link PoolStage}.
 */
@Component(service = Technique.class)
public final class TokenPool implements Technique {
    static final String ID = "tokens.pool";
    static final String METHOD = "method";
    static final String ITERATIONS = "iterations";

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Token pooling", "tokens",
            "Downsamples the tokens after a block to a target count by clustering them (k-means, k-medoids) or by windows;"
                    + " the output keeps the full sequence",
            false,
            List.of(TokenParameters.block("pool after this block (from 1)"), TokenParameters.keep(),
                    ParameterSpec.choice(METHOD, PoolStage.Method.KMEANS.id(), TokenParameters.ids(PoolStage.Method.values()),
                            "kmeans: weighted k-means on the hidden states; kmedoids: centres snap to member tokens; window:"
                                    + " consecutive windows averaged (the baseline)"),
                    ParameterSpec.integer(ITERATIONS, 3, 0, 20, "clustering iterations unrolled in the graph (kmeans, kmedoids)"),
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
        PoolStage.Method method = TokenParameters.choice(PoolStage.Method.class, params, METHOD);
        ReductionStage stage = new PoolStage(block, keep, method, params.getInt(ITERATIONS));
        return TokenReducer.apply(ID, model, context, new TokenReducer.Plan(List.of(stage),
                params.getBoolean(TokenParameters.PROPORTIONAL), params.getInt(TokenParameters.MIN_TOKENS),
                TokenParameters.output(params), TokenParameters.nextBlockKeys(params), "pool/" + method.id()));
    }
}
