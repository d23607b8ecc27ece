package io.dynofa.monitor.common.internal;

import io.dynofa.monitor.api.Monitor;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Deactivate;

/**
 * A {@link Monitor} publishing the latest reading of a source sampled on the thread
 * {@code dynofa-<name>-sampler}. Sampling stops on {@link #deactivate()}.
 */
public abstract class SamplingMonitor implements Monitor {
    private final String name;
    private final Sampler sampler;
    private final PeriodicSampler periodic;

    protected SamplingMonitor(String name, Schedule schedule, ReadingSource source) {
        this.name = name;
        this.sampler = new Sampler(source);
        this.periodic = new PeriodicSampler("dynofa-" + name + "-sampler", sampler, schedule);
    }

    @Deactivate
    public void deactivate() {
        periodic.close();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> unavailableReason() {
        return sampler.latest().unavailableReason();
    }

    @Override
    public Map<String, Double> read() {
        return sampler.latest().metrics();
    }
}
