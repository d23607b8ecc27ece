package io.dynofa.monitor.cpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class CpuTimesTest {
    static final String FIRST = "cpu  100 10 50 800 40 0 0 0 0 0\n"
        + "cpu0 50 5 25 400 20 0 0 0 0 0\n"
        + "intr 12345\n";
    static final String SECOND = "cpu  160 10 80 900 50 5 5 0 0 0\n"
        + "cpu0 80 5 40 450 25 2 3 0 0 0\n"
        + "intr 12999\n";

    @Test
    public void busyExcludesIdleAndIowait() {
        CpuTimes t = CpuTimes.parse(FIRST);
        assertEquals(1000, t.total());
        assertEquals(160, t.busy());
    }

    @Test
    public void guestColumnsAreNotCountedTwice() {
        CpuTimes t = CpuTimes.parse("cpu  1 2 3 4 5 6 7 8 100 200\n");
        assertEquals(36, t.total());
        assertEquals(27, t.busy());
    }

    @Test
    public void utilisationIsBusyDeltaOverTotalDelta() {
        // busy 160 -> 260 (+100), total 1000 -> 1210 (+210)
        double u = CpuTimes.parse(SECOND).utilisationSince(CpuTimes.parse(FIRST)).getAsDouble();
        assertEquals(100.0 / 210.0, u, 1e-12);
    }

    @Test
    public void fullyBusyAndFullyIdle() {
        CpuTimes start = CpuTimes.parse("cpu  0 0 0 0 0 0 0 0\n");
        assertEquals(1.0, CpuTimes.parse("cpu  70 0 30 0 0 0 0 0\n").utilisationSince(start).getAsDouble(), 0);
        assertEquals(0.0, CpuTimes.parse("cpu  0 0 0 90 10 0 0 0\n").utilisationSince(start).getAsDouble(), 0);
    }

    @Test
    public void noUtilisationWhenNoTickElapsed() {
        CpuTimes t = CpuTimes.parse(FIRST);
        assertTrue(t.utilisationSince(t).isEmpty());
    }

    @Test
    public void olderKernelsWithFourColumns() {
        CpuTimes t = CpuTimes.parse("cpu 10 0 10 80\n");
        assertEquals(100, t.total());
        assertEquals(20, t.busy());
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsTextWithoutAggregateLine() {
        CpuTimes.parse("cpu0 1 2 3 4\nintr 5\n");
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsNonNumericCounters() {
        CpuTimes.parse("cpu  1 2 x 4 5\n");
    }
}
