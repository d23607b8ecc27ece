package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.inference.api.Tensor;
import io.dynofa.inference.api.TensorSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * One deployment's handle on a session {@link SharedModels} shares: runs go to the session; {@link #close()}
 * gives the handle back once (the session closes with its last handle). A closed handle runs nothing.
 */
final class SharedModel implements LoadedModel {
    private final LoadedModel session;
    private final Runnable release;
    private final IntSupplier handles;
    private final Supplier<Optional<LoadedModel>> another;
    private final AtomicBoolean open = new AtomicBoolean(true);

    /**
     * @param handles how many handles its session has out now
     * @param another one more handle on the session, empty once the session closed
     */
    SharedModel(LoadedModel session, Runnable release, IntSupplier handles, Supplier<Optional<LoadedModel>> another) {
        this.session = session;
        this.release = release;
        this.handles = handles;
        this.another = another;
    }

    @Override
    public String name() {
        return session.name();
    }

    @Override
    public Tensor run(Tensor input) throws BackendException {
        if (!open.get()) {
            throw new BackendException("model " + session.name() + " is closed");
        }
        return session.run(input);
    }

    @Override
    public List<TensorSpec> inputs() {
        return session.inputs();
    }

    @Override
    public List<TensorSpec> outputs() {
        return session.outputs();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            release.run();
        }
    }

    boolean isOpen() {
        return open.get();
    }

    int handles() {
        return handles.getAsInt();
    }

    /** One more handle on this session, closed on its own; empty when this handle or the session is closed. */
    Optional<LoadedModel> another() {
        return open.get() ? another.get() : Optional.empty();
    }
}
