package io.dynofa.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.family.api.ModelFamily;
import io.dynofa.policy.api.Level;
import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.LevelLatency;
import io.dynofa.profile.api.ProfileStore;
import io.dynofa.profile.api.Profiler;
import io.dynofa.runtime.api.RuntimeControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * A quick profile through the {@link Profiler} service writes the profile, the plot and the report,
 * and the running manager then serves the stored profile's Pareto levels with its latencies, without
 * a restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProfileIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of());
    }

    @Test
    public void aQuickProfileIsStoredAndTheManagerServesItsParetoLevels() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        Profiler profiler = gateway.service(Profiler.class);
        ProfileStore store = gateway.service(ProfileStore.class);
        ModelFamily family = gateway.service(ModelFamily.class);
        AtomicInteger updates = new AtomicInteger();

        LatencyProfile profile = profiler.profile(ItSupport.FAMILY, "cpu", true,
            (backendId, done, total, levelId) -> updates.incrementAndGet());

        int candidates = family.levels().size();
        assertEquals("one update per candidate and one at the end", candidates + 1, updates.get());
        assertEquals(candidates, profile.levels().size());
        assertEquals(profile, store.find(ItSupport.FAMILY, "cpu").orElseThrow());
        List<String> files = store.locations(ItSupport.FAMILY, "cpu");
        assertEquals(files.toString(), 3, files.size());
        for (String ext : List.of("json", "png", "md")) {
            Path file = ItSupport.profilesDir(getClass()).resolve(ItSupport.FAMILY).resolve("cpu." + ext);
            assertTrue(file + " written", Files.size(file) > 0);
        }
        List<LevelLatency> pareto = profile.paretoLevels();
        for (int i = 1; i < pareto.size(); i++) {
            assertTrue("strictly increasing: " + pareto, pareto.get(i).medianMs() > pareto.get(i - 1).medianMs()
                && pareto.get(i).top1() > pareto.get(i - 1).top1());
        }
        List<String> ids = profile.paretoLevelIds();
        List<Double> medians = pareto.stream().map(LevelLatency::medianMs).toList();

        Gateway.await(() -> "the manager serves the profile's levels " + ids + " @ " + medians + "; now "
            + control.levels(), () -> control.levels().stream().map(Level::id).toList().equals(ids)
                && control.levels().stream().map(Level::latencyMs).toList().equals(medians));
        gateway.ready();
    }
}
