package io.dynofa.soak.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.soak.internal.ProcessGauges.Gauges;
import org.junit.Test;

public class ProcessGaugesTest {
    private static final String STATUS = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmRSS:\t  412340 kB\nThreads:\t87\n";

    @Test
    public void readsAFieldOfProcSelfStatus() {
        assertEquals(412340, ProcessGauges.field(STATUS, "VmRSS"));
        assertEquals(87, ProcessGauges.field(STATUS, "Threads"));
        assertEquals(-1, ProcessGauges.field(STATUS, "VmSwap"));
        assertEquals(-1, ProcessGauges.field("Threads:\tmany\n", "Threads"));
    }

    @Test
    public void readsThisProcess() {
        Gauges g = ProcessGauges.read();

        assertTrue(g.toString(), g.rssMb() > 1 && g.heapMb() > 0 && g.jvmThreads() > 0 && g.osThreads() >= g
            .jvmThreads() && g.fds() > 2);
    }
}
