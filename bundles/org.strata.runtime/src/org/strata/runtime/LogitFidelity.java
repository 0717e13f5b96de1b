package org.strata.runtime;

/**
 * How closely a candidate model's output distributions follow the reference's, position by position.
 *
 * @param positions        number of distributions compared (batch × sequence positions)
 * @param top1Agreement    fraction of positions where both models rank the same class first
 * @param meanKlDivergence mean KL(softmax(reference) ‖ softmax(candidate)) in nats
 */
public record LogitFidelity(int positions, double top1Agreement, double meanKlDivergence) {}
