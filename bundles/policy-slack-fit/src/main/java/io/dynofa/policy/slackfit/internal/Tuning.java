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
 */
record Tuning(double margin, double upHeadroom, long upDwellMs, long settleMs, double missTolerance) {

    Tuning {
        require(margin > 0 && margin <= 1, "margin must be in (0, 1], got " + margin);
        require(upHeadroom >= 0 && upHeadroom < 1, "upHeadroom must be in [0, 1), got " + upHeadroom);
        require(upDwellMs >= 0, "upDwellMs must not be negative, got " + upDwellMs);
        require(settleMs >= 0, "settleMs must not be negative, got " + settleMs);
        require(missTolerance >= 0 && missTolerance <= 1, "missTolerance must be in [0, 1], got " + missTolerance);
    }

    static Tuning of(SlackFitPolicyConfig c) {
        return new Tuning(c.margin(), c.upHeadroom(), c.upDwellMs(), c.settleMs(), c.missTolerance());
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
