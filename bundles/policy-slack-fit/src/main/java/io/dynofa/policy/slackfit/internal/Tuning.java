package io.dynofa.policy.slackfit.internal;

import java.util.concurrent.TimeUnit;

/**
 * The slack-fit rule's settings (see {@link SlackFitPolicyConfig} for each one's meaning).
 *
 * @param margin share of the deadline the tail may use, (0, 1]
 * @param upHeadroom share of the budget the next level must leave free before a step up, [0, 1)
 * @param upDwellMs minimum time since the last switch before a step up, milliseconds
 * @param settleMs how long after a switch the window counts as holding the previous level's runs, milliseconds
 * @param missTolerance miss rate above which the level steps down, [0, 1]
 * @param maxUpLevels how many levels one step up may climb, at least 1
 * @param ceilingMs how long a level left by a step down stays out of a step up's reach at first, milliseconds
 *     (0: never)
 * @param onsetFactor how many times the window's slowdown the last two runs' must be to count as an onset (0: off)
 */
record Tuning(double margin, double upHeadroom, long upDwellMs, long settleMs, double missTolerance, int maxUpLevels,
              long ceilingMs, double onsetFactor) {

    /** The defaults of {@link SlackFitPolicyConfig} for what is not given. */
    Tuning(double margin, double upHeadroom, long upDwellMs, long settleMs, double missTolerance) {
        this(margin, upHeadroom, upDwellMs, settleMs, missTolerance, DEFAULT_MAX_UP_LEVELS, DEFAULT_CEILING_MS);
    }

    /** The default onset factor. */
    Tuning(double margin, double upHeadroom, long upDwellMs, long settleMs, double missTolerance, int maxUpLevels,
           long ceilingMs) {
        this(margin, upHeadroom, upDwellMs, settleMs, missTolerance, maxUpLevels, ceilingMs, DEFAULT_ONSET_FACTOR);
    }

    static final int DEFAULT_MAX_UP_LEVELS = 1000;
    static final long DEFAULT_CEILING_MS = 2000;
    static final double DEFAULT_ONSET_FACTOR = 1.5;

    Tuning {
        require(margin > 0 && margin <= 1, "margin must be in (0, 1], got " + margin);
        require(upHeadroom >= 0 && upHeadroom < 1, "upHeadroom must be in [0, 1), got " + upHeadroom);
        require(upDwellMs >= 0, "upDwellMs must not be negative, got " + upDwellMs);
        require(settleMs >= 0, "settleMs must not be negative, got " + settleMs);
        require(missTolerance >= 0 && missTolerance <= 1, "missTolerance must be in [0, 1], got " + missTolerance);
        require(maxUpLevels >= 1, "maxUpLevels must be at least 1, got " + maxUpLevels);
        require(ceilingMs >= 0, "ceilingMs must not be negative, got " + ceilingMs);
        require(onsetFactor == 0 || onsetFactor > 1, "onsetFactor must be 0 (off) or above 1, got " + onsetFactor);
    }

    static Tuning of(SlackFitPolicyConfig c) {
        return new Tuning(c.margin(), c.upHeadroom(), c.upDwellMs(), c.settleMs(), c.missTolerance(),
            c.maxUpLevels(), c.ceilingMs(), c.onsetFactor());
    }

    long ceilingNanos() {
        return TimeUnit.MILLISECONDS.toNanos(ceilingMs);
    }

    long upDwellNanos() {
        return TimeUnit.MILLISECONDS.toNanos(upDwellMs);
    }

    long settleNanos() {
        return TimeUnit.MILLISECONDS.toNanos(settleMs);
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
