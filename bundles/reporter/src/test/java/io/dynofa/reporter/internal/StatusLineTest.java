package io.dynofa.reporter.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.api.Signals;
import io.dynofa.runtime.api.KeepWarmState;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class StatusLineTest {

    @Test
    public void writesTheStatusAndTheSignalsInTheDocumentedOrder() {
        Map<String, Double> signals = Map.of("latency.mean.ms", 0.41234, "latency.p95.ms", 0.5, "cpu.load", 0.53,
            "demo.frames", 123.0, "demo.accuracy", 91.2, "latency.slowdown", 1.5,
            "demo.latency.p95.ms", 0.61, "frame.latency.p95.ms", 0.72, "frame.miss.rate", 0.05);
        signals = new HashMap<>(signals);
        signals.put("frame.deadline.ms", 50.0);
        signals.put("unrelated", 7.0);
        Map<String, Long> rejected = new LinkedHashMap<>();
        rejected.put("NOT_READY", 4L);
        rejected.put("OVERLOADED", 2L);
        RuntimeStatus status = new RuntimeStatus(State.READY, "fmnist-ofa", "dynofa-step", "cpu", "ofa-12", 5, false,
            1.0, 0, 3, 200, 6, "ofa-12 fits the target", List.of("a problem", "io.dynofa.monitor.cpu: \"x\" rejected"),
            new Signals(signals, 0), "warming ofa-11, ofa-13 every 10 ms", rejected);

        assertEquals("{\"t\":1.0,\"deployment\":\"default\",\"family\":\"fmnist-ofa\",\"policy\":\"dynofa-step\",\"backend\":\"cpu\","
            + "\"level\":\"ofa-12\",\"levelIndex\":5,\"latencyMeanMs\":0.412,\"latencyP95Ms\":0.5,\"targetMs\":1.0,"
            + "\"frames\":123,\"accuracy\":91.2,\"cpuLoad\":0.53,\"slowdown\":1.5,\"frameP95Ms\":0.61,"
            + "\"frameWindowP95Ms\":0.72,\"frameMissRate\":0.05,\"deadlineMs\":50.0,"
            + "\"state\":\"READY\",\"switches\":3,\"failed\":6,\"keepWarm\":\"warming ofa-11, ofa-13 every 10 ms\","
            + "\"rejected\":{\"NOT_READY\":4,\"OVERLOADED\":2},"
            + "\"problems\":[\"a problem\",\"io.dynofa.monitor.cpu: \\\"x\\\" rejected\"],"
            + "\"lastDecision\":\"ofa-12 fits the target\",\"keepWarmState\":null,"
            + "\"problemDetails\":[{\"source\":null,\"code\":\"unspecified\",\"subject\":null,"
            + "\"text\":\"a problem\"},"
            + "{\"source\":null,\"code\":\"unspecified\",\"subject\":null,"
            + "\"text\":\"io.dynofa.monitor.cpu: \\\"x\\\" rejected\"}],\"priority\":1,\"sharedSessions\":0,\"arbitration\":null}",
            StatusLine.of(1.0001, status));
    }

    @Test
    public void writesNullsForMissingSignalsAndNoLevel() {
        RuntimeStatus status = new RuntimeStatus(State.LOADING, null, null, null, null, -1, false, 2.5, 0, 0, 0, 1,
            "none yet", List.of(), new Signals(Map.of("demo.frames", Double.NaN), 0));

        assertEquals("{\"t\":2.0,\"deployment\":\"default\","
            + "\"family\":null,\"policy\":null,\"backend\":null,\"level\":null,\"levelIndex\":null,"
            + "\"latencyMeanMs\":null,\"latencyP95Ms\":null,\"targetMs\":2.5,\"frames\":null,\"accuracy\":null,"
            + "\"cpuLoad\":null,\"slowdown\":null,\"frameP95Ms\":null,"
            + "\"frameWindowP95Ms\":null,\"frameMissRate\":null,\"deadlineMs\":null,\"state\":\"LOADING\",\"switches\":0,"
            + "\"failed\":1,\"keepWarm\":null,\"rejected\":{},\"problems\":[],\"lastDecision\":\"none yet\","
            + "\"keepWarmState\":null,\"problemDetails\":[],\"priority\":1,\"sharedSessions\":0,\"arbitration\":null}",
            StatusLine.of(1.96, status));
    }

    @Test
    public void withoutARuntimeTheLineSaysNotReady() {
        assertEquals("{\"t\":3.0,\"deployment\":null,"
            + "\"family\":null,\"policy\":null,\"backend\":null,\"level\":null,\"levelIndex\":null,"
            + "\"latencyMeanMs\":null,\"latencyP95Ms\":null,\"targetMs\":null,\"frames\":null,\"accuracy\":null,"
            + "\"cpuLoad\":null,\"slowdown\":null,\"frameP95Ms\":null,"
            + "\"frameWindowP95Ms\":null,\"frameMissRate\":null,\"deadlineMs\":null,\"state\":\"NOT_READY\",\"switches\":null,"
            + "\"failed\":null,\"keepWarm\":null,\"rejected\":null,\"problems\":null,\"lastDecision\":null,"
            + "\"keepWarmState\":null,\"problemDetails\":null,"
            + "\"priority\":null,\"sharedSessions\":null,\"arbitration\":null}",
            StatusLine.of(3, null));
    }

    @Test
    public void appendsTheTypedKeepWarmStateAndProblemDetails() {
        RuntimeStatus status = new RuntimeStatus(State.READY, "fam", "p", "cpu", "b", 1, true, 1.0, 0, 0, 0, 0, "d",
            List.of("cpu: a level is pinned"), Signals.empty(), "paused: a level is pinned", Map.of(),
            List.of(new Problem("io.dynofa.monitor.cpu", Problem.CONFIG_REJECTED, "maxLoad", "maxLoad rejected")),
            new KeepWarmState(KeepWarmState.Mode.PAUSED, KeepWarmState.Pause.PINNED, List.of("a", "c"), 25));

        String line = StatusLine.of(1, status);

        assertTrue(line, line.endsWith(",\"lastDecision\":\"d\","
            + "\"keepWarmState\":{\"mode\":\"PAUSED\",\"pause\":\"PINNED\",\"levels\":[\"a\",\"c\"],\"intervalMs\":25},"
            + "\"problemDetails\":[{\"source\":\"io.dynofa.monitor.cpu\",\"code\":\"config.rejected\","
            + "\"subject\":\"maxLoad\",\"text\":\"maxLoad rejected\"}],\"priority\":1,\"sharedSessions\":0,\"arbitration\":null}"));
        KeepWarmState warming = new KeepWarmState(KeepWarmState.Mode.WARMING, null, List.of("a"), 10);
        String warmingLine = StatusLine.of(1, withKeepWarm(status, warming));
        assertTrue(warmingLine, warmingLine.contains(
            "\"keepWarmState\":{\"mode\":\"WARMING\",\"pause\":null,\"levels\":[\"a\"],\"intervalMs\":10}"));
    }

    @Test
    public void escapesTextAsJsonRequiresWithoutHtmlEscapes() {
        RuntimeStatus status = withKeepWarm(new RuntimeStatus(State.READY, null, null, null, null, -1, false, 1.0, 0,
            0, 0, 0, "a\"b\\c\nd\re\tf\bg\fh\u0001i\u2028j é <&>='", List.of(), Signals.empty()), null);

        String line = StatusLine.of(1, status);

        assertTrue(line,
            line.contains("\"lastDecision\":\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u2028j é <&>='\""));
    }

    private static RuntimeStatus withKeepWarm(RuntimeStatus s, KeepWarmState keepWarm) {
        return new RuntimeStatus(s.state(), s.familyId(), s.policy(), s.backendId(), s.levelId(), s.levelIndex(),
            s.pinned(), s.targetMs(), s.accuracyFloor(), s.switches(), s.served(), s.failed(), s.lastDecision(),
            s.problems(), s.signals(), s.keepWarm(), s.rejected(), s.problemDetails(), keepWarm);
    }
}
