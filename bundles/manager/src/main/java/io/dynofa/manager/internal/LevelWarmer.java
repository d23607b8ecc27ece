package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.inference.api.Tensor;
import io.dynofa.runtime.api.KeepWarmState;
import io.dynofa.runtime.api.KeepWarmState.Mode;
import io.dynofa.runtime.api.KeepWarmState.Pause;
import io.dynofa.util.internal.DaemonThreads;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Keeps the levels a switch is likely to go to warm in the processor caches, so that the first request after
 * a switch runs at the level's steady-state speed. A level that has not run for a few milliseconds has left
 * the caches (on the 2-core test host after 10-20 ms; other processes share the last-level cache), and its
 * first run then costs two to three times its steady state.
 *
 * <p>On its own thread, while requests are being served and no level is pinned, every interval runs each
 * level within {@link KeepWarm#neighbours()} steps of the serving one, and the level served before it (a
 * policy that stepped away often steps back), {@link KeepWarm#runs()} times on the family's probe input; the interval is stretched so that this takes at most {@link KeepWarm#maxCpuShare()}
 * of one core, and the rounds pause while the system's CPU load is at or above {@link KeepWarm#maxCpuLoad()}
 * (speculative work yields when other applications saturate the CPU; its runs would preempt the serving
 * thread). {@link #prepare} runs the level a switch goes to once on the calling thread (the decision thread's,
 * right before the switch: one run is enough and keeps the switch quick; thanks to the rounds it is itself
 * usually warm). Runs hold a lease on their set, so a retired set's models are never run after closing.
 * {@link #describe} tells what the last round did, for the runtime's status.
 */
final class LevelWarmer {
    private static final System.Logger LOG = System.getLogger(LevelWarmer.class.getName());
    private static final String NO_FAMILY_ACTIVE = "paused: no family active";

    private final InferenceEngine engine;
    private final DoubleSupplier cpuLoad;
    private final ScheduledExecutorService executor = DaemonThreads.scheduler("dynofa-warmer");
    private volatile KeepWarm config;
    private volatile boolean holding;
    private volatile Outcome outcome = Outcome.NOT_YET;
    private volatile double loadAtLastRound = Double.NaN;
    private volatile long delayAtLastRound;
    private long servedAtLastRound;

    /** What the last round did. */
    private enum Outcome { NOT_YET, WARMED, PINNED, NO_REQUESTS, CPU_BUSY, NO_FAMILY }

    /** @param cpuLoad the latest system CPU load in [0, 1], NaN when unknown (never pauses) */
    LevelWarmer(InferenceEngine engine, KeepWarm config, DoubleSupplier cpuLoad) {
        this.engine = engine;
        this.cpuLoad = cpuLoad;
        this.config = config;
        this.servedAtLastRound = requests();
        executor.schedule(this::round, config.intervalMs(), TimeUnit.MILLISECONDS);
    }

    void configure(KeepWarm next) {
        config = next;
    }

    /** While a level is pinned no switch is expected: the rounds pause. */
    void holding(boolean pinned) {
        holding = pinned;
    }

    /**
     * Runs level {@code index} of {@code set} once on the calling thread unless it is the serving level or
     * keeping warm is off.
     *
     * @return whether it ran the level
     */
    boolean prepare(ActiveSet set, int index) {
        KeepWarm k = config;
        if (!k.enabled() || index < 0 || index >= set.size() || (index == set.current() && engine.active() == set)) {
            return false;
        }
        if (!set.acquire()) {
            return false;
        }
        try {
            return run(set, index, 1);
        } finally {
            set.release();
        }
    }

    void shutdown() {
        DaemonThreads.stop(executor, Duration.ofSeconds(5));
    }

    /** What keeping warm did in its last round, e.g. "warming ofa-10, ofa-12 every 10 ms" or "off". */
    String describe() {
        KeepWarm k = config;
        if (!k.enabled()) {
            return "off";
        }
        return switch (outcome) {
            case NOT_YET -> "starting";
            case PINNED -> "paused: a level is pinned";
            case NO_REQUESTS -> "paused: no requests";
            case NO_FAMILY -> NO_FAMILY_ACTIVE;
            case CPU_BUSY -> String.format(Locale.ROOT, "paused: system CPU load %.2f, at or above %.2f",
                loadAtLastRound, k.maxCpuLoad());
            case WARMED -> warming(k);
        };
    }

    /** {@link #describe} as a record. */
    KeepWarmState state() {
        KeepWarm k = config;
        long interval = outcome == Outcome.NOT_YET ? k.intervalMs() : TimeUnit.NANOSECONDS.toMillis(delayAtLastRound);
        if (!k.enabled()) {
            return new KeepWarmState(Mode.OFF, null, List.of(), k.intervalMs());
        }
        ActiveSet set = engine.active();
        return switch (outcome) {
            case NOT_YET -> new KeepWarmState(Mode.STARTING, null, List.of(), interval);
            case PINNED -> paused(Pause.PINNED, interval);
            case NO_REQUESTS -> paused(Pause.NO_REQUESTS, interval);
            case CPU_BUSY -> paused(Pause.CPU_LOAD, interval);
            case NO_FAMILY -> paused(Pause.NO_FAMILY, interval);
            case WARMED -> set == null ? paused(Pause.NO_FAMILY, interval) : new KeepWarmState(Mode.WARMING, null,
                Arrays.stream(targets(set, k)).mapToObj(i -> set.level(i).level().id()).toList(), interval);
        };
    }

    private static KeepWarmState paused(Pause why, long intervalMs) {
        return new KeepWarmState(Mode.PAUSED, why, List.of(), intervalMs);
    }

    private String warming(KeepWarm k) {
        ActiveSet set = engine.active();
        if (set == null) {
            return NO_FAMILY_ACTIVE;
        }
        String[] ids = Arrays.stream(targets(set, k)).mapToObj(i -> set.level(i).level().id()).toArray(String[]::new);
        return (ids.length == 0 ? "warming no level (the family has one)" : "warming " + String.join(", ", ids))
            + " every " + TimeUnit.NANOSECONDS.toMillis(delayAtLastRound) + " ms";
    }

    private void round() {
        KeepWarm k = config;
        long delay = TimeUnit.MILLISECONDS.toNanos(k.intervalMs());
        try {
            boolean traffic = servedSinceLastRound();
            double load = cpuLoad.getAsDouble();
            loadAtLastRound = load;
            Outcome paused = !k.enabled() ? Outcome.NOT_YET : holding ? Outcome.PINNED
                : !traffic ? Outcome.NO_REQUESTS : load >= k.maxCpuLoad() ? Outcome.CPU_BUSY : null;
            if (paused == null) {
                long busy = warmNeighbours(k);
                paused = busy < 0 ? Outcome.NO_FAMILY : Outcome.WARMED;
                delay = Math.max(delay, (long) (Math.max(0, busy) / k.maxCpuShare()));
            }
            outcome = paused;
            delayAtLastRound = delay;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "keeping levels warm failed", e);
        } finally {
            if (!executor.isShutdown()) {
                executor.schedule(this::round, delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    private boolean servedSinceLastRound() {
        long served = requests();
        boolean traffic = served != servedAtLastRound;
        servedAtLastRound = served;
        return traffic;
    }

    private long requests() {
        return engine.served() + engine.failed();
    }

    /**
     * Runs the serving level's neighbours and the level served before it; returns the time it took, -1 when no
     * set is active.
     */
    private long warmNeighbours(KeepWarm k) {
        ActiveSet set = engine.active();
        if (set == null || !set.acquire()) {
            return -1;
        }
        long start = System.nanoTime();
        try {
            for (int index : targets(set, k)) {
                run(set, index, k.runs());
            }
        } finally {
            set.release();
        }
        return System.nanoTime() - start;
    }

    /** The indices a round warms: the serving level's neighbours, nearest first, then the level served before. */
    private static int[] targets(ActiveSet set, KeepWarm k) {
        int serving = set.current();
        int[] out = new int[2 * k.neighbours() + 1];
        int n = 0;
        for (int distance = 1; distance <= k.neighbours(); distance++) {
            for (int index : new int[] {serving - distance, serving + distance}) {
                if (index >= 0 && index < set.size()) {
                    out[n++] = index;
                }
            }
        }
        int previous = set.previous();
        if (previous >= 0 && Math.abs(previous - serving) > k.neighbours()) {
            out[n++] = previous;
        }
        return Arrays.copyOf(out, n);
    }

    private boolean run(ActiveSet set, int index, int runs) {
        ResidentLevel level = set.level(index);
        Tensor probe = set.probe();
        try {
            for (int i = 0; i < runs; i++) {
                level.model().run(probe);
            }
        } catch (BackendException | RuntimeException e) {
            LOG.log(Level.DEBUG, "warming level " + level.level().id() + " on " + set.backendId() + " failed", e);
            return false;
        }
        return true;
    }
}
