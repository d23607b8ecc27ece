package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/**
 * A quick profile through the {@link Profiler} service writes the profile, the plot and the report,
 * and the running manager then serves the stored profile's Pareto levels with its latencies, without
 * a restart.
 */
public class ProfileIT extends GatewayIT {

    @Test
    public void aQuickProfileIsStoredAndTheManagerServesItsParetoLevels() throws Exception {
        ready();
        RuntimeControl control = control();
        Profiler profiler = service(Profiler.class);
        ProfileStore store = service(ProfileStore.class);
        ModelFamily family = service(ModelFamily.class);
        AtomicInteger updates = new AtomicInteger();

        LatencyProfile profile = profiler.profile(FAMILY, "cpu", true,
            (backendId, done, total, levelId) -> updates.incrementAndGet());

        int candidates = family.levels().size();
        assertEquals("one update per candidate and one at the end", candidates + 1, updates.get());
        assertEquals(candidates, profile.levels().size());
        assertEquals(profile, store.find(FAMILY, "cpu").orElseThrow());
        List<String> files = store.locations(FAMILY, "cpu");
        assertEquals(files.toString(), 3, files.size());
        for (String ext : List.of("json", "png", "md")) {
            Path file = profilesDir().resolve(FAMILY).resolve("cpu." + ext);
            assertTrue(file + " written", Files.size(file) > 0);
        }
        List<LevelLatency> pareto = profile.paretoLevels();
        for (int i = 1; i < pareto.size(); i++) {
            assertTrue("strictly increasing: " + pareto, pareto.get(i).medianMs() > pareto.get(i - 1).medianMs()
                && pareto.get(i).top1() > pareto.get(i - 1).top1());
        }
        List<String> ids = profile.paretoLevelIds();
        List<Double> medians = pareto.stream().map(LevelLatency::medianMs).toList();

        await("the manager serving the profile's levels " + ids + " @ " + medians).untilAsserted(() -> {
            List<Level> levels = control.levels();
            assertEquals("level ids; levels " + levels, ids, levels.stream().map(Level::id).toList());
            assertEquals("latencies; levels " + levels, medians, levels.stream().map(Level::latencyMs).toList());
        });
        ready();
    }
}
