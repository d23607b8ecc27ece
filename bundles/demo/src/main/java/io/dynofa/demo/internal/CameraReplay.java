package io.dynofa.demo.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.runtime.api.Problem;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The demo camera: replays the Fashion-MNIST sample through the inference service and publishes
 * what it counts as the {@code demo} monitor. Runs only when {@value #PID} is configured. A modified
 * configuration restarts the camera with the new settings (the counts go on); a sample folder that cannot
 * be loaded keeps the camera replaying the one before (or leaves it off, saying why), named as a problem.
 */
@Component(service = Monitor.class, immediate = true, configurationPid = CameraReplay.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoConfig.class)
public final class CameraReplay implements Monitor {
    static final String PID = "io.dynofa.demo";
    static final String NAME = "demo";
    private static final Logger LOG = System.getLogger(CameraReplay.class.getName());
    private static final ConfigReader<DemoConfig> READER = ConfigReader.of(DemoConfig.class);
    private static final String DISABLED = "demo camera disabled (enabled=false in " + PID + ")";

    /** A camera replaying the sample in {@code folder}. */
    private record Replay(Path folder, Sample sample, CameraThread camera) {
    }

    private final ReplayStatistics statistics = new ReplayStatistics();
    private final LiveConfig<DemoConfig> config;
    private volatile Replay replay;
    private volatile String offReason;
    private volatile Problem sampleProblem;
    private volatile InferenceService inference;
    private boolean started;

    @Activate
    public CameraReplay(BundleContext context, Map<String, Object> properties) {
        config = LiveConfig.withDetails(context, PID, READER, properties,
            () -> sampleProblem == null ? List.of() : List.of(sampleProblem));
        replay = replay(config.config(), null);
    }

    /** Starts the camera once DS has bound the inference service, if one is there. */
    @Activate
    synchronized void start() {
        started = true;
        if (replay != null) {
            replay.camera().start();
        }
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) {
        if (!config.update(properties)) {
            return;
        }
        Replay old = replay;
        Replay next = replay(config.config(), old);
        if (next != old) {
            if (old != null) {
                old.camera().close();
            }
            replay = next;
            if (next != null && started) {
                next.camera().start();
            }
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (replay != null) {
            replay.camera().close();
        }
        config.close();
    }

    @Reference(name = "inference", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindInference")
    synchronized void bindInference(InferenceService service) {
        inference = service;
    }

    synchronized void unbindInference(InferenceService service) {
        if (inference == service) {
            inference = null;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        return replay == null ? Optional.of(offReason) : Optional.empty();
    }

    @Override
    public Map<String, Double> read() {
        return statistics.read();
    }

    /** True while the camera is still taking frames (false when off or after a single pass). */
    boolean isRunning() {
        Replay now = replay;
        return now != null && now.camera().isRunning();
    }

    private InferenceService currentInference() {
        return inference;
    }

    /** The camera {@code c} asks for, or null when off; {@code old} when the new sample cannot be loaded. */
    private Replay replay(DemoConfig c, Replay old) {
        sampleProblem = null;
        if (!c.enabled()) {
            LOG.log(Level.INFO, DISABLED);
            offReason = DISABLED;
            return null;
        }
        Path folder = Path.of(c.sampleDir()).toAbsolutePath();
        Sample sample;
        try {
            sample = old != null && old.folder().equals(folder) ? old.sample() : Sample.load(folder);
        } catch (IOException | RuntimeException e) {
            String why = "cannot load the Fashion-MNIST sample from " + folder + ": " + e.getMessage();
            String problem = old == null ? "demo camera not started: " + why
                : "demo camera keeps replaying " + old.folder() + ": " + why;
            sampleProblem = new Problem(null, Problem.SAMPLE_UNUSABLE, folder.toString(), problem);
            LOG.log(Level.WARNING, problem);
            offReason = problem;
            return old;
        }
        Replayer replayer = new Replayer(sample, this::currentInference, statistics, c.loop());
        LOG.log(Level.INFO, String.format("demo camera replaying %d frames from %s at %s, %s", sample.size(), folder,
            c.fps() > 0 ? c.fps() + " fps" : "full speed", c.loop() ? "looping" : "one pass"));
        return new Replay(folder, sample, new CameraThread(replayer::sendNextFrame, c.fps()));
    }
}
