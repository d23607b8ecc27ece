package io.dynofa.metrics.internal;

import io.dynofa.monitor.api.Signals;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.List;
import java.util.Map;

/** Statuses for the tests: a deployment serving a level, with its counts, rejections and signals. */
final class Statuses {
    private Statuses() {
    }

    static RuntimeStatus serving(String deployment, String level, int index, long failed, Map<String, Long> rejected,
                                 Map<String, Double> signals) {
        return new RuntimeStatus(State.READY, "fam", "step", "cpu", level, index, false, 25, 80, 3, 10, failed,
            "ok", List.of(), new Signals(signals, 0), null, rejected, null, null, deployment, 1, 0, null);
    }
}
