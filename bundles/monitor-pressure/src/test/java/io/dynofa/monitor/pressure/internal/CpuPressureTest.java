package io.dynofa.monitor.pressure.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class CpuPressureTest {
    static String psi(double avg10, double avg60, long total) {
        return "some avg10=" + avg10 + " avg60=" + avg60 + " avg300=31.33 total=" + total + "\n"
            + "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n";
    }

    @Test
    public void readsTheSomeLineNotTheFullLine() {
        assertEquals(new CpuPressure(8.48, 14.12, 542_902_586L), CpuPressure.parse(psi(8.48, 14.12, 542_902_586L)));
    }

    @Test
    public void olderKernelsWithoutAFullLine() {
        assertEquals(new CpuPressure(0.0, 1.5, 7L),
            CpuPressure.parse("some avg10=0.00 avg60=1.50 avg300=0.20 total=7\n"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsTextWithoutASomeLine() {
        CpuPressure.parse("full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsAMissingTotal() {
        CpuPressure.parse("some avg10=1.00 avg60=1.00 avg300=1.00\n");
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsANonNumericAverage() {
        CpuPressure.parse("some avg10=high avg60=1.00 avg300=1.00 total=5\n");
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsAnAverageAboveOneHundredPercent() {
        CpuPressure.parse("some avg10=100.01 avg60=1.00 avg300=1.00 total=5\n");
    }
}
