package org.strata.ui.charts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.strata.core.AnalysisTable;

/**
 * Any {@link AnalysisTable} a technique or analysis produced, drawn the way its kind says — bars, heatmap,
 * lines or a plain table — with its note underneath. Nothing here knows which analysis it is showing: a new
 * analysis appears without UI code written for it.
 */
public final class AnalysisChart {
    private AnalysisChart() {
    }

    /** Creates the view of {@code t} in {@code parent} (a composite with a title, the chart and the note). */
    public static Composite create(Composite parent, AnalysisTable t, String source) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        box.setLayout(gl);
        box.setData("strata.analysis", t.id());
        String title = t.title();
        switch (t.kind()) {
            case BARS -> {
                BarChart c = new BarChart(box);
                c.setTitle(title);
                double[][] v = new double[t.columns().size()][t.rows().size()];
                for (int s = 0; s < t.columns().size(); s++) for (int r = 0; r < t.rows().size(); r++) v[s][r] = t.value(r, s);
                c.setData(t.rows(), t.columns(), v, t.unit());
                c.setLayoutData(gd(260));
            }
            case HEATMAP -> {
                HeatmapChart c = new HeatmapChart(box);
                c.setTitle(title);
                c.setData(t.rows(), t.columns(), t.values(), t.unit());
                c.setLayoutData(gd(Math.min(420, 60 + 30 * t.rows().size())));
            }
            case LINES -> {
                LineChart c = new LineChart(box);
                c.setTitle(title);
                c.setData(t.columns(), t.rows(), t.values(), t.unit());
                // series of very different ranges get a panel each: room for every panel
                c.setLayoutData(gd(110 + 130 * c.panels().size()));
            }
            case TABLE -> {
                Label l = new Label(box, SWT.NONE);
                l.setText(title);
                l.setFont(JFaceFonts.bold(box.getDisplay()));
                Table table = new Table(box, SWT.BORDER | SWT.FULL_SELECTION);
                table.setHeaderVisible(true);
                List<String> cols = new ArrayList<>();
                cols.add("");
                cols.addAll(t.columns());
                for (String c : cols) new TableColumn(table, SWT.LEFT).setText(c);
                for (int r = 0; r < t.rows().size(); r++) {
                    TableItem it = new TableItem(table, SWT.NONE);
                    it.setText(0, t.rows().get(r));
                    for (int c = 0; c < t.columns().size(); c++) it.setText(c + 1, Chart.format(t.value(r, c)));
                }
                for (TableColumn c : table.getColumns()) c.pack();
                GridData g = gd(Math.min(260, 30 + 22 * t.rows().size()));
                table.setLayoutData(g);
            }
        }
        String note = (source == null ? "" : "From " + source + ". ") + t.note();
        if (!note.isBlank()) {
            Label noteLabel = new Label(box, SWT.WRAP);
            noteLabel.setText(note.strip());
            Label note0 = noteLabel;
            note0.setForeground(box.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
            GridData g = new GridData(SWT.FILL, SWT.TOP, true, false);
            g.widthHint = 400;
            note0.setLayoutData(g);
        }
        return box;
    }

    private static GridData gd(int height) {
        GridData g = new GridData(SWT.FILL, SWT.FILL, true, false);
        g.heightHint = height;
        return g;
    }
}
