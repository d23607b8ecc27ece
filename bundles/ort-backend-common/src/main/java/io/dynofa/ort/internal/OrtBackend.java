package io.dynofa.ort.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import java.util.Optional;

/**
 * A device backend on ONNX Runtime, independent of OSGi: settings, the execution provider and the
 * outcome of probing ONNX Runtime with it. The CPU and GPU backend bundles differ only in the provider.
 */
public class OrtBackend implements DeviceBackend {
    private final OrtSettings settings;
    private final ExecutionProvider provider;
    private final OrtProbe probe;
    private final Optional<OrtSessionFactory> sessions;

    public OrtBackend(OrtSettings settings, ExecutionProvider provider, OrtProbe probe) {
        this.settings = settings;
        this.provider = provider;
        this.probe = probe;
        this.sessions = probe.environment().map(environment -> new OrtSessionFactory(environment, settings, provider));
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String description() {
        StringBuilder text = new StringBuilder("ONNX Runtime ").append(probe.version()).append(' ')
            .append(provider.label()).append(", ").append(threads(settings.intraOpThreads(), "intra-op"));
        if (settings.executionMode() == ExecutionMode.PARALLEL) {
            text.append(", ").append(threads(settings.interOpThreads(), "inter-op")).append(", parallel");
        }
        if (settings.pooled()) {
            text.append(settings.spinning() ? ", spinning" : ", no spinning");
        }
        return text.append(", ").append(settings.optimizationLevel())
            .append(settings.memoryArena() ? ", arena on" : ", arena off").toString();
    }

    /** The device, as in {@link DeviceBackend#DEVICE}. */
    public String device() {
        return provider.device();
    }

    /**
     * The device's threads a run keeps busy, as in {@link DeviceBackend#THREADS}: on the CPU the intra-op threads
     * (ONNX Runtime's default of one per core when 0), on another device 1.
     */
    public int threads() {
        if (provider != ExecutionProvider.CPU) {
            return 1;
        }
        int intraOp = settings.intraOpThreads();
        return intraOp > 0 ? intraOp : Runtime.getRuntime().availableProcessors();
    }

    private static String threads(int count, String kind) {
        if (count == 0) {
            return "default " + kind + " threads";
        }
        return count + " " + kind + (count == 1 ? " thread" : " threads");
    }

    @Override
    public Optional<String> unavailableReason() {
        return probe.unavailableReason();
    }

    @Override
    public LoadedModel load(String name, byte[] model) throws BackendException {
        if (sessions.isEmpty()) {
            throw new BackendException("model '" + name + "' could not be loaded: backend '" + id()
                + "' is unavailable: " + probe.unavailableReason().orElse("no ONNX Runtime environment"));
        }
        return sessions.get().load(name, model);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id() + ": " + description() + "]";
    }
}
