package io.dynofa.profiler.internal;

import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.LevelLatency;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Markdown report of a profile: headline figures and a table of every candidate. */
final class ProfileReport {

    private ProfileReport() {
    }

    static String markdown(LatencyProfile p, String plotFileName) {
        StringBuilder md = new StringBuilder();
        md.append("# Device profile: ").append(p.familyId()).append(" on ").append(p.backendId()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "family", p.familyId() + " " + p.familyVersion());
        row(md, "backend", p.backendId() + ": " + p.backendDescription());
        row(md, "host", p.host());
        row(md, "CPU", p.cpuModel());
        row(md, "ONNX Runtime", p.ortVersion());
        row(md, "date", p.date().toString());
        row(md, "candidates", p.levels().size() + " measured, " + p.paretoLevelIds().size() + " Pareto levels chosen: "
            + String.join(", ", p.paretoLevelIds()));
        md.append('\n');

        Headline h = Headline.of(p.levels());
        md.append("## Headline: OFA against width-only\n\n");
        if (h.speedups().isEmpty() && h.gains().isEmpty()) {
            md.append("No comparison: the family has no width-only series, or no OFA candidate to set against it.\n\n");
        } else {
            md.append(String.format(Locale.ROOT, "- **At equal accuracy the OFA levels are up to %s faster** than the "
                    + "width-only series (median %s over %d width-only points): each width-only point's latency over "
                    + "that of the fastest OFA candidate at least as accurate.%n", times(h.maxSpeedup()),
                times(h.medianSpeedup()), h.speedups().size()));
            md.append(String.format(Locale.ROOT, "- **At equal latency the OFA levels are up to %s more accurate** "
                    + "(median %s over %d width-only points): the most accurate OFA candidate at most as slow, minus "
                    + "the width-only point's top-1.%n", points(h.maxGain()), points(h.medianGain()), h.gains().size()));
            md.append("- For reference, the Dynamic-OFA paper reports up to 3.5x faster (CPU) and 3.8 points more "
                + "accurate against AutoSlim-MNasNet on ImageNet (Jetson Xavier NX).\n\n");
        }
        md.append("![accuracy vs latency](").append(plotFileName).append(")\n\n");

        md.append("## Candidates (fastest first)\n\n");
        md.append("| level | series | MMACs | top-1 % | median ms | p95 ms | std ms | runs | Pareto |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|:---:|\n");
        List<LevelLatency> sorted = p.levels().stream().sorted(Comparator.comparingDouble(LevelLatency::medianMs))
            .toList();
        for (LevelLatency l : sorted) {
            int pareto = p.paretoLevelIds().indexOf(l.levelId());
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.4f | %.4f | %.4f | %d | %s |%n",
                l.levelId(), l.series(), l.macs() / 1e6, l.top1(), l.medianMs(), l.p95Ms(), l.stdMs(), l.count(),
                pareto < 0 ? "" : "**" + pareto + "**"));
        }
        md.append("\nThe Pareto column gives the level index the runtime manager uses (0 = fastest); it serves these "
            + "levels on this backend while the profile matches the family.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    static String times(Optional<Double> v) {
        return v.map(x -> String.format(Locale.ROOT, "%.2fx", x)).orElse("n/a");
    }

    static String points(Optional<Double> v) {
        return v.map(x -> String.format(Locale.ROOT, "%+.2f points", x)).orElse("n/a");
    }
}
