package io.dynofa.manager.internal;

import io.dynofa.backend.api.LoadedModel;
import io.dynofa.family.api.LevelSpec;
import io.dynofa.policy.api.Level;

/** A level loaded and warmed on a backend, with its latency measured there. */
record ResidentLevel(Level level, LevelSpec spec, LoadedModel model, long profiledNanos) {

    ResidentLevel withIndex(int index) {
        return new ResidentLevel(new Level(index, level.id(), level.top1(), level.latencyMs()), spec, model,
            profiledNanos);
    }
}
