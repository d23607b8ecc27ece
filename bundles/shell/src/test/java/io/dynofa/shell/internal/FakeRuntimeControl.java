package io.dynofa.shell.internal;

import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.BackendInfo;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.List;
import java.util.Map;

/** A runtime serving family {@code fam} at level l1 of l0..l2 on {@code cpu}; records the operator's calls. */
final class FakeRuntimeControl implements RuntimeControl {
    static final List<Level> LEVELS = List.of(new Level(0, "l0", 70.5, 0.25), new Level(1, "l1", 80.25, 0.5),
        new Level(2, "l2", 91.0, 1.125));

    String levelId = "l1";
    boolean pinned;
    double targetMs = 1.0;
    String policy = "step";

    static RuntimeStatus status(String levelId, int index, boolean pinned, double targetMs, String policy,
                                List<String> problems, Map<String, Double> signals) {
        return new RuntimeStatus(State.READY, "fam", policy, "cpu", levelId, index, pinned, targetMs, 0, 4, 120, 2,
            "fits", problems, new Signals(signals, 0),
            pinned ? "paused: a level is pinned" : "warming l0, l2 every 10 ms", Map.of("NOT_READY", 2L));
    }

    @Override
    public RuntimeStatus status() {
        return status(levelId, LEVELS.stream().filter(l -> l.id().equals(levelId)).findFirst().orElseThrow().index(),
            pinned, targetMs, policy, List.of(), Map.of());
    }

    @Override
    public List<Level> levels() {
        return LEVELS;
    }

    @Override
    public List<String> policies() {
        return List.of("lut", "step");
    }

    @Override
    public List<String> families() {
        return List.of("fam", "other");
    }

    @Override
    public List<BackendInfo> backends() {
        return List.of(new BackendInfo("cpu", "fake CPU", null, true),
            new BackendInfo("gpu", "fake GPU", "no CUDA device", false));
    }

    @Override
    public void setTarget(double ms) {
        if (!(ms > 0)) {
            throw new IllegalArgumentException("the target must be a positive number of milliseconds, got " + ms);
        }
        targetMs = ms;
    }

    @Override
    public void choosePolicy(String name) {
        if (!policies().contains(name)) {
            throw new IllegalArgumentException("no policy '" + name + "' (installed: " + policies() + ")");
        }
        policy = name;
    }

    @Override
    public void pin(String id) {
        if (LEVELS.stream().noneMatch(l -> l.id().equals(id))) {
            throw new IllegalArgumentException("no active level '" + id + "'");
        }
        levelId = id;
        pinned = true;
    }

    @Override
    public void unpin() {
        pinned = false;
    }
}
