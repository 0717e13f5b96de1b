package org.strata.core;

import java.util.Arrays;
import java.util.List;

/**
 * A measured table a technique or analysis hands to the run record and the report (block influence per
 * block, a layer-similarity matrix, a sensitivity ranking, per-block divergence): row and column labels, the
 * values ({@code values[row][column]}, NaN where there is none) and how it is best drawn. Blocks are labelled
 * from 1, as everywhere a user sees them.
 *
 * @param id      stable machine name, e.g. {@code block-influence}
 * @param title   what a reader sees above the chart
 * @param kind    how to draw it
 * @param rows    row labels (one bar per row for {@link Kind#BARS}; one line per row for {@link Kind#LINES})
 * @param columns column labels (a single column for bars)
 * @param values  rows × columns
 * @param unit    unit of the values, or empty
 * @param note    one or two sentences that say how to read it
 */
public record AnalysisTable(String id, String title, Kind kind, List<String> rows, List<String> columns, double[][] values,
        String unit, String note) {

    public enum Kind {
        /** Plain table. */
        TABLE,
        /** One bar per row (first column), further columns as further bars per row. */
        BARS,
        /** Colour per cell: a similarity or divergence matrix. */
        HEATMAP,
        /** One line per row over the columns (e.g. cosine per block for several candidates). */
        LINES
    }

    public AnalysisTable {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        if (values.length != rows.size()) {
            throw new IllegalArgumentException("analysis " + id + ": " + values.length + " rows of values for "
                    + rows.size() + " row labels");
        }
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != columns.size()) {
                throw new IllegalArgumentException("analysis " + id + ": row " + r + " has " + values[r].length
                        + " values for " + columns.size() + " columns");
            }
            copy[r] = values[r].clone();
        }
        values = copy;
        unit = unit == null ? "" : unit;
        note = note == null ? "" : note;
    }

    /** A bar chart: one value per row. */
    public static AnalysisTable bars(String id, String title, List<String> rows, String column, double[] values, String unit,
            String note) {
        double[][] v = new double[values.length][];
        for (int i = 0; i < values.length; i++) v[i] = new double[] {values[i]};
        return new AnalysisTable(id, title, Kind.BARS, rows, List.of(column), v, unit, note);
    }

    public double value(int row, int column) {
        return values[row][column];
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) copy[r] = values[r].clone();
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnalysisTable a && id.equals(a.id) && title.equals(a.title) && kind == a.kind
                && rows.equals(a.rows) && columns.equals(a.columns) && Arrays.deepEquals(values, a.values)
                && unit.equals(a.unit) && note.equals(a.note);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "AnalysisTable[" + id + ", " + rows.size() + "×" + columns.size() + "]";
    }
}
