package io.dynofa.profile.api;

import java.util.Objects;

/**
 * One candidate of a family as measured on one backend: batch-1 latency statistics over
 * {@code count} timed runs taken after a warm-up.
 *
 * @param levelId the level's id in its family
 * @param series {@code ofa} or {@code width-only} (from the family manifest)
 * @param top1 top-1 accuracy in percent (from the family manifest)
 * @param macs multiply-accumulates of one sample (from the family manifest)
 * @param medianMs median latency, milliseconds
 * @param p95Ms 95th percentile latency, milliseconds
 * @param stdMs standard deviation of the latency, milliseconds
 * @param count number of timed runs the figures come from (at least 1)
 */
public record LevelLatency(String levelId, String series, double top1, long macs, double medianMs, double p95Ms,
                           double stdMs, int count) {

    public LevelLatency {
        Objects.requireNonNull(levelId, "levelId");
        Objects.requireNonNull(series, "series");
    }
}
