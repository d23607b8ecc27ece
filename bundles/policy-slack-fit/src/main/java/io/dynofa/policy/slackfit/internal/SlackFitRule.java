package io.dynofa.policy.slackfit.internal;

import io.dynofa.config.policy.internal.ConfiguredPolicy;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.LevelFit;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.Slowdown;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * Slack fit: keeps the frame tail inside the deadline with slack, and moves the level only when the window shows
 * the level in use.
 *
 * <ul>
 *   <li><b>Tail slowdown</b> {@code s}: the p95 of the runs' slowdowns ({@code latency.tail.slowdown}, each run
 *   against its own level's profile); without it, the runs' p95 ({@code latency.p95.ms}) over the current level's
 *   profiled latency; without that, the frames' p95 ({@code frame.latency.p95.ms}) over it. Level {@code i} is estimated at
 *   {@code profiled(i) x s} ({@link LevelFit#expectedMs}). No tail: stay, saying so.</li>
 *   <li><b>Budget</b>: deadline ({@code frame.deadline.ms}, else the target) x {@code margin}, minus the waiting the
 *   frame tail shows (frame p95 - run p95, when both are known).</li>
 *   <li><b>Fit</b>: the most accurate level at the accuracy floor whose estimate is within the budget
 *   ({@link LevelFit#mostAccurateFittingAtFloor}); when none fits, the fastest level at the floor. The floor holds
 *   against latency (a floor no level reaches counts as none); a level below it moves up to the fit at once.</li>
 *   <li><b>Down at once</b>: a fit below the current level is taken at the same decision, several levels if need
 *   be; a miss rate above {@code missTolerance} ({@code frame.miss.rate}) steps at least one level down even when
 *   the tail looks fine (dropped frames leave no latency).</li>
 *   <li><b>Up after a dwell</b>: a fit above the current level is taken only when {@code upDwellMs} have passed
 *   since the last switch and no misses show: to the most accurate level (at most {@code maxUpLevels} up) whose
 *   estimate is at most budget x (1 - upHeadroom), so that after the step the new level has that headroom left
 *   and the same slowdown does not step it down again. A step up recovers from contention in one decision, where
 *   one level at a time would take a dwell per level.</li>
 *   <li><b>Ceiling</b>: a level a step down left stays out of a step up's reach for {@code ceilingMs}, doubled when
 *   it misses again, until the per-run slowdown (p95, else mean) shows the load eased ({@link Ceiling}): the level below
 *   shows headroom the level above does not have under the same load, and without the ceiling the rule would
 *   oscillate between the two.</li>
 *   <li><b>Onset</b>: when the last two runs' slowdown ({@code latency.recent.slowdown}) is at least
 *   {@code onsetFactor} times the window's mean per-run slowdown (else its p95) and the level in use would miss at it,
 *   the level steps down at once to the fit at that slowdown, settling or not: the window's p95 needs a twentieth of
 *   its runs slow before it moves, which at a contention onset is several frames late.</li>
 *   <li><b>Settling</b>: for {@code settleMs} after a switch the window still holds runs and frames of the previous
 *   level (the latency monitor keeps runs up to its {@code maxAgeMs}), so the p95 in milliseconds, the frames'
 *   waiting and the miss rate are not read. The per-run slowdowns are right in a mixed window: their p95 (else
 *   their mean, {@code latency.slowdown}) stands in for {@code s}, and it can only move the level down, so a
 *   contention onset just after a switch is still seen at once and the next decision can step further down when
 *   the first step was not enough.</li>
 * </ul>
 *
 * <p>The only state is the {@link Ceiling}; everything else comes from the context. Decisions come from one
 * thread at a time (the manager's decision thread).
 */
final class SlackFitRule implements ConfiguredPolicy.Rule {
    private final Tuning tuning;
    private final LongSupplier clock;
    private final Ceiling ceiling;

    SlackFitRule(Tuning tuning) {
        this(tuning, System::nanoTime);
    }

    SlackFitRule(Tuning tuning, LongSupplier clock) {
        this.tuning = tuning;
        this.clock = clock;
        this.ceiling = new Ceiling(tuning.ceilingNanos());
    }

    @Override
    public Decision decide(PolicyContext c) {
        TailSignals t = TailSignals.of(c);
        if (Double.isNaN(t.deadlineMs())) {
            return Decision.stay("no deadline (frame.deadline.ms or a target) to keep");
        }
        double profiled = c.currentLevel().latencyMs();
        if (!Slowdown.isUsable(profiled)) {
            return Decision.stay(format("level %d has no profiled latency", c.current()));
        }
        AccuracyFloor floor = AccuracyFloor.of(c);
        Decision onset = onset(c, t, floor, profiled);
        if (onset != null) {
            return onset;
        }
        if (c.nanosSinceSwitch() < tuning.settleNanos()) {
            return settling(c, t, floor);
        }
        OptionalDouble tail = t.tailSlowdown(profiled);
        if (tail.isEmpty()) {
            return withoutEstimate(c, floor, "no tail latency yet (latency.p95.ms or frame.latency.p95.ms)");
        }
        double s = tail.getAsDouble();
        double budget = t.deadlineMs() * tuning.margin() - t.waitingMs();
        String basis = format("tail slowdown %.2f, budget %.2f ms", s, budget);
        return fit(c, floor, new Estimate(s, budget, basis), t, t.missesAbove(tuning.missTolerance()), true);
    }

    /** Forgets the ceiling. */
    @Override
    public void reset() {
        ceiling.reset();
    }

    private Decision settling(PolicyContext c, TailSignals t, AccuracyFloor floor) {
        String settling = format("settling %.0f ms < %d ms after the switch", c.millisSinceSwitch(),
            tuning.settleMs());
        double slowdown = t.perRunSlowdown();
        if (Double.isNaN(slowdown)) {
            return withoutEstimate(c, floor, settling + ", no per-run slowdown");
        }
        double budget = t.deadlineMs() * tuning.margin();
        String basis = format("%s: run %s slowdown %.2f, budget %.2f ms", settling,
            Double.isNaN(t.runTailSlowdown()) ? "mean" : "p95", slowdown, budget);
        return fit(c, floor, new Estimate(slowdown, budget, basis), t, false, false);
    }

    /** The step down an onset calls for, or null when the last runs show none. */
    private Decision onset(PolicyContext c, TailSignals t, AccuracyFloor floor, double profiled) {
        double recent = t.recentSlowdown();
        double window = Double.isNaN(t.runSlowdown()) ? t.perRunSlowdown() : t.runSlowdown();
        if (tuning.onsetFactor() == 0 || Double.isNaN(recent) || Double.isNaN(window)
            || recent < window * tuning.onsetFactor()) {
            return null;
        }
        double budget = t.deadlineMs() * tuning.margin();
        if (profiled * recent <= budget || c.current() <= floor.lowest()) {
            return null;
        }
        String basis = format("onset: last two runs' slowdown %.2f >= %.1f x the window's mean %.2f, budget %.2f ms",
            recent, tuning.onsetFactor(), window, budget);
        Decision down = fit(c, floor, new Estimate(recent, budget, basis), t, false, false);
        return down.isStay() ? null : down;
    }

    private static Decision withoutEstimate(PolicyContext c, AccuracyFloor floor, String why) {
        return c.current() < floor.lowest()
            ? Decision.moveTo(floor.lowest(), format("below the accuracy floor %.1f%%, to the fastest level at it; %s",
                floor.top1(), why))
            : Decision.stay(why);
    }

    private Decision fit(PolicyContext c, AccuracyFloor floor, Estimate e, TailSignals t, boolean misses,
                         boolean mayStepUp) {
        List<Level> levels = c.levels();
        int lowest = floor.lowest();
        int fit = LevelFit.mostAccurateFittingAtFloor(levels, e.slowdown(), e.budgetMs(), floor.top1())
            .orElse(lowest);
        String fitting = LevelFit.fits(levels.get(fit), e.slowdown(), e.budgetMs())
            ? format("level %d est. %.2f ms fits (%s)", fit, e.ms(levels.get(fit)), e.basis())
            : format("no level at the floor fits, fastest %d est. %.2f ms (%s)", fit, e.ms(levels.get(fit)),
                e.basis());
        int current = c.current();
        if (current < lowest) {
            return Decision.moveTo(fit, format("below the accuracy floor %.1f%%; %s", floor.top1(), fitting));
        }
        if (misses) {
            if (current == lowest) {
                return Decision.stay(format("frames missing at the lowest level %d; %s", lowest, fitting));
            }
            int down = Math.max(lowest, Math.min(fit, current - 1));
            ceiling.failed(current, t.perRunSlowdown(), clock.getAsLong());
            return Decision.moveTo(down, format("frames missing: down to %d; %s", down, fitting));
        }
        if (fit < current) {
            ceiling.failed(current, t.perRunSlowdown(), clock.getAsLong());
            return Decision.moveTo(fit, format("level %d est. %.2f ms over budget; %s", current,
                e.ms(levels.get(current)), fitting));
        }
        if (fit == current || !mayStepUp) {
            return Decision.stay(fitting);
        }
        return stepUp(c, floor, e, t, fitting);
    }

    private Decision stepUp(PolicyContext c, AccuracyFloor floor, Estimate e, TailSignals t, String fitting) {
        if (c.nanosSinceSwitch() < tuning.upDwellNanos()) {
            return Decision.stay(format("dwell %.0f ms < %d ms, holding; %s", c.millisSinceSwitch(),
                tuning.upDwellMs(), fitting));
        }
        List<Level> levels = c.levels();
        int current = c.current();
        int ceilingLevel = ceiling.at(t.perRunSlowdown(), clock.getAsLong());
        int reach = Math.min(levels.size() - 1, Math.min(current + tuning.maxUpLevels(),
            ceilingLevel == Ceiling.NONE ? Integer.MAX_VALUE : ceilingLevel - 1));
        if (reach <= current) {
            return Decision.stay(format("level %d missed under this load, kept out for up to %d ms; %s",
                ceilingLevel, ceiling.holdMillis(), fitting));
        }
        double limit = e.budgetMs() * (1 - tuning.upHeadroom());
        double currentTop1 = levels.get(current).top1();
        for (int i = reach; i > current; i--) {
            Level candidate = levels.get(i);
            if (candidate.top1() > currentTop1 && candidate.top1() >= floor.top1() && e.ms(candidate) <= limit) {
                return Decision.moveTo(i, format("up to %d: level %d est. %.2f ms <= %.2f ms with headroom; %s", i,
                    i, e.ms(candidate), limit, fitting));
            }
        }
        int next = current + 1;
        return Decision.stay(format("level %d est. %.2f ms > %.2f ms with headroom, holding; %s", next,
            e.ms(levels.get(next)), limit, fitting));
    }

    /** The slowdown a decision goes by, the budget it fits into, and what they came from (for the reason). */
    private record Estimate(double slowdown, double budgetMs, String basis) {
        double ms(Level level) {
            return LevelFit.expectedMs(level, slowdown);
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
