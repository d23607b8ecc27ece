package io.dynofa.profiler.internal;

import io.dynofa.headless.internal.OrderlyExit;
import io.dynofa.profile.api.ProfileStore;
import io.dynofa.profile.api.Profiler;
import io.dynofa.util.internal.DaemonThreads;
import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./dynofa profile}: when the framework property {@value #RUN} is set (to a family id, or empty
 * for every registered family), waits for the families and backends to register, profiles them on
 * every usable backend (or on {@value #BACKEND}; {@value #QUICK}{@code =true} for a smoke run) with a
 * progress bar on standard error, prints the files written on standard output and ends the JVM: status
 * 0, or 1 with the reason. Does nothing when the property is not set.
 */
@Component(immediate = true, service = {})
public final class HeadlessProfiler {
    static final String RUN = "dynofa.profile.run";
    static final String BACKEND = "dynofa.profile.backend";
    static final String QUICK = "dynofa.profile.quick";
    /** How long the registered families and backends must stay the same before profiling starts. */
    static final long SETTLE_MS = 2_000;
    static final long WAIT_MS = 120_000;
    private static final Logger LOG = System.getLogger(HeadlessProfiler.class.getName());

    private final Thread thread;

    @Activate
    public HeadlessProfiler(BundleContext context, @Reference(name = "profiler") Profiler profiler,
                            @Reference(name = "store") ProfileStore store) {
        String family = context.getProperty(RUN);
        if (family == null) {
            thread = null;
            return;
        }
        String backend = blankToNull(context.getProperty(BACKEND));
        boolean quick = Boolean.parseBoolean(context.getProperty(QUICK));
        PrintStream out = System.out;
        PrintStream err = System.err;
        thread = DaemonThreads.start("dynofa-profile", () -> {
            try {
                List<String> families = await(() -> blankToNull(family) == null ? profiler.families()
                    : profiler.families().contains(family.trim()) ? List.of(family.trim()) : List.of(),
                    "family " + (blankToNull(family) == null ? "(any)" : "'" + family.trim() + "'"), profiler);
                List<String> backends = await(() -> backend == null ? profiler.usableBackends()
                    : profiler.usableBackends().contains(backend) ? List.of(backend) : List.of(),
                    "usable backend " + (backend == null ? "(any)" : "'" + backend + "'"), profiler);
                err.println("dynofa profile: " + (quick ? "quick " : "") + "profile of " + families + " on " + backends);
                String summary = ProfileRun.run(profiler, store, families, backends, quick, err);
                out.print(summary);
                out.flush();
                OrderlyExit.exit(context, 0, "dynofa-profile-exit");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "profile failed", e);
                err.println();
                err.println("dynofa profile: error: " + e.getMessage());
                err.flush();
                OrderlyExit.exit(context, 1, "dynofa-profile-exit");
            }
        });
    }

    @Deactivate
    void deactivate() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Waits until {@code what} is non-empty and has not changed for {@link #SETTLE_MS}. */
    private static List<String> await(Supplier<List<String>> what, String name, Profiler profiler)
        throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        List<String> last = List.of();
        long since = System.currentTimeMillis();
        while (true) {
            List<String> now = what.get();
            long t = System.currentTimeMillis();
            if (!now.equals(last)) {
                last = now;
                since = t;
            } else if (!now.isEmpty() && t - since >= SETTLE_MS) {
                return now;
            }
            if (t > deadline) {
                throw new IllegalStateException("no " + name + " after " + WAIT_MS / 1000 + " s (families "
                    + profiler.families() + ", usable backends " + profiler.usableBackends() + ")");
            }
            Thread.sleep(100);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
