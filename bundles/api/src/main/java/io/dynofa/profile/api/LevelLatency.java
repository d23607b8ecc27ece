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
 * @param sha256 SHA-256 of the level's model file that was measured, lower-case hex; null when unknown (a
 *               profile written before 1.2), and then the runtime does not trust the figures (since 1.2)
 */
public record LevelLatency(String levelId, String series, double top1, long macs, double medianMs, double p95Ms,
                           double stdMs, int count, String sha256) {

    public LevelLatency {
        Objects.requireNonNull(levelId, "levelId");
        Objects.requireNonNull(series, "series");
    }

    /** Figures without the model file's hash (as of version 1.1). */
    public LevelLatency(String levelId, String series, double top1, long macs, double medianMs, double p95Ms,
                        double stdMs, int count) {
        this(levelId, series, top1, macs, medianMs, p95Ms, stdMs, count, null);
    }
}
