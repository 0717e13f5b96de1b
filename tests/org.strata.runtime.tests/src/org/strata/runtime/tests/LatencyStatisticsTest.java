package org.strata.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.strata.runtime.LatencyBenchmark.LatencyReport;
import org.strata.runtime.LatencyBenchmark.SequenceLatency;
import org.strata.runtime.LatencyBenchmark.Timing;
import org.strata.runtime.ProcessMemory;

class LatencyStatisticsTest {

    @Test
    void medianAndNearestRankP90() {
        Timing odd = Timing.of(new long[] {50, 10, 30, 20, 40});
        assertEquals(30, odd.medianNanos());
        assertEquals(50, odd.p90Nanos(), "rank ceil(0.9 * 5) = 5");
        Timing even = Timing.of(new long[] {40, 10, 30, 20});
        assertEquals(25, even.medianNanos(), "mean of 20 and 30");
        Timing ten = Timing.of(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 100});
        assertEquals(9, ten.p90Nanos(), "rank 9 of 10: the outlier does not count");
        assertThrows(IllegalArgumentException.class, () -> Timing.of(new long[0]));
    }

    @Test
    void ratioIsBOverA() {
        SequenceLatency row = new SequenceLatency(128, new Timing(2_000_000, 2_500_000, 30),
                new Timing(1_000_000, 1_200_000, 30));
        assertEquals(0.5, row.ratio(), 1e-12);
    }

    @Test
    void readsResidentMemoryFromProcStatus() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmHWM:\t  204800 kB",
                "VmRSS:\t  102400 kB", "Threads:\t42");
        ProcessMemory m = ProcessMemory.parse(status).orElseThrow();
        assertEquals(102400L * 1024, m.residentBytes());
        assertEquals(204800L * 1024, m.peakResidentBytes());
        assertEquals(Optional.empty(), ProcessMemory.parse(List.of("Name:\tjava")));
        LatencyReport report = new LatencyReport(List.of(), Optional.of(new ProcessMemory(100, 100)),
                Optional.of(new ProcessMemory(250, 300)));
        assertEquals(Optional.of(150L), report.processRssDeltaBytes());
        assertTrue(report.summary().contains("process RSS delta"), report.summary());
    }
}
