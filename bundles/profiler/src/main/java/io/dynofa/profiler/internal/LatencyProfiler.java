package io.dynofa.profiler.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.Tensor;
import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.LevelLatency;
import io.dynofa.profile.api.ProfileProgress;
import io.dynofa.profile.api.ProfileStore;
import io.dynofa.profile.api.Profiler;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Measures every candidate of a family on one backend, one at a time (load, warm up, time until
 * stable, close), chooses the Pareto levels and saves the profile. One profile runs at a time.
 */
@Component(service = Profiler.class)
public final class LatencyProfiler implements Profiler {
    private static final Logger LOG = System.getLogger(LatencyProfiler.class.getName());

    private final Map<String, ModelFamily> families = new ConcurrentSkipListMap<>();
    private final Map<String, DeviceBackend> backends = new ConcurrentSkipListMap<>();
    private final ProfileStore store;
    private final BundleContext context;

    @Activate
    public LatencyProfiler(BundleContext context, @Reference(name = "store") ProfileStore store) {
        this.context = context;
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindFamily(ModelFamily family) {
        families.put(family.id(), family);
    }

    void unbindFamily(ModelFamily family) {
        families.remove(family.id(), family);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindBackend(DeviceBackend backend) {
        backends.put(backend.id(), backend);
    }

    void unbindBackend(DeviceBackend backend) {
        backends.remove(backend.id(), backend);
    }

    @Override
    public List<String> families() {
        return List.copyOf(families.keySet());
    }

    @Override
    public List<String> usableBackends() {
        return backends.values().stream().filter(b -> b.unavailableReason().isEmpty()).map(DeviceBackend::id)
            .toList();
    }

    @Override
    public synchronized LatencyProfile profile(String familyId, String backendId, boolean quick,
                                               ProfileProgress progress) throws BackendException, IOException {
        ModelFamily family = family(familyId);
        DeviceBackend backend = backends.get(backendId == null ? "" : backendId);
        if (backend == null) {
            throw new IllegalArgumentException("no backend '" + backendId + "' (bound: " + backends.keySet() + ")");
        }
        if (backend.unavailableReason().isPresent()) {
            throw new BackendException("backend '" + backendId + "' is unusable: " + backend.unavailableReason().get());
        }
        LatencyProfile profile = measure(family, backend, Measurement.of(quick),
            progress == null ? ProfileProgress.NONE : progress);
        store.save(profile);
        return profile;
    }

    private ModelFamily family(String familyId) {
        if (familyId == null || familyId.isBlank()) {
            return families.values().stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model family is registered"));
        }
        ModelFamily family = families.get(familyId);
        if (family == null) {
            throw new IllegalArgumentException("no family '" + familyId + "' (registered: " + families.keySet() + ")");
        }
        return family;
    }

    LatencyProfile measure(ModelFamily family, DeviceBackend backend, Measurement plan, ProfileProgress progress)
        throws BackendException {
        Tensor probe = family.input().probe();
        List<LevelSpec> specs = family.levels();
        List<LevelLatency> levels = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            LevelSpec spec = specs.get(i);
            progress.update(backend.id(), i, specs.size(), spec.id());
            String name = family.id() + "/" + spec.id();
            try (LoadedModel model = backend.load(name, family.model(spec.id()))) {
                Measurement.Samples samples = plan.measure(() -> {
                    long t0 = System.nanoTime();
                    model.run(probe);
                    return System.nanoTime() - t0;
                }, System::nanoTime);
                levels.add(LatencyStats.of(samples.nanos()).toLevel(spec.id(), spec.series(), spec.top1(),
                    spec.macs(), spec.sha256()));
                if (!samples.stable()) {
                    LOG.log(Level.DEBUG, "{0}: median not yet stable after {1} rounds", name, samples.rounds());
                }
            } catch (IOException | BackendException | RuntimeException e) {
                skipped.add(spec.id());
                LOG.log(Level.WARNING, "level " + name + " not profiled on " + backend.id() + ": " + e.getMessage());
            }
        }
        progress.update(backend.id(), specs.size(), specs.size(), null);
        if (levels.isEmpty()) {
            throw new BackendException("no level of family '" + family.id() + "' could be measured on backend '"
                + backend.id() + "' (skipped: " + skipped + ")");
        }
        String description = backend.description();
        return new LatencyProfile(family.id(), family.version(), backend.id(), description, HostInfo.host(),
            HostInfo.cpuModel(), HostInfo.ortVersion(description, context), Instant.now().truncatedTo(ChronoUnit.MILLIS), levels,
            LatencyProfile.paretoFront(levels));
    }
}
