package io.dynofa.soak.internal;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import io.dynofa.util.internal.DaemonThreads;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Steady load: one thread sends a request every 1/rate seconds (a late request is sent at once, a backlog is
 * dropped rather than sent in a burst) to whichever inference service is registered, and counts the outcome as
 * a client sees it: served, failed with the runtime's reason, {@code NO_SERVICE} while no manager is
 * registered, or {@code EXCEPTION <type>} for anything else the service throws.
 */
final class LoadDriver implements AutoCloseable {
    static final String NO_SERVICE = "NO_SERVICE";

    private final Supplier<InferenceService> services;
    private final long periodNanos;
    private final RequestCounts counts;
    private final Thread thread;
    private volatile boolean running = true;
    private InputSpec spec;
    private Tensor probe;

    LoadDriver(Supplier<InferenceService> services, int perSecond, RequestCounts counts) {
        this.services = services;
        this.periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.counts = counts;
        this.thread = DaemonThreads.create("dynofa-soak-load", this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            once();
            next += periodNanos;
            if (System.nanoTime() - next > 10 * periodNanos) {
                next = System.nanoTime();
            }
        }
    }

    /** Sends one request and counts its outcome. */
    void once() {
        InferenceService service = services.get();
        if (service == null) {
            counts.failed(NO_SERVICE);
            return;
        }
        try {
            Optional<InputSpec> current = service.inputSpec();
            if (current.isPresent() && !sameInput(current.get(), spec)) {
                spec = current.get();
                probe = spec.probe();
            }
            if (probe == null) {
                counts.failed(InferenceException.Reason.NOT_READY.name());
                return;
            }
            service.infer(probe);
            counts.served();
        } catch (InferenceException e) {
            counts.failed(e.reason().name());
        } catch (RuntimeException e) {
            counts.failed("EXCEPTION " + e.getClass().getSimpleName());
        }
    }

    private static boolean sameInput(InputSpec a, InputSpec b) {
        return b != null && a.name().equals(b.name()) && a.dtype() == b.dtype() && Arrays.equals(a.shape(), b.shape());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
