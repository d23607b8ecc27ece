package io.dynofa.backend.cpu.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.inference.api.Tensor;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;

/** An ONNX Runtime session behind the {@link LoadedModel} contract. */
public final class OrtLoadedModel implements LoadedModel {
    private static final Logger LOG = System.getLogger(OrtLoadedModel.class.getName());

    private final String name;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;
    private final AtomicBoolean closed = new AtomicBoolean();

    OrtLoadedModel(String name, OrtEnvironment environment, OrtSession session, String inputName) {
        this.name = name;
        this.environment = environment;
        this.session = session;
        this.inputName = inputName;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Tensor run(Tensor input) throws BackendException {
        if (closed.get()) {
            throw new BackendException("model '" + name + "' is closed");
        }
        try (OnnxTensor tensor = OrtTensors.toOrt(environment, input);
             OrtSession.Result result = session.run(Collections.singletonMap(inputName, tensor))) {
            return OrtTensors.fromOrt(result.get(0));
        } catch (OrtException | RuntimeException e) {
            throw new BackendException("model '" + name + "' failed on input " + input + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                session.close();
            } catch (OrtException e) {
                LOG.log(Level.WARNING, "closing model ''{0}'' failed: {1}", name, e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "OrtLoadedModel[" + name + (closed.get() ? ", closed]" : "]");
    }
}
