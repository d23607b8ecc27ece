package io.dynofa.monitor.common.internal;

import io.dynofa.config.internal.LiveConfig;
import io.dynofa.monitor.api.Monitor;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * A {@link Monitor} publishing the latest reading of a source sampled on the thread
 * {@code dynofa-<name>-sampler}, configured by annotation {@code A}. A modified configuration that changes
 * what is in force restarts sampling with the new source and schedule (the last reading stays until the
 * new source gives one); one that changes nothing (every new value rejected) leaves sampling alone. Sampling
 * stops on {@link #deactivate()}.
 */
public abstract class SamplingMonitor<A extends Annotation> implements Monitor {
    private final String name;
    private final LiveConfig<A> config;
    private final Function<A, Sampling> plan;
    private volatile Sampler sampler;
    private PeriodicSampler periodic;

    /** What a configuration samples, and when. */
    public record Sampling(Schedule schedule, ReadingSource source) {
    }

    protected SamplingMonitor(String name, LiveConfig<A> config, Function<A, Sampling> plan) {
        this.name = name;
        this.config = config;
        this.plan = plan;
        start(config.config());
    }

    @Modified
    public synchronized void modified(Map<String, Object> properties) {
        if (config.update(properties)) {
            periodic.close();
            start(config.config());
        }
    }

    private synchronized void start(A configuration) {
        Sampling sampling = plan.apply(configuration);
        Sampler next = sampler == null ? new Sampler(sampling.source())
            : new Sampler(sampling.source(), sampler.latest());
        periodic = new PeriodicSampler("dynofa-" + name + "-sampler", next, sampling.schedule());
        sampler = next;
    }

    @Deactivate
    public synchronized void deactivate() {
        periodic.close();
        config.close();
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
