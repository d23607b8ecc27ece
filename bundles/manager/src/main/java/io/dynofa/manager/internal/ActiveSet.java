package io.dynofa.manager.internal;

import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One family resident on one backend: its Pareto levels and the level in use (or, while another backend
 * serves, the level it would serve with). Requests lease the
 * set; a retired set closes its models once the last lease is returned, so in-flight work always
 * finishes on the models it started with.
 */
final class ActiveSet {
    private static final int RETIRED = 1 << 30;

    private final ModelFamily family;
    private final DeviceBackend backend;
    private final String familyId;
    private final String backendId;
    private final String backendDescription;
    private final InputSpec input;
    private final Tensor probe;
    private final ResidentLevel[] levels;
    private final List<Level> levelList;
    /** Leases out, plus {@link #RETIRED} once retired: one word, so no lease can slip in after the last release. */
    private final AtomicInteger leases = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int current;
    private volatile int previous = -1;
    private volatile long switchedAt = System.nanoTime();

    ActiveSet(ModelFamily family, DeviceBackend backend, List<ResidentLevel> levels) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a family needs at least one level");
        }
        this.family = family;
        this.backend = backend;
        this.familyId = family.id();
        this.backendId = backend.id();
        this.backendDescription = backend.description();
        this.input = family.input();
        this.probe = input.probe();
        this.levels = levels.toArray(new ResidentLevel[0]);
        this.levelList = levels.stream().map(ResidentLevel::level).toList();
    }

    ModelFamily family() {
        return family;
    }

    /** The family's input spec, read once (the inference path checks every request against it). */
    InputSpec input() {
        return input;
    }

    /** A valid input of batch size 1, for runs outside the serving path. */
    Tensor probe() {
        return probe;
    }

    DeviceBackend backend() {
        return backend;
    }

    String familyId() {
        return familyId;
    }

    String backendId() {
        return backendId;
    }

    /** The backend's configuration when the set was loaded; a set of another configuration is reloaded. */
    String backendDescription() {
        return backendDescription;
    }

    List<Level> levels() {
        return levelList;
    }

    int size() {
        return levels.length;
    }

    ResidentLevel level(int index) {
        return levels[index];
    }

    ResidentLevel currentLevel() {
        return levels[current];
    }

    int current() {
        return current;
    }

    /** The level served before the current one, -1 before the first change. */
    int previous() {
        return previous;
    }

    long switchedAt() {
        return switchedAt;
    }

    /** Makes {@code index} (clamped into range) the level in use; true when that changed the level. */
    boolean select(int index) {
        int clamped = clamp(index);
        if (clamped == current) {
            return false;
        }
        previous = current;
        current = clamped;
        switchedAt = System.nanoTime();
        return true;
    }

    /** Sets the level to start with (clamped into range), before the set serves: no switch, no previous level. */
    void startAt(int index) {
        current = clamp(index);
        previous = -1;
    }

    /** {@code index} moved into the range of levels. */
    int clamp(int index) {
        return Math.max(0, Math.min(levels.length - 1, index));
    }

    int indexOf(String levelId) {
        for (int i = 0; i < levels.length; i++) {
            if (levels[i].level().id().equals(levelId)) {
                return i;
            }
        }
        return -1;
    }

    /** Takes a lease; false when the set is retired (the caller then uses the newer set). */
    boolean acquire() {
        int state;
        do {
            state = leases.get();
            if ((state & RETIRED) != 0) {
                return false;
            }
        } while (!leases.compareAndSet(state, state + 1));
        return true;
    }

    void release() {
        if (leases.decrementAndGet() == RETIRED) {
            closeModels();
        }
    }

    /** No new leases; the models close when the last lease is returned (now, if none is out). */
    void retire() {
        if (leases.getAndUpdate(state -> state | RETIRED) == 0) {
            closeModels();
        }
    }

    /** Whether {@link #retire()} was called: the set must not be served again. */
    boolean isRetired() {
        return (leases.get() & RETIRED) != 0;
    }

    /** Restarts the dwell clock: the set has just been put into service (a move between backends). */
    void enteredService() {
        switchedAt = System.nanoTime();
    }

    boolean isClosed() {
        return closed.get();
    }

    private void closeModels() {
        if (closed.compareAndSet(false, true)) {
            for (ResidentLevel level : levels) {
                level.model().close();
            }
        }
    }
}
