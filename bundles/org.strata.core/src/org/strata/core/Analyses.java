package org.strata.core;

import java.util.ArrayList;
import java.util.List;

import org.strata.model.Analysis;
import org.strata.model.AnalysisKind;
import org.strata.model.StrataFactory;

/** Converts between {@link AnalysisTable} (what techniques and analyses produce) and the run record's {@link Analysis}. */
public final class Analyses {
    private Analyses() {}

    public static Analysis toRecord(AnalysisTable t) {
        Analysis a = StrataFactory.eINSTANCE.createAnalysis();
        a.setId(t.id());
        a.setTitle(t.title());
        a.setKind(AnalysisKind.get(t.kind().ordinal()));
        a.getRowLabels().addAll(t.rows());
        a.getColumnLabels().addAll(t.columns());
        for (double[] row : t.values()) for (double v : row) a.getValues().add(v);
        a.setUnit(t.unit());
        a.setNote(t.note());
        return a;
    }

    /** @throws IllegalArgumentException if the record's values do not fill rows × columns */
    public static AnalysisTable fromRecord(Analysis a) {
        int rows = a.getRowLabels().size(), cols = a.getColumnLabels().size();
        if (a.getValues().size() != rows * cols) {
            throw new IllegalArgumentException("analysis " + a.getId() + " has " + a.getValues().size() + " values for "
                    + rows + " × " + cols + " labels");
        }
        double[][] v = new double[rows][cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) v[r][c] = a.getValues().get(r * cols + c);
        AnalysisTable.Kind kind = a.getKind() == null ? AnalysisTable.Kind.TABLE : AnalysisTable.Kind.values()[a.getKind().getValue()];
        return new AnalysisTable(a.getId(), a.getTitle() == null ? "" : a.getTitle(), kind, new ArrayList<>(a.getRowLabels()),
                new ArrayList<>(a.getColumnLabels()), v, a.getUnit(), a.getNote());
    }

    public static List<AnalysisTable> fromRecords(List<Analysis> records) {
        List<AnalysisTable> out = new ArrayList<>();
        for (Analysis a : records) out.add(fromRecord(a));
        return out;
    }
}
