package io.dynofa.demo.internal;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.monitor.api.Monitor;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.ComponentException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The demo camera: replays the Fashion-MNIST sample through the inference service and publishes
 * what it counts as the {@code demo} monitor. Runs only when {@value #PID} is configured.
 */
@Component(service = Monitor.class, immediate = true, configurationPid = CameraReplay.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoConfig.class)
public final class CameraReplay implements Monitor {
    static final String PID = "io.dynofa.demo";
    static final String NAME = "demo";
    private static final Logger LOG = System.getLogger(CameraReplay.class.getName());

    private final ReplayStatistics statistics = new ReplayStatistics();
    private final CameraThread camera;
    private volatile InferenceService inference;

    @Activate
    public CameraReplay(DemoConfig config) {
        if (!(config.fps() >= 0)) {
            throw fail("demo camera not started: fps must be 0 (as fast as possible) or more, got " + config.fps(), null);
        }
        if (!config.enabled()) {
            LOG.log(Level.INFO, "demo camera disabled (enabled=false in " + PID + ")");
            camera = null;
            return;
        }
        Path folder = Path.of(config.sampleDir()).toAbsolutePath();
        Sample sample = load(folder);
        Replayer replayer = new Replayer(sample, this::currentInference, statistics, config.loop());
        camera = new CameraThread(replayer::sendNextFrame, config.fps());
        LOG.log(Level.INFO, String.format("demo camera replaying %d frames from %s at %s, %s", sample.size(), folder,
            config.fps() > 0 ? config.fps() + " fps" : "full speed", config.loop() ? "looping" : "one pass"));
    }

    /** Starts the camera once DS has bound the inference service, if one is there. */
    @Activate
    void start() {
        if (camera != null) {
            camera.start();
        }
    }

    @Deactivate
    void deactivate() {
        if (camera != null) {
            camera.close();
        }
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
        return camera == null ? Optional.of("demo camera disabled (enabled=false in " + PID + ")") : Optional.empty();
    }

    @Override
    public Map<String, Double> read() {
        return statistics.read();
    }

    /** True while the camera is still taking frames (false when disabled or after a single pass). */
    boolean isRunning() {
        return camera != null && camera.isRunning();
    }

    private InferenceService currentInference() {
        return inference;
    }

    private static Sample load(Path folder) {
        try {
            return Sample.load(folder);
        } catch (IOException e) {
            throw fail("demo camera not started: cannot load the Fashion-MNIST sample from " + folder + ": "
                + e.getMessage(), e);
        }
    }

    private static ComponentException fail(String message, Throwable cause) {
        LOG.log(Level.WARNING, message);
        return new ComponentException(message, cause);
    }
}
