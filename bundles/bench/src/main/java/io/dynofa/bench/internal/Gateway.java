package io.dynofa.bench.internal;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;

/** The running gateway as the bench reaches it: its public services, and the switching policy the bench drives. */
record Gateway(InferenceService service, RuntimeControl control, BenchPolicy policy) {

    /**
     * Waits until the runtime is READY with at least one active level and its levels have not changed for
     * a second (a stored profile bound after the first load makes the manager reload them).
     */
    RuntimeStatus awaitReady() throws InterruptedException {
        List<Level> stable = List.of();
        long stableSince = System.nanoTime();
        while (true) {
            RuntimeStatus status = control.status();
            List<Level> levels = control.levels();
            if (!levels.equals(stable)) {
                stable = levels;
                stableSince = System.nanoTime();
            } else if (status.state() == RuntimeStatus.State.READY && !levels.isEmpty()
                && System.nanoTime() - stableSince > 1_000_000_000L) {
                return status;
            }
            Thread.sleep(5);
        }
    }

    /** Pins {@code level} and waits until a request is served on it. */
    void pinAndWait(Level level, Tensor input) throws Exception {
        control.pin(level.id());
        while (!service.infer(input).levelId().equals(level.id())) {
            Thread.sleep(1);
        }
    }
}
