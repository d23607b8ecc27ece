package io.dynofa.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The folder of the family being served is taken away while another family is registered: serving goes on with
 * the other family (no failed request), status says so, and the configured family serves again once its
 * folder is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FamilyFallbackIT {
    private static final String SMALL = "fmnist-small";
    private static final int SMALL_LEVELS = 4;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of());
    }

    @Test
    public void removingTheServedFamilyServesTheFallbackUntilItComesBack() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        Path models = ItSupport.modelsDir(getClass());
        Path configured = models.resolve(ItSupport.FAMILY);
        Path staging = models.resolveSibling(getClass().getSimpleName() + "-staging");
        ItSupport.deleteTree(staging);
        copyWithFirstLevels(configured, staging.resolve(SMALL), SMALL, SMALL_LEVELS);
        moveInto(staging.resolve(SMALL), models.resolve(SMALL));
        Gateway.await(() -> SMALL + " registered; families " + control.families(),
            () -> control.families().contains(SMALL));
        assertEquals(ItSupport.FAMILY, control.status().familyId());

        try (TrafficClient client = new TrafficClient(gateway::inference)) {
            client.awaitServed(200);

            moveInto(configured, staging.resolve(ItSupport.FAMILY));
            Gateway.await(() -> "serving " + SMALL + "; status " + control.status(),
                () -> SMALL.equals(control.status().familyId()));
            int failedDuringTheSwitch = client.failures().size();
            client.awaitServed(200);
            RuntimeStatus fallback = control.status();
            assertEquals(RuntimeStatus.State.READY, fallback.state());
            assertTrue(fallback.problems().toString(), fallback.problems().contains("family '" + ItSupport.FAMILY
                + "' is not registered; serving fallback family '" + SMALL + "'"));
            assertEquals(SMALL, gateway.inference().infer(Gateway.validInput()).familyId());

            moveInto(staging.resolve(ItSupport.FAMILY), configured);
            Gateway.await(() -> "serving " + ItSupport.FAMILY + " again; status " + control.status(),
                () -> ItSupport.FAMILY.equals(control.status().familyId()));
            client.awaitServed(200);
            RuntimeStatus back = control.status();
            assertTrue(back.problems().toString(), back.problems().stream().noneMatch(p -> p.contains("registered")));
            assertEquals(ItSupport.FAMILY, gateway.inference().infer(Gateway.validInput()).familyId());

            List<InferenceException> failures = client.failures();
            System.out.println("FamilyFallbackIT: " + client.served() + " served, " + failures.size()
                + " failed (" + failedDuringTheSwitch + " by the time the fallback served)");
            assertEquals("failed requests: " + failures, 0, failures.size());
        }
    }

    /** Moves a family folder in one step, so that the provider never sees it half copied or half deleted. */
    private static void moveInto(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Copies the family in {@code from} under the id {@code id}, with only its first {@code count} levels. */
    private static void copyWithFirstLevels(Path from, Path to, String id, int count) throws IOException {
        ItSupport.copyTree(from, to);
        Path manifestFile = to.resolve("manifest.json");
        JsonObject manifest = JsonParser.parseString(Files.readString(manifestFile)).getAsJsonObject();
        manifest.getAsJsonObject("family").addProperty("id", id);
        JsonArray levels = manifest.getAsJsonArray("levels");
        JsonArray kept = new JsonArray();
        Set<String> keptFiles = new HashSet<>();
        for (JsonElement level : levels) {
            if (kept.size() < count) {
                kept.add(level);
                keptFiles.add(level.getAsJsonObject().get("file").getAsString());
            }
        }
        for (JsonElement level : levels) {
            String file = level.getAsJsonObject().get("file").getAsString();
            if (!keptFiles.contains(file)) {
                Files.deleteIfExists(to.resolve(file));
            }
        }
        manifest.add("levels", kept);
        Files.writeString(manifestFile, manifest.toString());
    }
}
