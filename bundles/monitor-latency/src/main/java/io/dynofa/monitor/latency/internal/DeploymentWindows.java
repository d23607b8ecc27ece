package io.dynofa.monitor.latency.internal;

import io.dynofa.runtime.api.Deployments;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The {@link RunWindows} of each deployment, at most {@code maxDeployments} of them: a deployment's first run
 * beyond that drops the windows of the one whose last run is the oldest. Recording a deployment already kept is
 * lock-free and allocation-free; a null name is the {@link Deployments#DEFAULT default} deployment.
 */
final class DeploymentWindows {
    private final Map<String, RunWindows> byDeployment = new ConcurrentHashMap<>();
    private final int windowSize;
    private final long maxAgeMs;
    private final int maxDeployments;
    private final LongSupplier nanoClock;

    DeploymentWindows(int windowSize, long maxAgeMs, int maxDeployments, LongSupplier nanoClock) {
        if (maxDeployments < 1) {
            throw new IllegalArgumentException("maxDeployments must be at least 1, got " + maxDeployments);
        }
        this.windowSize = windowSize;
        this.maxAgeMs = maxAgeMs;
        this.maxDeployments = maxDeployments;
        this.nanoClock = nanoClock;
    }

    /** The windows of {@code deployment}, made (and the idlest dropped when full) on its first run. */
    RunWindows of(String deployment) {
        String name = deployment == null ? Deployments.DEFAULT : deployment;
        RunWindows windows = byDeployment.get(name);
        return windows != null ? windows : added(name);
    }

    /** What {@code deployment}'s windows hold now; empty for a deployment without (recent) runs. */
    Map<String, Double> metrics(String deployment) {
        RunWindows windows = byDeployment.get(deployment == null ? Deployments.DEFAULT : deployment);
        return windows == null ? Map.of() : windows.metrics();
    }

    /** How many deployments have windows. */
    int size() {
        return byDeployment.size();
    }

    private synchronized RunWindows added(String name) {
        RunWindows windows = byDeployment.get(name);
        if (windows != null) {
            return windows;
        }
        while (byDeployment.size() >= maxDeployments) {
            dropIdlest();
        }
        windows = new RunWindows(windowSize, maxAgeMs, nanoClock);
        byDeployment.put(name, windows);
        return windows;
    }

    private void dropIdlest() {
        String idlest = null;
        long oldest = 0;
        for (Map.Entry<String, RunWindows> e : byDeployment.entrySet()) {
            long last = e.getValue().lastRunNanos();
            if (idlest == null || last - oldest < 0) {
                idlest = e.getKey();
                oldest = last;
            }
        }
        byDeployment.remove(idlest);
    }
}
