package io.dynofa.bench.internal;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;

/** The running gateway as the bench reaches it: its public services, and the switching policy the bench drives. */
record Gateway(InferenceService service, RuntimeControl control, BenchPolicy policy) {

    /** Waits until the runtime is READY with at least one active level. */
    RuntimeStatus awaitReady() throws InterruptedException {
        while (true) {
            RuntimeStatus status = control.status();
            if (status.state() == RuntimeStatus.State.READY && !control.levels().isEmpty()) {
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
