package io.dynofa.policy.slackfit.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa policy slack-fit",
    description = "Most accurate level whose estimated tail latency (p95) fits the deadline with slack;"
        + " steps down at once, up to the fit with headroom after a dwell, not back to a level that just missed")
public @interface SlackFitPolicyConfig {

    @AttributeDefinition(description = "The tail's budget is deadline x margin minus the frames' waiting"
        + " (above 0, at most 1)")
    @Range(min = 0, aboveMin = true, max = 1)
    double margin() default 0.9;

    @AttributeDefinition(description = "A step up needs the next level's estimate at most budget x (1 - upHeadroom)"
        + " (0 to below 1)")
    @Range(min = 0, max = 1, belowMax = true)
    double upHeadroom() default 0.1;

    @AttributeDefinition(description = "Minimum time since the last switch before a step up, milliseconds"
        + " (0 to 3600000)")
    @Range(min = 0, max = Range.HOUR_MS)
    long upDwellMs() default 500;

    @AttributeDefinition(description = "After a switch the window still holds the previous level's runs: for this"
        + " long only the per-run slowdown can move the level down, milliseconds (0 to 3600000; the latency"
        + " monitor's maxAgeMs empties a window of the previous level)")
    @Range(min = 0, max = Range.HOUR_MS)
    long settleMs() default 1000;

    @AttributeDefinition(description = "A frame miss rate above this steps down even when the tail looks fine"
        + " (0 to 1)")
    @Range(min = 0, max = 1)
    double missTolerance() default 0;

    @AttributeDefinition(description = "How many levels one step up may climb (1 to 1000; 1 = one level at a time)")
    @Range(min = 1, max = 1000)
    int maxUpLevels() default Tuning.DEFAULT_MAX_UP_LEVELS;

    @AttributeDefinition(description = "A level left by a step down stays out of a step up's reach this long,"
        + " doubled (up to 8x) when it misses again, lifted early when the runs' slowdown falls below 0.75x the one"
        + " it missed at, milliseconds (0 = never keep a level out; 0 to 3600000)")
    @Range(min = 0, max = Range.HOUR_MS)
    long ceilingMs() default Tuning.DEFAULT_CEILING_MS;

    @AttributeDefinition(description = "Onset: when the last two runs are both this many times slower than the"
        + " window's mean slowdown and the level in use would miss at that slowdown, step down at once by it, without"
        + " waiting for the window's tail (0 = off; else above 1, at most 100)")
    @Range(min = 0, max = 100)
    double onsetFactor() default Tuning.DEFAULT_ONSET_FACTOR;
}
