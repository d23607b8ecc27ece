package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;

/** Where a level's model comes from: loaded by the backend itself, or a session {@link SharedModels} shares. */
@FunctionalInterface
interface ModelSource {
    /** Each load its own session, as the backend makes it. */
    ModelSource DIRECT = DeviceBackend::load;

    LoadedModel load(DeviceBackend backend, String name, byte[] bytes) throws BackendException;
}
