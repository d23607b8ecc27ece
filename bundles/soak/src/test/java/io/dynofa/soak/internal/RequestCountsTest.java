package io.dynofa.soak.internal;

import static org.junit.Assert.assertEquals;

import io.dynofa.soak.internal.RequestCounts.Counts;
import java.util.Map;
import org.junit.Test;

public class RequestCountsTest {
    @Test
    public void aCycleCountsWhatCameSinceTheSnapshotBeforeIt() {
        RequestCounts counts = new RequestCounts();
        counts.served();
        counts.failed("NOT_READY");
        Counts before = counts.snapshot();
        counts.served();
        counts.served();
        counts.failed("NO_SERVICE");
        counts.failed("NO_SERVICE");
        counts.failed("BACKEND_FAILURE");

        Counts cycle = counts.snapshot().minus(before);

        assertEquals(new Counts(2, Map.of("BACKEND_FAILURE", 1L, "NO_SERVICE", 2L)), cycle);
        assertEquals(3, cycle.failed());
        assertEquals("BACKEND_FAILURE 1; NO_SERVICE 2", cycle.reasons());
        assertEquals("none", counts.snapshot().minus(counts.snapshot()).reasons());
    }
}
