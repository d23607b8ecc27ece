package io.dynofa.health.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.ConfiguredComponent;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.monitor.api.InferenceListener;
import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.util.internal.DaemonThreads;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Every deployment met its target over the last minute: WARN naming each whose share of frames within deadline
 * (or, for a deployment without frame signals, of runs within its latency target) is under the configured share;
 * OK when it is not, or when nothing ran. Runs come from the manager as an {@link InferenceListener}; targets and
 * frame signals are sampled once a second on thread {@code dynofa-health-target}.
 */
@Component(service = {HealthCheck.class, InferenceListener.class}, configurationPid = TargetMetCheck.PID,
    property = {HealthCheck.NAME + "=Dynofa target met", HealthCheck.TAGS + "=" + Checks.TAG})
@Designate(ocd = TargetMetConfig.class)
public final class TargetMetCheck extends ConfiguredComponent<TargetMetConfig, Double>
    implements HealthCheck, InferenceListener {
    static final String PID = "io.dynofa.health.target";
    private static final ConfigReader<TargetMetConfig> READER = ConfigReader.of(TargetMetConfig.class,
        HealthCheck.NAME, HealthCheck.TAGS);

    private final TargetWindows windows = new TargetWindows();
    private final BoundDeployments deployments = new BoundDeployments();
    private final ScheduledExecutorService sampler = DaemonThreads.scheduler("dynofa-health-target");

    @Activate
    public TargetMetCheck(BundleContext context, Map<String, Object> properties) {
        super(new LiveConfig<>(context, PID, READER, properties), c -> c.minSharePercent() / 100);
        sampler.scheduleWithFixedDelay(() -> windows.sample(deployments.deployments(), System.nanoTime()),
            0, 1, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindControl(RuntimeControl control, Map<String, Object> properties) {
        deployments.bindControl(control, properties);
    }

    void unbindControl(RuntimeControl control, Map<String, Object> properties) {
        deployments.unbindControl(control, properties);
    }

    @Override
    protected void stopping(Double last) {
        DaemonThreads.stop(sampler, Duration.ofSeconds(2));
    }

    @Override
    public Result execute() {
        return judge(windows.lastMinute(System.nanoTime()), current());
    }

    static Result judge(Map<String, TargetWindows.Reading> readings, double minShare) {
        FormattingResultLog log = new FormattingResultLog();
        readings.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            TargetWindows.Reading r = e.getValue();
            String share = String.format("%.1f %%", 100 * r.share().fraction());
            if (r.share().total() == 0) {
                log.info("deployment {}: nothing ran in the last minute", e.getKey());
            } else if (r.share().fraction() < minShare) {
                log.warn("deployment {}: {} {} over the last minute ({} of {}), under {}", e.getKey(), share,
                    r.what(), r.share().within(), r.share().total(), String.format("%.1f %%", 100 * minShare));
            } else {
                log.info("deployment {}: {} {} over the last minute ({} of {})", e.getKey(), share, r.what(),
                    r.share().within(), r.share().total());
            }
        });
        if (readings.isEmpty()) {
            log.info("no deployment sampled yet");
        }
        return new Result(log);
    }

    @Override
    public void inferred(String levelId, long latencyNanos, long profiledNanos) {
        windows.run(Deployments.DEFAULT, latencyNanos, System.nanoTime());
    }

    @Override
    public void inferred(String backendId, String levelId, long latencyNanos, long profiledNanos) {
        windows.run(Deployments.DEFAULT, latencyNanos, System.nanoTime());
    }

    @Override
    public void inferred(String deployment, String backendId, String levelId, long latencyNanos,
                         long profiledNanos) {
        windows.run(deployment, latencyNanos, System.nanoTime());
    }
}
