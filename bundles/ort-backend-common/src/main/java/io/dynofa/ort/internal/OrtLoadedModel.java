package io.dynofa.ort.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.Tensor;
import io.dynofa.inference.api.TensorSpec;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An ONNX Runtime session behind the {@link LoadedModel} contract.
 *
 * <p>The hot path is lock-free and allocates only what ORT's own run needs plus the returned tensor:
 * float32 requests borrow an {@link OrtTensors.Slot} (an input and, when the output shape follows from the
 * input's, a pinned output, both over reused direct buffers) from a small lock-free pool, one per concurrent
 * caller and shape. Other element types, and a burst of more concurrent callers than the pool holds, take
 * the general path, which creates the ORT tensors per request.
 */
public final class OrtLoadedModel implements LoadedModel {
    private static final Logger LOG = System.getLogger(OrtLoadedModel.class.getName());
    private static final int POOL = 4;

    private final String name;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;
    private final String outputName;
    /**
     * The first output's declared shape when it can be pinned (float32, only the batch dimension free, as the
     * input's), else null.
     */
    private final long[] declaredOutput;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * Runs in flight, plus {@link #CLOSED} once closed: the session is freed by whichever ends last, the close or
     * the last run, so a close from another thread (a backend or bundle stopping, a load abandoned) never frees a
     * session a run is still inside (that is a crash of the process, not an exception).
     */
    private final AtomicInteger runs = new AtomicInteger();
    private static final int CLOSED = 1 << 30;
    private final AtomicReferenceArray<OrtTensors.Slot> pool = new AtomicReferenceArray<>(POOL);

    OrtLoadedModel(String name, OrtEnvironment environment, OrtSession session, String inputName) {
        this.name = name;
        this.environment = environment;
        this.session = session;
        this.inputName = inputName;
        String output = null;
        long[] shape = null;
        try {
            output = session.getOutputNames().stream().findFirst().orElse(null);
            NodeInfo info = output == null ? null : session.getOutputInfo().get(output);
            NodeInfo in = session.getInputInfo().get(inputName);
            if (info != null && info.getInfo() instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT
                && in != null && in.getInfo() instanceof TensorInfo i && OrtTensors.freeBatchOnly(i.getShape())
                && OrtTensors.freeBatchOnly(t.getShape())) {
                shape = t.getShape();
            }
        } catch (OrtException | RuntimeException e) {
            shape = null;
        }
        this.outputName = output;
        this.declaredOutput = shape;
        List<TensorSpec> declaredInputs = List.of();
        List<TensorSpec> declaredOutputs = List.of();
        try {
            declaredInputs = OrtSignature.of(session.getInputInfo());
            declaredOutputs = OrtSignature.of(session.getOutputInfo());
        } catch (OrtException | RuntimeException e) {
            LOG.log(Level.WARNING, "model ''{0}'': its inputs and outputs cannot be read: {1}", name, e.getMessage());
        }
        this.inputs = declaredInputs;
        this.outputs = declaredOutputs;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<TensorSpec> inputs() {
        return inputs;
    }

    @Override
    public List<TensorSpec> outputs() {
        return outputs;
    }

    @Override
    public Tensor run(Tensor input) throws BackendException {
        if (!enter()) {
            throw new BackendException("model '" + name + "' is closed");
        }
        try {
            return input.dtype() != DType.FLOAT32 ? runGeneral(input) : runFloats(input);
        } finally {
            exit();
        }
    }

    private boolean enter() {
        int state;
        do {
            state = runs.get();
            if ((state & CLOSED) != 0) {
                return false;
            }
        } while (!runs.compareAndSet(state, state + 1));
        return true;
    }

    private void exit() {
        if (runs.decrementAndGet() == CLOSED) {
            free();
        }
    }

    private Tensor runFloats(Tensor input) throws BackendException {
        OrtTensors.Slot slot = take(input);
        try {
            slot.fill(input.floats());
            if (slot.pinned()) {
                session.run(slot.inputs(), slot.outputs()).close();
                return slot.output();
            }
            try (OrtSession.Result result = session.run(slot.inputs())) {
                return OrtTensors.fromOrt(result.get(0));
            }
        } catch (OrtException | RuntimeException e) {
            throw failure(input, e);
        } finally {
            giveBack(slot);
        }
    }

    private Tensor runGeneral(Tensor input) throws BackendException {
        try (OnnxTensor tensor = OrtTensors.toOrt(environment, input);
             OrtSession.Result result = session.run(Collections.singletonMap(inputName, tensor))) {
            return OrtTensors.fromOrt(result.get(0));
        } catch (OrtException | RuntimeException e) {
            throw failure(input, e);
        }
    }

    private BackendException failure(Tensor input, Exception e) {
        return new BackendException("model '" + name + "' failed on input " + input + ": " + e.getMessage(), e);
    }

    /** A pooled slot for this input's shape, or a new one (first use of a shape, or more concurrent callers). */
    private OrtTensors.Slot take(Tensor input) throws BackendException {
        for (int i = 0; i < POOL; i++) {
            OrtTensors.Slot slot = pool.get(i);
            if (slot != null && slot.fits(input) && pool.compareAndSet(i, slot, null)) {
                return slot;
            }
        }
        try {
            return OrtTensors.Slot.create(environment, inputName, outputName, declaredOutput, input);
        } catch (OrtException | RuntimeException e) {
            throw failure(input, e);
        }
    }

    private void giveBack(OrtTensors.Slot slot) {
        if (!closed.get()) {
            for (int i = 0; i < POOL; i++) {
                if (pool.get(i) == null && pool.compareAndSet(i, null, slot)) {
                    if (closed.get()) {
                        drain();
                    }
                    return;
                }
            }
            // pool full: replace the first slot, so a new shape is served from the pool next time
            OrtTensors.Slot evicted = pool.getAndSet(0, slot);
            if (evicted != null) {
                evicted.close();
            }
            if (closed.get()) {
                drain();
            }
            return;
        }
        slot.close();
    }

    private void drain() {
        for (int i = 0; i < POOL; i++) {
            OrtTensors.Slot slot = pool.getAndSet(i, null);
            if (slot != null) {
                slot.close();
            }
        }
    }

    /** Closes the model: at once when no run is in flight, else when the last one ends. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && runs.getAndUpdate(state -> state | CLOSED) == 0) {
            free();
        }
    }

    private void free() {
        drain();
        try {
            session.close();
        } catch (OrtException e) {
            LOG.log(Level.WARNING, "closing model ''{0}'' failed: {1}", name, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "OrtLoadedModel[" + name + (closed.get() ? ", closed]" : "]");
    }
}
