package org.strata.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.ui.charts.LineChart;

/** Which series of a line chart share a value axis: those whose ranges overlap or lie close; the rest get a panel each. */
class LineChartPanelsTest {
    private static final double NaN = Double.NaN;

    @Test
    void cosinesShareAPanelAndARelativeErrorGetsItsOwn() {
        double[][] divergence = {{0.9999, 0.9969, 0.9954, 0.9914}, {0.999, 0.97, 0.96, 0.93}, {0.03, 0.08, 0.11, 0.135}};
        assertEquals(List.of(List.of(0, 1), List.of(2)), LineChart.panels(divergence));
    }

    @Test
    void seriesOfOneRangeStayOnOneAxis() {
        double[][] earlyExit = {{0.2, 0.5, 0.8, 1.0}, {0.1, 0.3, 0.7, 1.0}};
        assertEquals(List.of(List.of(0, 1)), LineChart.panels(earlyExit));
    }

    @Test
    void threeRangesFarApartGetThreePanelsAndAnEmptySeriesJoinsTheFirst() {
        double[][] v = {{1000, 1200}, {NaN, NaN}, {0.5, 0.6}, {-40, -35}};
        assertEquals(List.of(List.of(0, 1), List.of(2), List.of(3)), LineChart.panels(v));
    }

    @Test
    void closeButNotOverlappingRangesShareAnAxis() {
        // 0.80..0.90 and 0.92..0.95: 0.02 apart, less than half of the wider range (0.1)
        assertEquals(List.of(List.of(0, 1)), LineChart.panels(new double[][] {{0.8, 0.9}, {0.92, 0.95}}));
        // 0.0..0.1 and 0.9..1.0: far apart
        assertEquals(List.of(List.of(0), List.of(1)), LineChart.panels(new double[][] {{0.0, 0.1}, {0.9, 1.0}}));
    }
}
