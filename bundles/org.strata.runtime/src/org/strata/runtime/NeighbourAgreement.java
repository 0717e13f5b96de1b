package org.strata.runtime;

/**
 * Whether two embeddings of the same texts agree on which texts are near each other.
 *
 * @param top1        fraction of texts whose nearest other text is the same in both
 * @param topKOverlap mean fraction of the k nearest other texts that both share
 * @param k           the k used (at most the number of texts minus one)
 */
public record NeighbourAgreement(double top1, double topKOverlap, int k) {}
