package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import java.util.Optional;

/** Where a level's model comes from: loaded by the backend itself, or a session {@link SharedModels} shares. */
@FunctionalInterface
interface ModelSource {
    /** Each load its own session, as the backend makes it. */
    ModelSource DIRECT = DeviceBackend::load;

    LoadedModel load(DeviceBackend backend, String name, byte[] bytes) throws BackendException;

    /** A second handle on {@code model}'s session, closed on its own; empty when it is not shared (load it again). */
    default Optional<LoadedModel> another(LoadedModel model) {
        return model instanceof SharedModel shared ? shared.another() : Optional.empty();
    }
}
