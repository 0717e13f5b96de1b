package org.strata.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One text as a model sees it: the WordPiece tokens including the special tokens the post-processor
 * added ({@code [CLS]} … {@code [SEP]}), their vocabulary ids and their token type (segment) ids.
 * Immutable: the arrays are copied in and out.
 */
public record Encoding(List<String> tokens, int[] ids, int[] typeIds) {

    public Encoding {
        tokens = List.copyOf(tokens);
        ids = ids.clone();
        typeIds = typeIds.clone();
        if (tokens.size() != ids.length || ids.length != typeIds.length) {
            throw new IllegalArgumentException("tokens, ids and type ids differ in length: " + tokens.size()
                    + ", " + ids.length + ", " + typeIds.length);
        }
    }

    /** Number of tokens, special tokens included. */
    public int length() {
        return ids.length;
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public int[] typeIds() {
        return typeIds.clone();
    }

    /** The id at one position, without copying the array. */
    public int id(int position) {
        return ids[position];
    }

    /** The token type id at one position, without copying the array. */
    public int typeId(int position) {
        return typeIds[position];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encoding e && tokens.equals(e.tokens) && Arrays.equals(ids, e.ids)
                && Arrays.equals(typeIds, e.typeIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokens, Arrays.hashCode(ids), Arrays.hashCode(typeIds));
    }

    @Override
    public String toString() {
        return "Encoding" + tokens;
    }
}
