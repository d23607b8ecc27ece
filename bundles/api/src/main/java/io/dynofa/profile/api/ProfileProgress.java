package io.dynofa.profile.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Told by a {@link Profiler} as it goes, e.g. to draw a progress bar. */
@ConsumerType
public interface ProfileProgress {

    /** Ignores every update. */
    ProfileProgress NONE = (backendId, done, total, levelId) -> { };

    /**
     * Called before each candidate (with {@code done} candidates finished) and once more at the end
     * ({@code done == total}, {@code levelId} null). Called on the profiling thread; must return quickly.
     *
     * @param backendId the backend being profiled
     * @param done candidates finished on it
     * @param total candidates to measure on it
     * @param levelId the candidate measured next, null at the end
     */
    void update(String backendId, int done, int total, String levelId);
}
