package io.dynofa.policy.slackfit.internal;

import static io.dynofa.policy.testing.DecisionAssert.assertMove;
import static io.dynofa.policy.testing.DecisionAssert.assertStay;
import static io.dynofa.policy.testing.PolicyContexts.context;
import static org.junit.Assert.assertEquals;

import io.dynofa.monitor.api.Metrics;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.testing.PolicyContexts;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/** On the test-jar's levels (0.8, 1.6, 1.9, 2.1, 3.0 ms) and 2 ms target: margin 0.9 makes a 1.8 ms budget. */
public class SlackFitRuleTest {
    static final Tuning TUNING = new Tuning(0.9, 0.05, 300, 200, 0);
    private final SlackFitRule rule = new SlackFitRule(TUNING);

    @Test
    public void stepsDownToTheMostAccurateLevelWhoseTailFits() {
        assertMove(1, rule.decide(runTail(4, 3.15)), "level 1 est. 1.68 ms fits (tail slowdown 1.05, budget 1.80 ms)");
    }

    @Test
    public void anOnsetInTheLastTwoRunsStepsDownBeforeTheWindowsTailShowsIt() {
        Map<String, Double> onset = Map.of(Metrics.SLOWDOWN, 1.0, Metrics.TAIL_SLOWDOWN, 1.05,
            Metrics.RECENT_SLOWDOWN, 2.0);
        assertMove(0, rule.decide(context(1, onset, 0, 5000)),
            "onset: last two runs' slowdown 2.00 >= 1.5 x the window's mean 1.00, budget 1.80 ms");
        assertMove(0, rule.decide(context(1, onset, 0, 50)), "onset: last two runs' slowdown 2.00");
        SlackFitRule off = new SlackFitRule(new Tuning(0.9, 0.05, 300, 200, 0, 1000, 2000, 0));
        assertStay(off.decide(context(1, onset, 0, 5000)), "level 1 est. 1.68 ms fits");
    }

    @Test
    public void runsOnlySomewhatSlowerOrStillFittingAreNoOnset() {
        Map<String, Double> slower = Map.of(Metrics.SLOWDOWN, 1.0, Metrics.TAIL_SLOWDOWN, 1.05,
            Metrics.RECENT_SLOWDOWN, 1.4);
        assertStay(rule.decide(context(1, slower, 0, 5000)), "level 1 est. 1.68 ms fits");
        Map<String, Double> fitting = Map.of(Metrics.SLOWDOWN, 0.5, Metrics.TAIL_SLOWDOWN, 0.5,
            Metrics.RECENT_SLOWDOWN, 1.1);
        assertEquals("1.6 ms x 1.1 fits 1.8 ms: no onset", -1, rule.decide(context(1, fitting, 0, 5000)).reason()
            .indexOf("onset"));
    }

    @Test
    public void stepsDownSeveralLevelsAtOnce() {
        assertMove(0, rule.decide(runTail(4, 6.0)), "level 4 est. 6.00 ms over budget");
    }

    @Test
    public void staysWhileTheCurrentLevelIsTheBestFit() {
        assertStay(rule.decide(runTail(1, 1.68)), "level 1 est. 1.68 ms fits");
    }

    @Test
    public void stepsUpToTheMostAccurateLevelWithHeadroomInOneDecision() {
        assertMove(4, rule.decide(runTail(0, 0.4)), "up to 4: level 4 est. 1.50 ms <= 1.71 ms with headroom");
        assertMove(2, rule.decide(runTail(0, 0.72)), "up to 2: level 2 est. 1.71 ms <= 1.71 ms with headroom");
    }

    @Test
    public void maxUpLevelsLimitsAStepUp() {
        SlackFitRule oneAtATime = new SlackFitRule(new Tuning(0.9, 0.05, 300, 200, 0, 1, 2000));
        assertMove(1, oneAtATime.decide(runTail(0, 0.4)), "up to 1: level 1 est. 0.80 ms <= 1.71 ms with headroom");
    }

    @Test
    public void stepsUpOnlyAfterTheDwell() {
        assertStay(rule.decide(context(0, Map.of(Metrics.LATENCY_P95_MS, 0.4), 0, 250)), "dwell 250 ms < 300 ms");
        assertEquals(4, rule.decide(context(0, Map.of(Metrics.LATENCY_P95_MS, 0.4), 0, 300)).level());
    }

    @Test
    public void stepsUpOnlyWithHeadroom() {
        Decision d = rule.decide(runTail(0, 0.88));
        assertStay(d, "level 1 est. 1.76 ms > 1.71 ms with headroom, holding");
        assertStay(d, "level 1 est. 1.76 ms fits");
    }

    @Test
    public void missesStepDownEvenWhenTheTailAndTheMeanFit() {
        assertStay(rule.decide(runTail(3, 1.68)), "level 3 est. 1.68 ms fits");
        assertMove(2, rule.decide(withMisses(3, 1.68, 0.05)), "frames missing: down to 2");
    }

    @Test
    public void missesBelowTheToleranceAreAccepted() {
        SlackFitRule tolerant = new SlackFitRule(new Tuning(0.9, 0.05, 300, 200, 0.1));
        assertStay(tolerant.decide(withMisses(3, 1.68, 0.05)), "level 3 est. 1.68 ms fits");
    }

    @Test
    public void missesAtTheLowestLevelStay() {
        assertStay(rule.decide(withMisses(0, 0.8, 0.5)), "frames missing at the lowest level 0");
    }

    @Test
    public void missesAlsoStopAStepUp() {
        assertMove(0, rule.decide(withMisses(1, 0.4, 0.05)), "frames missing: down to 0");
    }

    @Test
    public void theFloorHoldsAgainstLatency() {
        Decision d = rule.decide(context(4, Map.of(Metrics.LATENCY_P95_MS, 6.0), 75, PolicyContexts.LONG_AGO_MS));
        assertMove(2, d, "no level at the floor fits, fastest 2 est. 3.80 ms");
        assertStay(rule.decide(context(2, Map.of(Metrics.LATENCY_P95_MS, 3.8, Metrics.FRAME_MISS_RATE, 0.5),
            75, PolicyContexts.LONG_AGO_MS)), "frames missing at the lowest level 2");
    }

    @Test
    public void aLevelBelowTheFloorMovesUpAtOnce() {
        assertMove(4, rule.decide(context(0, Map.of(Metrics.SLOWDOWN, 0.5), 77, 0)),
            "below the accuracy floor 77.0%; level 4 est. 1.50 ms fits");
        assertMove(3, rule.decide(context(0, Map.of(), 77, PolicyContexts.LONG_AGO_MS)),
            "below the accuracy floor 77.0%, to the fastest level at it; no tail latency yet");
    }

    @Test
    public void aFloorNoLevelReachesCountsAsNone() {
        assertMove(1, rule.decide(context(4, Map.of(Metrics.LATENCY_P95_MS, 3.15), 90, PolicyContexts.LONG_AGO_MS)),
            "level 1 est. 1.68 ms fits");
    }

    @Test
    public void noTailStaysAndSaysSo() {
        PolicyContext meanOnly = PolicyContexts.at(4).slowdown(3.0).mean(9.0).build();
        assertStay(rule.decide(meanOnly), "no tail latency yet");
        assertStay(rule.decide(context(4, Map.of(Metrics.LATENCY_P95_MS, Double.NaN,
            Metrics.FRAME_LATENCY_P95_MS, -1.0), 0, PolicyContexts.LONG_AGO_MS)), "no tail latency yet");
    }

    @Test
    public void theFrameTailStandsInForTheRunTail() {
        assertMove(1, rule.decide(context(4, Map.of(Metrics.FRAME_LATENCY_P95_MS, 3.15), 0,
            PolicyContexts.LONG_AGO_MS)), "level 1 est. 1.68 ms fits");
    }

    @Test
    public void theFramesDeadlineWinsOverTheTarget() {
        assertStay(rule.decide(context(4, Map.of(Metrics.LATENCY_P95_MS, 3.15, Metrics.FRAME_DEADLINE_MS, 4.0), 0,
            PolicyContexts.LONG_AGO_MS)), "budget 3.60 ms");
    }

    @Test
    public void theFramesWaitingShrinksTheBudget() {
        assertMove(0, rule.decide(context(1, Map.of(Metrics.LATENCY_P95_MS, 1.68,
            Metrics.FRAME_LATENCY_P95_MS, 2.18), 0, PolicyContexts.LONG_AGO_MS)), "budget 1.30 ms");
    }

    @Test
    public void settlingIgnoresThePreviousLevelsTailAndMisses() {
        Map<String, Double> mixed = Map.of(Metrics.LATENCY_P95_MS, 4.0, Metrics.FRAME_MISS_RATE, 0.3,
            Metrics.SLOWDOWN, 1.0);
        assertStay(rule.decide(context(1, mixed, 0, 100)), "settling 100 ms < 200 ms after the switch");
    }

    @Test
    public void settlingStillStepsDownOnTheRunsSlowdown() {
        assertMove(0, rule.decide(context(1, Map.of(Metrics.SLOWDOWN, 2.0), 0, 100)), "run mean slowdown 2.00");
    }

    @Test
    public void thePerRunTailSlowdownWinsOverTheMillisecondTail() {
        assertStay(rule.decide(runTail(2, 1.7)), "level 2 est. 1.70 ms fits");
        assertMove(0, rule.decide(context(2, Map.of(Metrics.LATENCY_P95_MS, 1.7, Metrics.TAIL_SLOWDOWN, 2.0), 0,
            PolicyContexts.LONG_AGO_MS)), 
            "level 2 est. 3.80 ms over budget; level 0 est. 1.60 ms fits (tail slowdown 2.00");
    }

    @Test
    public void settlingGoesByThePerRunTailSlowdownWhenKnown() {
        assertMove(0, rule.decide(context(1, Map.of(Metrics.SLOWDOWN, 1.0, Metrics.TAIL_SLOWDOWN, 2.0), 0, 100)),
            "run p95 slowdown 2.00");
    }

    @Test
    public void settlingNeverStepsUp() {
        assertStay(rule.decide(context(0, Map.of(Metrics.SLOWDOWN, 0.5, Metrics.LATENCY_P95_MS, 0.4), 0, 100)),
            "settling");
        assertStay(rule.decide(context(0, Map.of(Metrics.LATENCY_P95_MS, 0.4), 0, 100)), "no per-run slowdown");
    }

    @Test
    public void unusableMissRatesAreIgnored() {
        for (double bad : new double[] {1.5, -0.1, Double.NaN}) {
            assertStay(rule.decide(withMisses(3, 1.68, bad)), "level 3 est. 1.68 ms fits");
        }
        Map<String, Double> noFrames = Map.of(Metrics.LATENCY_P95_MS, 1.68, Metrics.FRAME_MISS_RATE, 0.5,
            Metrics.FRAME_COUNT, 0.0);
        assertStay(rule.decide(context(3, noFrames, 0, PolicyContexts.LONG_AGO_MS)), "level 3 est. 1.68 ms fits");
    }

    private static PolicyContext runTail(int current, double p95) {
        return context(current, Map.of(Metrics.LATENCY_P95_MS, p95), 0, PolicyContexts.LONG_AGO_MS);
    }

    private static PolicyContext withMisses(int current, double p95, double missRate) {
        Map<String, Double> signals = new HashMap<>(Map.of(Metrics.LATENCY_P95_MS, p95, Metrics.SLOWDOWN, 0.5,
            Metrics.FRAME_COUNT, 20.0));
        signals.put(Metrics.FRAME_MISS_RATE, missRate);
        return context(current, signals, 0, PolicyContexts.LONG_AGO_MS);
    }
}
