package io.dynofa.demo.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.Problem;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * A demo camera: replays the Fashion-MNIST sample through the inference service of its deployment as a frame
 * workload (frames of {@code itemsPerFrame} images at {@code fps}, each with a deadline) and publishes what it
 * counts as the {@code demo} monitor ({@code demo-<deployment>} for a deployment other than the default one), whose
 * {@link #read(String)} answers for that deployment alone; every frame can go to a frame log. The Declarative
 * Services components are the subclasses, one per kind of configuration: {@link CameraReplay} (the singleton
 * {@code io.dynofa.demo}) and {@link DeploymentCamera} (each factory configuration of {@code io.dynofa.demo.camera});
 * a camera runs only while its configuration exists. The camera sends to the first, in service order, of the bound
 * inference services of its deployment (see {@link InferenceChoice}); a service without the deployment property is
 * the default deployment's. A modified configuration restarts the camera with the new settings (counts, frame
 * numbers, the log's time origin and the log itself while its file stays the same go on; a new deployment gets the
 * counts so far); a sample folder that cannot be loaded keeps the camera replaying the one before (or leaves it
 * off, saying why), named as a problem, as is a frame log that cannot be written, is full or is another camera's.
 */
abstract class DemoCamera implements Monitor {
    static final String NAME = "demo";
    private static final Logger LOG = System.getLogger(DemoCamera.class.getName());
    private static final ConfigReader<DemoConfig> READER = ConfigReader.of(DemoConfig.class);

    /** A camera replaying the sample in {@code folder}. */
    private record Replay(Path folder, Sample sample, CameraThread camera) {
    }

    private final long originNanos = System.nanoTime();
    private final AtomicLong frameNumbers = new AtomicLong();
    private final ReplayStatistics statistics;
    private final LiveConfig<DemoConfig> config;
    private final InferenceChoice inference;
    private final String disabled;
    private volatile Replay replay;
    private volatile String offReason;
    private volatile Problem sampleProblem;
    private volatile FrameLog frameLog;
    private volatile boolean failureLogged;
    private boolean started;

    /** @param pid the component's configuration PID (for a factory configuration, its factory PID) */
    DemoCamera(BundleContext context, Map<String, Object> properties, String pid) {
        config = LiveConfig.withDetails(context, pid, READER, properties, this::problems);
        disabled = "demo camera disabled (enabled=false in " + configurationName(properties, pid) + ")";
        DemoConfig c = config.config();
        inference = new InferenceChoice(deploymentOf(c));
        statistics = new ReplayStatistics(TimeUnit.MILLISECONDS.toNanos(c.windowMs()));
        frameLog = frameLog(c, null);
        replay = replay(c, null);
    }

    /** Starts the camera once DS has bound the inference services there are. */
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
        DemoConfig c = config.config();
        inference.deployment(deploymentOf(c));
        Replay next = replay(c, old);
        if (next != old) {
            if (old != null) {
                old.camera().close();
            }
            frameLog = frameLog(c, frameLog);
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
        FrameLog log = frameLog;
        if (log != null) {
            log.close();
        }
        config.close();
    }

    /** Every inference service is bound; the camera sends to one of its deployment's. */
    @Reference(name = "inference", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        unbind = "unbindInference", updated = "updatedInference")
    void bindInference(InferenceService service, Map<String, Object> properties) {
        inference.bind(service, properties);
    }

    void updatedInference(InferenceService service, Map<String, Object> properties) {
        inference.update(service, properties);
    }

    void unbindInference(InferenceService service) {
        inference.unbind(service);
    }

    /** {@value #NAME} for the default deployment's camera, {@code demo-<deployment>} for another's. */
    @Override
    public String name() {
        String deployment = inference.deployment();
        return deployment.equals(Deployments.DEFAULT) ? NAME : NAME + "-" + deployment;
    }

    @Override
    public Optional<String> unavailableReason() {
        return replay == null ? Optional.of(offReason) : Optional.empty();
    }

    @Override
    public Map<String, Double> read() {
        return statistics.read(System.nanoTime());
    }

    /** The camera's readings for its own deployment; none for another (a null name is the default one). */
    @Override
    public Map<String, Double> read(String deployment) {
        String asked = deployment == null ? Deployments.DEFAULT : deployment;
        return asked.equals(inference.deployment()) ? read() : Map.of();
    }

    /** True while the camera is still taking frames (false when off or after a single pass). */
    boolean isRunning() {
        Replay now = replay;
        return now != null && now.camera().isRunning();
    }

    private InferenceService currentInference() {
        return inference.current();
    }

    private static String deploymentOf(DemoConfig c) {
        return c.deployment().strip();
    }

    private static String configurationName(Map<String, Object> properties, String pid) {
        return properties.get("service.pid") instanceof String configured && !configured.isBlank() ? configured : pid;
    }

    private List<Problem> problems() {
        List<Problem> all = new ArrayList<>(2);
        Problem sample = sampleProblem;
        if (sample != null) {
            all.add(sample);
        }
        FrameLog log = frameLog;
        if (log != null && log.problem() != null) {
            all.add(log.problem());
        }
        return all;
    }

    /** Where a frame whose outcome is known goes: the statistics and the frame log. Never throws. */
    private void ended(FrameRecord record) {
        try {
            statistics.ended(record, System.nanoTime());
            FrameLog log = frameLog;
            if (log != null) {
                log.append(record);
            }
            if (record.verdict() == FrameRecord.Verdict.FAILED) {
                String text = "demo frame " + record.frame().number() + " failed: " + record.reason();
                if (failureLogged) {
                    LOG.log(Level.DEBUG, text);
                } else {
                    failureLogged = true;
                    LOG.log(Level.WARNING, text + " (further failures are logged at DEBUG)");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "demo frame " + record.frame().number() + " could not be counted", e);
        }
    }

    /** The frame log {@code c} asks for: {@code old} while it is the same file and bound, else a new one or null. */
    private FrameLog frameLog(DemoConfig c, FrameLog old) {
        String file = c.frameLog().strip();
        long maxBytes = c.frameLogMaxMb() * 1024L * 1024L;
        if (old != null && old.file().equals(file) && old.maxBytes() == maxBytes) {
            return old;
        }
        if (old != null) {
            old.close();
        }
        return file.isEmpty() ? null : FrameLog.open(file, maxBytes, originNanos);
    }

    /** Milliseconds from a frame's arrival to its deadline; NaN = none. */
    static double deadlineMillis(DemoConfig c) {
        if (c.deadlineMs() > 0) {
            return c.deadlineMs();
        }
        return c.fps() > 0 ? 1000.0 / c.fps() : Double.NaN;
    }

    /** The camera {@code c} asks for, or null when off; {@code old} when the new sample cannot be loaded. */
    private Replay replay(DemoConfig c, Replay old) {
        sampleProblem = null;
        if (!c.enabled()) {
            LOG.log(Level.INFO, disabled);
            offReason = disabled;
            statistics.settings(Double.NaN, TimeUnit.MILLISECONDS.toNanos(c.windowMs()));
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
        double deadlineMs = deadlineMillis(c);
        long deadlineNanos = Double.isNaN(deadlineMs) ? 0 : Math.max(1, Math.round(deadlineMs * 1e6));
        statistics.settings(deadlineMs, TimeUnit.MILLISECONDS.toNanos(c.windowMs()));
        SampleCursor cursor = new SampleCursor(sample.size(), c.itemsPerFrame(), c.loop(), statistics::passCompleted);
        FrameFlow flow = new FrameFlow(cursor, frameNumbers, deadlineNanos, this::ended);
        LOG.log(Level.INFO, String.format("demo camera of deployment %s replaying %d images from %s, %d per frame,"
            + " at %s, deadline %s, %s", deploymentOf(c), sample.size(), folder, c.itemsPerFrame(),
            c.fps() > 0 ? c.fps() + " fps" : "full speed", Double.isNaN(deadlineMs) ? "none" : deadlineMs + " ms",
            c.loop() ? "looping" : "one pass"));
        return new Replay(folder, sample, new CameraThread(flow, new Replayer(sample, this::currentInference),
            new FrameJudge(sample), this::ended, c.fps()));
    }
}
