package io.dynofa.soak.internal;

import io.dynofa.soak.internal.ProcessGauges.Gauges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The soak report: a CSV with one row per cycle and a Markdown page, first against last cycle, then every cycle. */
final class SoakReport {
    static final String CSV_HEADER = "cycle,seconds,served,failed,failed_by_reason,worst_ready_wait_ms,"
        + "not_recovered,rss_mb,heap_after_gc_mb,jvm_threads,process_threads,open_fds";
    /** At most this many problems are listed in the Markdown page; the count says how many there were. */
    static final int MAX_PROBLEMS = 50;

    private SoakReport() {
    }

    /** Writes {@code <name>.csv} and {@code <name>.md} into the settings' folder. */
    static void write(SoakSettings settings, String setup, List<String> bundles, List<CycleRow> rows,
                      Map<String, RequestCounts.Counts> byBundle, List<String> problems) throws IOException {
        Files.createDirectories(settings.out());
        Files.writeString(settings.out().resolve(settings.name() + ".csv"), csv(rows));
        Files.writeString(settings.out().resolve(settings.name() + ".md"),
            markdown(settings, setup, bundles, rows, problems) + byBundle(byBundle));
    }

    /** Requests served and failed while each bundle was taken through stop, start and update, over all cycles. */
    static String byBundle(Map<String, RequestCounts.Counts> byBundle) {
        if (byBundle.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Requests while each bundle was cycled (all cycles)\n\n"
            + "| bundle | served | failed | failed by reason |\n|---|---:|---:|---|\n");
        byBundle.forEach((bundle, c) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s |%n", bundle,
            c.served(), c.failed(), c.reasons())));
        return md.toString();
    }

    static String csv(List<CycleRow> rows) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (CycleRow r : rows) {
            out.append(String.format(Locale.ROOT, "%d,%.1f,%d,%d,\"%s\",%d,%d,%.1f,%.1f,%d,%d,%d%n", cells(r)));
        }
        return out.toString();
    }

    static String markdown(SoakSettings settings, String setup, List<String> bundles, List<CycleRow> rows,
                           List<String> problems) {
        int done = rows.size() - 1;
        StringBuilder md = new StringBuilder();
        md.append("# Soak: stop, start and update of every plug-in bundle under load\n\n");
        md.append(String.format(Locale.ROOT, "%d of %d cycles. Each cycle stops, starts and updates each of %d "
            + "bundles in turn (as Gogo `stop N`, `start N`, `update N`), with %d requests/s of steady load "
            + "running throughout and %d ms of load after each step; after a start or an update it waits for "
            + "the gateway to be READY (at most %d ms). The gauges are read at the end of each cycle, after a "
            + "full garbage collection. Cycle 0 is the same load before any bundle is touched.%n%n", done,
            settings.cycles(), bundles.size(), settings.rate(), settings.dwell().toMillis(),
            settings.readyTimeout().toMillis()));
        md.append(setup).append("\n\nBundles cycled: ").append(String.join(", ", bundles)).append(".\n\n");
        if (done >= 1) {
            summary(md, rows.get(0), rows.get(1), rows.get(rows.size() - 1));
        }
        md.append("## Every cycle\n\n| cycle | s | served | failed | failed by reason | worst wait for READY ms "
            + "| not recovered | RSS MiB | heap MiB | JVM threads | threads | fds |\n"
            + "|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CycleRow r : rows) {
            md.append(String.format(Locale.ROOT,
                "| %d | %.1f | %d | %d | %s | %d | %d | %.1f | %.1f | %d | %d | %d |%n", cells(r)));
        }
        md.append("\n## Problems\n\n");
        if (problems.isEmpty()) {
            md.append("None: every step succeeded and the gateway served again after each start and update.\n");
        } else {
            md.append(problems.size()).append(problems.size() > MAX_PROBLEMS ? " (the first " + MAX_PROBLEMS
                + " listed)" : "").append(":\n\n");
            problems.stream().limit(MAX_PROBLEMS).forEach(p -> md.append("- ").append(p).append('\n'));
        }
        return md.toString();
    }

    /** A row's figures in the column order of both formats. */
    private static Object[] cells(CycleRow r) {
        Gauges g = r.gauges();
        return new Object[] {r.cycle(), r.seconds(), r.requests().served(), r.requests().failed(),
            r.requests().reasons(), r.worstRecoveryMs(), r.notRecovered(), g.rssMb(), g.heapMb(), g.jvmThreads(),
            g.osThreads(), g.fds()};
    }

    private static void summary(StringBuilder md, CycleRow before, CycleRow first, CycleRow last) {
        md.append(String.format(Locale.ROOT, "## First against last cycle%n%n| | before cycling | cycle %d "
            + "| cycle %d | last - first |%n|---|---:|---:|---:|---:|%n", first.cycle(), last.cycle()));
        gauge(md, "RSS (MiB)", before, first, last, r -> r.gauges().rssMb());
        gauge(md, "heap after GC (MiB)", before, first, last, r -> r.gauges().heapMb());
        gauge(md, "JVM threads", before, first, last, r -> r.gauges().jvmThreads());
        gauge(md, "process threads", before, first, last, r -> r.gauges().osThreads());
        gauge(md, "open file descriptors", before, first, last, r -> r.gauges().fds());
        gauge(md, "requests served", before, first, last, r -> r.requests().served());
        gauge(md, "requests failed", before, first, last, r -> r.requests().failed());
        gauge(md, "worst wait for READY (ms)", before, first, last, CycleRow::worstRecoveryMs);
        md.append('\n');
    }

    private static void gauge(StringBuilder md, String name, CycleRow before, CycleRow first, CycleRow last,
                              ToDoubleFunction<CycleRow> figure) {
        double a = figure.applyAsDouble(first);
        double b = figure.applyAsDouble(last);
        md.append("| ").append(name).append(" | ").append(number(figure.applyAsDouble(before))).append(" | ")
            .append(number(a)).append(" | ").append(number(b)).append(" | ").append(b - a > 0 ? "+" : "")
            .append(number(b - a)).append(" |\n");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value)
            : String.format(Locale.ROOT, "%.1f", value);
    }
}
