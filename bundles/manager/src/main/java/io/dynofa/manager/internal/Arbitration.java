package io.dynofa.manager.internal;

import io.dynofa.arbiter.api.Arbiter;
import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import io.dynofa.arbiter.api.Placement;
import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The gateway's arbitration between its deployments, shared by all of them: every decision of a deployment hands
 * its policy's proposal in as a {@link Claim}; with the other deployments' latest claims (none older than
 * {@code claimMaxAgeMs}) the configured {@link Arbiter} grants each a level at or below its proposal so that the
 * proposals together fit. One deployment alone, no arbiter configured, or the configured one not installed: the
 * proposal is granted. An arbiter that fails counts as granting every proposal. Thread-safe (deployments decide on
 * their own threads; an arbitration takes microseconds, under one lock).
 */
@Component(service = Arbitration.class, configurationPid = Arbitration.PID)
@Designate(ocd = ArbitrationConfig.class)
public final class Arbitration {
    static final String PID = "io.dynofa.arbitration";
    private static final System.Logger LOG = System.getLogger(Arbitration.class.getName());

    /**
     * What a deployment may take and why: a level of the backend it serves from, or of {@code backendId} when that
     * is another one (null = where it is).
     */
    record Grant(int level, String reason, String backendId) {
        Grant(int level, String reason) {
            this(level, reason, null);
        }
    }

    private record Timed(Claim claim, double ownCores, long at) {
    }

    private final LiveConfig<ArbitrationConfig> config;
    private final Supplier<ArbitrationConfig> settings;
    private final LongSupplier clock;
    private final Map<String, Arbiter> arbiters = new ConcurrentSkipListMap<>();
    private final Map<String, Timed> claims = new LinkedHashMap<>();
    private final int processors = Runtime.getRuntime().availableProcessors();

    @Activate
    public Arbitration(BundleContext context, Map<String, Object> properties) {
        this.config = new LiveConfig<>(context, PID, ConfigReader.of(ArbitrationConfig.class), properties);
        this.settings = config::config;
        this.clock = System::nanoTime;
    }

    /** Outside OSGi (tests): {@code config} in force for good, time from {@code clock} (nanoseconds). */
    Arbitration(ArbitrationConfig config, LongSupplier clock) {
        this.config = null;
        this.settings = () -> config;
        this.clock = clock;
    }

    @Modified
    void modified(Map<String, Object> properties) {
        config.update(properties);
    }

    @Deactivate
    void deactivate() {
        config.close();
    }

    @Reference(service = Arbiter.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindArbiter(Arbiter arbiter, Map<String, Object> properties) {
        arbiters.putIfAbsent(nameOf(arbiter, properties), arbiter);
    }

    void unbindArbiter(Arbiter arbiter, Map<String, Object> properties) {
        arbiters.remove(nameOf(arbiter, properties), arbiter);
    }

    /**
     * The level {@code claim}'s deployment may take now.
     *
     * @param cpuLoad the machine's CPU load 0..1 as the deployment's monitors read it (NaN: unknown)
     */
    Grant arbitrate(Claim claim, double cpuLoad) {
        ArbitrationConfig c = settings.get();
        long now = clock.getAsLong();
        List<Claim> current;
        double ownCores = 0;
        synchronized (claims) {
            claims.put(claim.deployment(), new Timed(claim, cpuDemand(claim), now));
            long maxAge = TimeUnit.MILLISECONDS.toNanos(c.claimMaxAgeMs());
            claims.values().removeIf(t -> now - t.at() > maxAge);
            current = new ArrayList<>();
            for (Timed t : claims.values()) {
                current.add(t.claim());
                ownCores += t.ownCores();
            }
        }
        String name = c.arbiter().trim();
        if (name.isEmpty()) {
            return new Grant(claim.proposed(), null);
        }
        if (current.size() == 1) {
            return new Grant(claim.proposed(), "granted: the only deployment deciding");
        }
        Arbiter arbiter = arbiters.get(name);
        if (arbiter == null) {
            return new Grant(claim.proposed(), "arbiter '" + name + "' not installed (installed: "
                + arbiters.keySet() + "): the proposal stands");
        }
        Capacity capacity = new Capacity(cores(c, cpuLoad, ownCores), c.margin(), processors,
            cpuLoad >= 0 && cpuLoad <= 1 ? Math.max(0, cpuLoad * processors - ownCores) : Double.NaN);
        Integer granted;
        String why;
        String placed;
        try {
            var result = arbiter.arbitrate(current, capacity);
            granted = result.levels().get(claim.deployment());
            why = result.reason();
            placed = result.backends().get(claim.deployment());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "arbiter " + name + " failed", e);
            return new Grant(claim.proposed(), "arbiter '" + name + "' failed (" + e + "): the proposal stands");
        }
        Grant elsewhere = placedElsewhere(claim, placed, granted, name, why);
        if (elsewhere != null) {
            return elsewhere;
        }
        if (granted == null || granted < 0 || granted >= claim.proposed()) {
            return new Grant(claim.proposed(), "granted by " + name + ": " + why);
        }
        return new Grant(granted, "stepped down by " + name + " from " + claim.proposed() + " to " + granted + ": "
            + why);
    }

    /**
     * The grant on another backend the arbiter placed the claim's deployment on; null when it stays (no backend,
     * its own, or one it is not resident on, or a level that is not one of that backend's).
     */
    private static Grant placedElsewhere(Claim claim, String placed, Integer granted, String name, String why) {
        if (placed == null || placed.equals(claim.backendId()) || granted == null) {
            return null;
        }
        for (var p : claim.placements()) {
            if (p.backendId().equals(placed) && granted >= 0 && granted < p.levels().size()) {
                return new Grant(granted, "placed by " + name + " on " + placed + " at "
                    + p.levels().get(granted).id() + ": " + why, placed);
            }
        }
        return null;
    }

    /** The deployment stopped: its claim no longer counts. */
    void withdraw(String deployment) {
        synchronized (claims) {
            claims.remove(deployment);
        }
    }

    /**
     * The processors the deployments may use: the configured number, else every processor less what other
     * processes use (the load above what the deployments' own runs account for), but at least half of them: the
     * scheduler shares processors fairly between runnable threads, so other processes that keep the machine busy
     * still leave the deployments' runs about their share (a saturated machine reads a load of 1 whoever waits).
     */
    private double cores(ArbitrationConfig c, double cpuLoad, double ownCores) {
        if (c.cores() > 0) {
            return c.cores();
        }
        if (!(cpuLoad >= 0 && cpuLoad <= 1)) {
            return processors;
        }
        double others = Math.max(0, cpuLoad * processors - ownCores);
        return Math.max(processors / 2.0, processors - others);
    }

    /**
     * Processor time per second the claim's current level takes at its request rate (profiled latency), times the
     * threads a run on its backend keeps busy (none on a device other than the CPU).
     */
    private static double cpuDemand(Claim claim) {
        double rate = claim.requestsPerSecond();
        if (!(rate > 0) || Double.isInfinite(rate) || claim.levels().isEmpty()) {
            return 0;
        }
        int current = Math.max(0, Math.min(claim.levels().size() - 1, claim.current()));
        double ms = claim.levels().get(current).latencyMs();
        double threads = claim.servingPlacement().map(Placement::cpuThreads).orElse(1.0);
        return ms > 0 && Double.isFinite(ms) ? rate * ms * threads / 1000 : 0;
    }

    private static String nameOf(Arbiter arbiter, Map<String, Object> properties) {
        Object property = properties.get(Arbiter.NAME_PROPERTY);
        if (property != null) {
            return property.toString();
        }
        try {
            String own = arbiter.name();
            return own == null ? "" : own;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
