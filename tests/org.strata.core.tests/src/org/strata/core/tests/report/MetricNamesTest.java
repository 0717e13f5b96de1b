package org.strata.core.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.core.report.MetricNames;

/** The metric names are a contract with run records already on disk: they must not drift. */
class MetricNamesTest {
    @Test
    void namesAreTheDocumentedStrings() {
        assertEquals(List.of("cosine.mean", "cosine.min", "error.max-abs", "neighbours.top1", "neighbours.top5", "similarity.spearman",
                "error.relative", "latency.p50", "latency.p90", "latency.ratio", "size.bytes", "size.ratio"),
                List.of(MetricNames.COSINE_MEAN, MetricNames.COSINE_MIN, MetricNames.ERROR_MAX_ABS, MetricNames.NEIGHBOURS_TOP1,
                        MetricNames.NEIGHBOURS_TOP5, MetricNames.SIMILARITY_SPEARMAN, MetricNames.ERROR_RELATIVE, MetricNames.LATENCY_P50,
                        MetricNames.LATENCY_P90, MetricNames.LATENCY_RATIO, MetricNames.SIZE_BYTES, MetricNames.SIZE_RATIO));
    }

    @Test
    void perOutputRelativeErrorsRoundTrip() {
        assertEquals("error.relative:last_hidden_state", MetricNames.relativeError("last_hidden_state"));
        assertEquals("logits:0", MetricNames.relativeErrorOutput(MetricNames.relativeError("logits:0")));
        assertNull(MetricNames.relativeErrorOutput(MetricNames.ERROR_RELATIVE));
        assertNull(MetricNames.relativeErrorOutput("error.relative:"));
        assertNull(MetricNames.relativeErrorOutput(null));
        assertThrows(IllegalArgumentException.class, () -> MetricNames.relativeError(""));
    }
}
