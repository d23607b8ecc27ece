package io.dynofa.policy.slackfit.internal;

import io.dynofa.policy.api.LevelFit;
import io.dynofa.policy.api.PolicyContext;

/**
 * The accuracy floor a decision keeps: the context's, or none (0) when no level reaches it.
 *
 * @param top1 the floor in force, percent
 * @param lowest the fastest level at it
 */
record AccuracyFloor(double top1, int lowest) {

    static AccuracyFloor of(PolicyContext c) {
        double top1 = LevelFit.fastestAtFloor(c.levels(), c.accuracyFloor()).isPresent() ? c.accuracyFloor() : 0;
        return new AccuracyFloor(top1, LevelFit.fastestAtFloor(c.levels(), top1).orElse(0));
    }
}
