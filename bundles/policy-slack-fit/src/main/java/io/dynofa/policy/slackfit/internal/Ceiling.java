package io.dynofa.policy.slackfit.internal;

/**
 * The level a step down left because it did not fit, kept as a ceiling so that step-ups stay below it while the
 * load that made it miss lasts: without it a level that misses under contention is stepped back up to as soon
 * as the one below shows headroom, and the rule oscillates between the two.
 *
 * <ul>
 *   <li>{@link #failed} sets the ceiling for {@code holdNanos}; failing again at the same level while the
 *   ceiling holds, or within one hold after it expired, doubles the hold, up to {@link #MAX_DOUBLINGS} times.</li>
 *   <li>The ceiling lifts when its hold expires or when the runs' slowdown (the same reading it failed at) falls
 *   below
 *   {@link #RELEASE_RATIO} x the slowdown it failed at: the load eased, so the level may fit again.</li>
 * </ul>
 *
 * <p>Confined to the thread that decides (the manager's decision thread); {@link #reset} forgets it.
 */
final class Ceiling {
    static final double RELEASE_RATIO = 0.75;
    static final int MAX_DOUBLINGS = 3;
    static final int NONE = Integer.MAX_VALUE;

    private final long baseNanos;
    private int level = NONE;
    private double failedSlowdown = Double.NaN;
    private long setAt;
    private long holdNanos;

    /** @param baseNanos the first hold; 0 keeps no ceiling */
    Ceiling(long baseNanos) {
        this.baseNanos = baseNanos;
    }

    /** A step down at {@code nowNanos} left {@code failedLevel}, whose runs showed {@code slowdown} (NaN: unknown). */
    void failed(int failedLevel, double slowdown, long nowNanos) {
        if (baseNanos == 0) {
            return;
        }
        boolean again = failedLevel == level && nowNanos - setAt < 2 * holdNanos;
        holdNanos = again ? Math.min(holdNanos * 2, baseNanos << MAX_DOUBLINGS) : baseNanos;
        level = failedLevel;
        failedSlowdown = slowdown;
        setAt = nowNanos;
    }

    /** The lowest level a step up may not reach at {@code nowNanos}, given the runs' slowdown now; {@link #NONE}. */
    int at(double runSlowdown, long nowNanos) {
        if (level == NONE || nowNanos - setAt >= holdNanos || eased(runSlowdown)) {
            return NONE;
        }
        return level;
    }

    /** The hold the ceiling has (or had last), for the decision's reason. */
    long holdMillis() {
        return holdNanos / 1_000_000;
    }

    void reset() {
        level = NONE;
        failedSlowdown = Double.NaN;
        holdNanos = 0;
    }

    private boolean eased(double runSlowdown) {
        return !Double.isNaN(runSlowdown) && !Double.isNaN(failedSlowdown)
            && runSlowdown < RELEASE_RATIO * failedSlowdown;
    }
}
