package io.dynofa.ort.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.dynofa.backend.api.BackendException;

/** Creates sessions configured by {@link OrtSettings} on one {@link ExecutionProvider}. */
public final class OrtSessionFactory {
    private final OrtEnvironment environment;
    private final OrtSettings settings;
    private final ExecutionProvider provider;

    public OrtSessionFactory(OrtEnvironment environment, OrtSettings settings, ExecutionProvider provider) {
        this.environment = environment;
        this.settings = settings;
        this.provider = provider;
    }

    /**
     * A session over {@code model}, which must be self-contained: bytes that refer to external data are refused
     * before ONNX Runtime sees them.
     */
    public OrtLoadedModel load(String name, byte[] model) throws BackendException {
        SelfContainedModel.check(name, model);
        OrtSession session = createSession(name, model);
        String inputName = session.getInputNames().stream().findFirst().orElse(null);
        OrtLoadedModel loaded = new OrtLoadedModel(name, environment, session, inputName);
        if (inputName == null || session.getNumOutputs() == 0) {
            loaded.close();
            throw new BackendException("model '" + name + "' could not be loaded: it has no input or no output");
        }
        return loaded;
    }

    private OrtSession createSession(String name, byte[] model) throws BackendException {
        // ORT copies the options into the session, so they can be released right after creation.
        try (SessionOptions options = sessionOptions()) {
            return environment.createSession(model, options);
        } catch (OrtException | RuntimeException | LinkageError e) {
            throw new BackendException("model '" + name + "' could not be loaded: " + e.getMessage(), e);
        }
    }

    SessionOptions sessionOptions() throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(settings.interOpThreads());
            options.setOptimizationLevel(settings.optimizationLevel().ortLevel());
            options.setCPUArenaAllocator(settings.memoryArena());
            options.setExecutionMode(settings.executionMode().ortMode());
            String spin = settings.spinning() ? "1" : "0";
            options.addConfigEntry("session.intra_op.allow_spinning", spin);
            options.addConfigEntry("session.inter_op.allow_spinning", spin);
            provider.appendTo(options);
            return options;
        } catch (OrtException | RuntimeException | LinkageError e) {
            options.close();
            throw e;
        }
    }
}
