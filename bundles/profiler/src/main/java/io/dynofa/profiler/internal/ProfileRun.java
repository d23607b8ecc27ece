package io.dynofa.profiler.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.ProfileStore;
import io.dynofa.profile.api.Profiler;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Profiles families on backends with a progress bar, then prints a summary and the files written. */
final class ProfileRun {

    private ProfileRun() {
    }

    /**
     * @param familyIds the families to profile
     * @param backendIds the backends to profile each on
     * @param progressOut where the progress bar goes
     * @return the summary: per profile the chosen levels and the files written
     */
    static String run(Profiler profiler, ProfileStore store, List<String> familyIds, List<String> backendIds,
                      boolean quick, PrintStream progressOut) throws BackendException, IOException {
        StringBuilder out = new StringBuilder();
        for (String familyId : familyIds) {
            ProgressBar bar = new ProgressBar(progressOut, backendIds.size(), System::nanoTime);
            List<LatencyProfile> done = new ArrayList<>();
            for (String backendId : backendIds) {
                done.add(profiler.profile(familyId, backendId, quick, bar));
            }
            for (LatencyProfile p : done) {
                out.append(summary(p)).append('\n');
                for (String location : store.locations(p.familyId(), p.backendId())) {
                    out.append("  wrote ").append(location).append('\n');
                }
            }
        }
        return out.toString();
    }

    static String summary(LatencyProfile p) {
        Headline h = Headline.of(p.levels());
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s on %s (%s): %d candidates, %d Pareto "
            + "levels:", p.familyId(), p.backendId(), p.backendDescription(), p.levels().size(),
            p.paretoLevelIds().size()));
        p.paretoLevels().forEach(l -> s.append(String.format(Locale.ROOT, " %s %.2f%% @ %.3f ms;", l.levelId(),
            l.top1(), l.medianMs())));
        s.setLength(s.length() - 1);
        if (!h.speedups().isEmpty() || !h.gains().isEmpty()) {
            s.append(String.format(Locale.ROOT, "%n  OFA vs width-only: up to %s faster at equal accuracy (median %s), "
                + "up to %s at equal latency (median %s)", ProfileReport.times(h.maxSpeedup()),
                ProfileReport.times(h.medianSpeedup()), ProfileReport.points(h.maxGain()),
                ProfileReport.points(h.medianGain())));
        }
        return s.toString();
    }
}
