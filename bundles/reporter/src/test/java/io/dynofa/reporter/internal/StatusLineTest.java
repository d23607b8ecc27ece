package io.dynofa.reporter.internal;

import static org.junit.Assert.assertEquals;

import io.dynofa.monitor.api.Signals;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class StatusLineTest {

    @Test
    public void writesTheStatusAndTheSignalsInTheDocumentedOrder() {
        Map<String, Double> signals = Map.of("latency.mean.ms", 0.41234, "latency.p95.ms", 0.5, "cpu.load", 0.53,
            "demo.frames", 123.0, "demo.accuracy", 91.2, "unrelated", 7.0, "latency.slowdown", 1.5,
            "demo.latency.p95.ms", 0.61);
        Map<String, Long> rejected = new LinkedHashMap<>();
        rejected.put("NOT_READY", 4L);
        rejected.put("OVERLOADED", 2L);
        RuntimeStatus status = new RuntimeStatus(State.READY, "fmnist-ofa", "dynofa-step", "cpu", "ofa-12", 5, false,
            1.0, 0, 3, 200, 6, "ofa-12 fits the target", List.of("a problem", "io.dynofa.monitor.cpu: \"x\" rejected"),
            new Signals(signals, 0), "warming ofa-11, ofa-13 every 10 ms", rejected);

        assertEquals("{\"t\":1.0,\"family\":\"fmnist-ofa\",\"policy\":\"dynofa-step\",\"backend\":\"cpu\","
            + "\"level\":\"ofa-12\",\"levelIndex\":5,\"latencyMeanMs\":0.412,\"latencyP95Ms\":0.5,\"targetMs\":1.0,"
            + "\"frames\":123,\"accuracy\":91.2,\"cpuLoad\":0.53,\"slowdown\":1.5,\"frameP95Ms\":0.61,"
            + "\"state\":\"READY\",\"switches\":3,\"failed\":6,\"keepWarm\":\"warming ofa-11, ofa-13 every 10 ms\","
            + "\"rejected\":{\"NOT_READY\":4,\"OVERLOADED\":2},"
            + "\"problems\":[\"a problem\",\"io.dynofa.monitor.cpu: \\\"x\\\" rejected\"],"
            + "\"lastDecision\":\"ofa-12 fits the target\"}",
            StatusLine.of(1.0001, status));
    }

    @Test
    public void writesNullsForMissingSignalsAndNoLevel() {
        RuntimeStatus status = new RuntimeStatus(State.LOADING, null, null, null, null, -1, false, 2.5, 0, 0, 0, 1,
            "none yet", List.of(), new Signals(Map.of("demo.frames", Double.NaN), 0));

        assertEquals("{\"t\":2.0,\"family\":null,\"policy\":null,\"backend\":null,\"level\":null,\"levelIndex\":null,"
            + "\"latencyMeanMs\":null,\"latencyP95Ms\":null,\"targetMs\":2.5,\"frames\":null,\"accuracy\":null,"
            + "\"cpuLoad\":null,\"slowdown\":null,\"frameP95Ms\":null,\"state\":\"LOADING\",\"switches\":0,"
            + "\"failed\":1,\"keepWarm\":null,\"rejected\":{},\"problems\":[],\"lastDecision\":\"none yet\"}",
            StatusLine.of(1.96, status));
    }

    @Test
    public void withoutARuntimeTheLineSaysNotReady() {
        assertEquals("{\"t\":3.0,\"family\":null,\"policy\":null,\"backend\":null,\"level\":null,\"levelIndex\":null,"
            + "\"latencyMeanMs\":null,\"latencyP95Ms\":null,\"targetMs\":null,\"frames\":null,\"accuracy\":null,"
            + "\"cpuLoad\":null,\"slowdown\":null,\"frameP95Ms\":null,\"state\":\"NOT_READY\",\"switches\":null,"
            + "\"failed\":null,\"keepWarm\":null,\"rejected\":null,\"problems\":null,\"lastDecision\":null}",
            StatusLine.of(3, null));
    }
}
