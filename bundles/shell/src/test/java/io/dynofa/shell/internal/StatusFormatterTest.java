package io.dynofa.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.api.Signals;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class StatusFormatterTest {

    @Test
    public void alignsKeysAndListsProblemsAndSignalsOneALine() {
        RuntimeStatus status = FakeRuntimeControl.status("l1", 1, true, 1.5, "step",
            List.of("policy 'x' is not installed", "backend 'gpu' unavailable"),
            Map.of("latency.mean.ms", 0.4125, "cpu.load", 0.5));

        String text = StatusFormatter.format(status);

        assertEquals(""
            + "deployment:     default (priority 1)\n"
            + "state:          READY\n"
            + "family:         fam\n"
            + "backend:        cpu\n"
            + "policy:         step\n"
            + "level:          l1 (index 1, pinned)\n"
            + "target:         1.500 ms\n"
            + "accuracy floor: 0.0 %\n"
            + "switches:       4\n"
            + "served:         120\n"
            + "failed:         2\n"
            + "rejected:       NOT_READY 2\n"
            + "last decision:  fits\n"
            + "keep warm:      paused: a level is pinned\n"
            + "shared:         0 sessions with other deployments\n"
            + "arbitration:    -\n"
            + "problems:       policy 'x' is not installed\n"
            + "                backend 'gpu' unavailable\n"
            + "signals:        cpu.load = 0.500\n"
            + "                latency.mean.ms = 0.413\n", text);
    }

    @Test
    public void namesEachProblemsCode() {
        RuntimeStatus status = new RuntimeStatus(State.READY, "fam", "step", "cpu", "l0", 0, false, 1, 0, 0, 9, 0,
            "fits", List.of("policy 'x' is not installed"), Signals.empty(), "off", Map.of(),
            List.of(new Problem(Problem.RUNTIME, Problem.POLICY_UNKNOWN, "x", "policy 'x' is not installed")), null);

        assertTrue(StatusFormatter.format(status).contains("\nproblems:       policy 'x' is not installed "
            + "[policy.unknown]\n"));
    }

    @Test
    public void listsRejectionsByReasonInTheStatusOrder() {
        Map<String, Long> rejected = new LinkedHashMap<>();
        rejected.put("NOT_READY", 3L);
        rejected.put("OVERLOADED", 12L);
        RuntimeStatus status = new RuntimeStatus(State.READY, "fam", "step", "cpu", "l0", 0, false, 1, 0, 0, 9, 15,
            "fits", List.of(), Signals.empty(), "off", rejected);

        assertTrue(StatusFormatter.format(status).contains("\nfailed:         15\n"
            + "rejected:       NOT_READY 3, OVERLOADED 12\n"));
    }

    @Test
    public void showsDashesAndNoneWhileNothingIsServed() {
        RuntimeStatus status = new RuntimeStatus(State.NOT_READY, null, null, null, null, -1, false, 1, 0, 0, 0, 0,
            "none yet", List.of(), Signals.empty());

        String text = StatusFormatter.format(status);

        assertTrue(text, text.startsWith("deployment:     default (priority 1)\nstate:          NOT_READY\nfamily:         -\n"));
        assertTrue(text, text.contains("\nlevel:          -\n"));
        assertTrue("a status without rejections (API 1.1) shows none", text.contains("\nrejected:       none\n"));
        assertTrue("a status without keep-warm (API 1.0) shows a dash", text.contains("\nkeep warm:      -\n"));
        assertTrue(text, text.endsWith("problems:       none\nsignals:        none\n"));
    }
}
