package io.dynofa.monitor.common.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

public class SamplerTest {

    @Test
    public void unavailableUntilSampled() {
        Sampler sampler = new Sampler(new ScriptedSource(1));
        assertEquals(Reading.unavailable("not sampled yet"), sampler.latest());
    }

    @Test
    public void eachSampleReplacesTheLatestReading() {
        Sampler sampler = new Sampler(new ScriptedSource(1, 2));
        sampler.sample();
        assertEquals(Map.of("n", 1.0), sampler.latest().metrics());
        sampler.sample();
        assertEquals(Map.of("n", 2.0), sampler.latest().metrics());
        assertEquals(Optional.empty(), sampler.latest().unavailableReason());
    }

    @Test
    public void aFailedReadIsUnavailableWithTheSourcesReasonAndTheSourceForgets() {
        ScriptedSource source = new ScriptedSource(1, new IOException("gone"), new IllegalArgumentException("bad"), 2);
        Sampler sampler = new Sampler(source);
        sampler.sample();
        sampler.sample();
        assertEquals(Reading.unavailable("broken: gone"), sampler.latest());
        sampler.sample();
        assertEquals(Reading.unavailable("broken: bad"), sampler.latest());
        assertEquals(2, source.forgotten);
        sampler.sample();
        assertEquals(Reading.of(Map.of("n", 2.0)), sampler.latest());
    }

    @Test
    public void anInterruptedReadKeepsTheLatestReadingAndTheInterrupt() {
        ScriptedSource source = new ScriptedSource(1, new InterruptedException());
        Sampler sampler = new Sampler(source);
        sampler.sample();
        sampler.sample();
        assertTrue(Thread.interrupted());
        assertEquals(Reading.of(Map.of("n", 1.0)), sampler.latest());
        assertEquals(0, source.forgotten);
    }
}
