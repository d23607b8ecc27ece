package io.dynofa.soak.internal;

import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Takes one bundle through stop, start and update (as Gogo's {@code stop N}, {@code start N}, {@code update N}),
 * the load running all along: after each step the load runs for the dwell time; after start and update the
 * cycler waits until the gateway is READY again and notes how long that took. A bundle left with a pending
 * removal by its update (another bundle still wired to its old revision) is refreshed, as {@code refresh} would.
 */
final class BundleCycler {
    private static final long POLL_MS = 20;

    private enum Step { STOP, START, UPDATE }

    private final FrameworkWiring wiring;
    private final Supplier<RuntimeControl> control;
    private final Duration dwell;
    private final Duration readyTimeout;

    BundleCycler(FrameworkWiring wiring, Supplier<RuntimeControl> control, Duration dwell, Duration readyTimeout) {
        this.wiring = wiring;
        this.control = control;
        this.dwell = dwell;
        this.readyTimeout = readyTimeout;
    }

    /** Stops, starts and updates {@code bundle}; what it took and what went wrong. */
    Outcome cycle(Bundle bundle) throws InterruptedException {
        Outcome outcome = new Outcome();
        for (Step step : Step.values()) {
            step(bundle, step, outcome);
        }
        return outcome;
    }

    private void step(Bundle bundle, Step step, Outcome outcome) throws InterruptedException {
        String what = step.name().toLowerCase(Locale.ROOT) + " " + bundle.getSymbolicName();
        try {
            switch (step) {
                case STOP -> bundle.stop();
                case START -> bundle.start();
                case UPDATE -> {
                    bundle.update();
                    refreshPending();
                }
            }
        } catch (BundleException | RuntimeException e) {
            outcome.problems.add(what + ": " + e);
        }
        Thread.sleep(dwell.toMillis());
        if (step != Step.STOP) {
            long waited = awaitReady();
            if (waited < 0) {
                outcome.notRecovered++;
                outcome.problems.add("not READY " + readyTimeout.toMillis() + " ms after " + what + ": "
                    + describe(control.get()));
            } else {
                outcome.worstRecoveryMs = Math.max(outcome.worstRecoveryMs, waited);
            }
        }
    }

    private void refreshPending() throws InterruptedException {
        Collection<Bundle> pending = wiring.getRemovalPendingBundles();
        if (pending.isEmpty()) {
            return;
        }
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.refreshBundles(pending, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        refreshed.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Milliseconds until the gateway was READY (0 when it already was), or -1 past the ready timeout. */
    private long awaitReady() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + readyTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            RuntimeControl current = control.get();
            if (current != null && ready(current)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(POLL_MS);
        }
        return -1;
    }

    private static boolean ready(RuntimeControl control) {
        try {
            return control.status().state() == RuntimeStatus.State.READY;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String describe(RuntimeControl control) {
        if (control == null) {
            return "no runtime manager registered";
        }
        try {
            RuntimeStatus status = control.status();
            return status.state() + " " + status.problems();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /** What cycling bundles took: the longest wait for READY, how often it never came, what failed. */
    static final class Outcome {
        long worstRecoveryMs;
        int notRecovered;
        final List<String> problems = new ArrayList<>();

        void add(Outcome other) {
            worstRecoveryMs = Math.max(worstRecoveryMs, other.worstRecoveryMs);
            notRecovered += other.notRecovered;
            problems.addAll(other.problems);
        }
    }
}
