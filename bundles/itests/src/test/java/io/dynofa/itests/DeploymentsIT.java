package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.dynofa.arbiter.api.Arbiter;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Several deployments on one gateway (issue 15): the default deployment ({@code io.dynofa.runtime}: the shipped
 * family, lut-fit, a loose target, priority {@value #HIGH_PRIORITY}) and deployments the tests add and remove as
 * ConfigAdmin factory configurations {@value Deployments#FACTORY_PID}. Each deployment serves its own family at
 * its own target under its own services; one comes and goes without failing another's requests; deployments of
 * one family share its sessions and count them; the gateway's arbiter steps the low-priority deployment down when
 * the CPU cannot take both proposals, and another arbiter bundle, or none, can decide instead.
 */
public class DeploymentsIT extends GatewayIT {
    private static final String MAIN = Deployments.DEFAULT;
    /** The deployment of the second family. */
    private static final String SMALL = "small";
    /** A second family: a few of the shipped family's levels under an id and manifest of their own. */
    private static final String SUBSET = "fmnist-sub";
    private static final List<String> SUBSET_LEVELS = List.of("ofa-01", "ofa-08", "ofa-16");
    private static final String ARBITRATION = "io.dynofa.arbitration";
    private static final String ARBITER = "io.dynofa.arbiter.priority";
    private static final String SHIPPED_ARBITER = "priority-weighted";
    private static final String TEST_ARBITER = "test-arbiter";
    /** Processors the deployments may use unless a test contends them: only the deadlines bind. */
    private static final double AMPLE_CORES = 4096;
    /** A target every level meets: alone, lut-fit serves the most accurate level. */
    private static final double LOOSE_MS = 1000;
    /** A target no level meets: lut-fit serves the fastest. */
    private static final double TIGHT_MS = 0.001;
    private static final int HIGH_PRIORITY = 1000;
    private static final int LOW_PRIORITY = 1;
    /** The request rate of each deployment while the arbiter is tested, per second. */
    private static final double RATE = 50;

    @Override
    protected List<String> modules() {
        return Stream.concat(GATEWAY.stream(), Stream.of("arbiter-priority")).toList();
    }

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return Map.of(RUNTIME_PID, Map.of("family", FAMILY, "policy", "lut-fit", "targetLatencyMs",
                String.valueOf(LOOSE_MS), "priority", String.valueOf(HIGH_PRIORITY)),
            ARBITRATION, Map.of("cores", String.valueOf(AMPLE_CORES)));
    }

    @Test
    public void twoDeploymentsOfDifferentFamiliesAndTargetsServeConcurrentlyAtTheirOwnLevels() throws Exception {
        RuntimeControl main = awaitReady(control(MAIN));
        try {
            RuntimeControl small = addSmallDeployment(main);
            try (TrafficClient toMain = trafficTo(MAIN); TrafficClient toSmall = trafficTo(SMALL)) {
                awaitServed(100, toMain, toSmall);
                await("each deployment at its own family, target and level").untilAsserted(() -> {
                    List<Level> mainLevels = main.levels();
                    RuntimeStatus m = main.status();
                    assertServing(m, MAIN, FAMILY, LOOSE_MS);
                    assertEquals("the most accurate level; " + m, mainLevels.size() - 1, m.levelIndex());
                    assertEquals(m.toString(), mainLevels.get(mainLevels.size() - 1).id(), m.levelId());
                    RuntimeStatus s = small.status();
                    assertServing(s, SMALL, SUBSET, TIGHT_MS);
                    assertEquals("the fastest level; " + s, 0, s.levelIndex());
                    assertTrue("levels of its own family: " + small.levels(), SUBSET_LEVELS.containsAll(ids(small
                        .levels())));
                    assertTrue("a level of its own family: " + s, SUBSET_LEVELS.contains(s.levelId()));
                    assertEquals("no session of another family is shared; " + m, 0, m.sharedSessions());
                    assertEquals("no session of another family is shared; " + s, 0, s.sharedSessions());
                });
                assertEquals(FAMILY, inference(MAIN).infer(validInput()).familyId());
                InferenceResult fromSmall = inference(SMALL).infer(validInput());
                assertEquals(SUBSET, fromSmall.familyId());
                assertTrue(fromSmall.levelId(), SUBSET_LEVELS.contains(fromSmall.levelId()));
                awaitServed(100, toMain, toSmall);
                assertNoFailedRequest(toMain, toSmall);
            }
        } finally {
            deleteDeployment(SMALL);
        }
    }

    @Test
    public void aDeploymentAddedAndRemovedUnderTrafficFailsNoRequestOfTheOthers() throws Exception {
        RuntimeControl main = awaitReady(control(MAIN));
        try {
            RuntimeControl small = addSmallDeployment(main);
            try (TrafficClient toMain = trafficTo(MAIN); TrafficClient toSmall = trafficTo(SMALL);
                 ReadyWatch mainWatch = new ReadyWatch(main); ReadyWatch smallWatch = new ReadyWatch(small)) {
                awaitServed(100, toMain, toSmall);

                RuntimeControl third = addDeployment("third", FAMILY, LOOSE_MS, LOW_PRIORITY);
                assertEquals("third", third.status().deployment());
                assertEquals(FAMILY, inference("third").infer(validInput()).familyId());
                awaitServed(100, toMain, toSmall);

                deleteDeployment("third");
                await("the third deployment's services gone").untilAsserted(() -> {
                    assertNull(current(InferenceService.class, filter("third")));
                    assertNull(current(RuntimeControl.class, filter("third")));
                });
                awaitServed(100, toMain, toSmall);
                assertNoFailedRequest(toMain, toSmall);
                mainWatch.assertAlwaysReady();
                smallWatch.assertAlwaysReady();
            }
        } finally {
            deleteDeployment("third");
            deleteDeployment(SMALL);
        }
    }

    @Test
    public void deploymentsOfOneFamilyAndBackendShareItsSessionsAndCountThem() throws Exception {
        RuntimeControl main = awaitReady(control(MAIN));
        await("no session shared while one deployment serves the family").untilAsserted(() ->
            assertEquals(main.status().toString(), 0, main.status().sharedSessions()));
        try {
            RuntimeControl twin = addDeployment("twin", FAMILY, LOOSE_MS, LOW_PRIORITY);
            await("both count the resident levels they have in common").untilAsserted(() -> {
                Set<String> common = new HashSet<>(ids(main.levels()));
                common.retainAll(ids(twin.levels()));
                assertFalse("levels in common: " + main.levels() + " and " + twin.levels(), common.isEmpty());
                assertEquals("shared sessions of " + MAIN + ", levels in common " + common, common.size(),
                    main.status().sharedSessions());
                assertEquals("shared sessions of twin, levels in common " + common, common.size(),
                    twin.status().sharedSessions());
            });
        } finally {
            deleteDeployment("twin");
        }
        await("no session shared once the twin is gone").untilAsserted(() ->
            assertEquals(main.status().toString(), 0, main.status().sharedSessions()));
        assertEquals(FAMILY, inference(MAIN).infer(validInput()).familyId());
    }

    @Test
    public void onAContendedCpuTheArbiterStepsTheLowPriorityDeploymentDownFirst() throws Exception {
        RuntimeControl high = awaitReady(control(MAIN));
        try {
            RuntimeControl low = addDeployment("low", FAMILY, LOOSE_MS, LOW_PRIORITY);
            try (TrafficClient toHigh = trafficTo(MAIN, RATE); TrafficClient toLow = trafficTo("low", RATE)) {
                awaitAtTop("granted by " + SHIPPED_ARBITER, high, low);
                double cores = contendedCores(high.levels(), low.levels());
                configure(ARBITRATION, Map.of("cores", cores));
                await("the low-priority deployment stepped down, the high-priority one at its level on "
                    + cores + " cores").untilAsserted(() -> {
                        RuntimeStatus l = low.status();
                        assertTrue("low: " + l, l.arbitration() != null && l.arbitration().startsWith(
                            "stepped down by " + SHIPPED_ARBITER + " from " + (low.levels().size() - 1) + " to "));
                        assertTrue("low below its most accurate level: " + l,
                            l.levelIndex() < low.levels().size() - 1);
                        assertAtTop(high, "granted by " + SHIPPED_ARBITER);
                    });
                assertNoFailedRequest(toHigh, toLow);
                System.out.printf(Locale.ROOT, "DeploymentsIT: on %.4f cores, low at %s (%s), high at %s (%s)%n",
                    cores, low.status().levelId(), low.status().arbitration(), high.status().levelId(),
                    high.status().arbitration());
            }
        } finally {
            configure(ARBITRATION, Map.of("cores", AMPLE_CORES));
            deleteDeployment("low");
        }
    }

    /**
     * Placement: with a second device registered, the contention that stepped the low-priority deployment down is
     * resolved by serving one deployment from that device, both at their most accurate levels. Which one moves
     * depends on where the family became resident first (with both resident, the lower priority moves: the unit
     * tests); when the device goes away, the deployment on it serves from the processors again, no request failed.
     */
    @Test
    public void onAContendedCpuTheArbiterPlacesADeploymentOnASecondDeviceAndBothKeepTheirMostAccurateLevels()
            throws Exception {
        RuntimeControl high = awaitReady(control(MAIN));
        DeviceBackend cpu = service(DeviceBackend.class, "(" + DeviceBackend.BACKEND_ID + "=cpu)");
        ServiceRegistration<DeviceBackend> device = null;
        try {
            RuntimeControl low = addDeployment("low", FAMILY, LOOSE_MS, LOW_PRIORITY);
            try (TrafficClient toHigh = trafficTo(MAIN, RATE); TrafficClient toLow = trafficTo("low", RATE)) {
                awaitAtTop("granted by " + SHIPPED_ARBITER, high, low);
                device = context.registerService(DeviceBackend.class, new SecondDevice(cpu),
                    SecondDevice.properties());
                // the priority-1 deployment gains a point or less of top-1 on the second device: any gain counts
                configure(ARBITER, Map.of("placementGain", 0.0));
                double cores = contendedCores(high.levels(), low.levels());
                configure(ARBITRATION, Map.of("cores", cores));
                await("one deployment placed on " + SecondDevice.ID + ", both at their most accurate levels on "
                    + cores + " cores").untilAsserted(() -> {
                        List<String> backends = List.of(high.status().backendId(), low.status().backendId());
                        assertTrue("backends " + backends, backends.contains("cpu")
                            && backends.contains(SecondDevice.ID));
                        assertAtTop(high, "");
                        assertAtTop(low, "");
                    });
                RuntimeControl placed = SecondDevice.ID.equals(low.status().backendId()) ? low : high;
                TrafficClient toPlaced = placed == low ? toLow : toHigh;
                long before = toPlaced.servedBy(SecondDevice.ID);
                toPlaced.awaitServed(50);
                assertTrue("the placed deployment's requests ran on " + SecondDevice.ID,
                    toPlaced.servedBy(SecondDevice.ID) > before);
                System.out.printf(Locale.ROOT, "DeploymentsIT: on %.4f cores, %s placed on %s at %s (%s)%n", cores,
                    placed.status().deployment(), placed.status().backendId(), placed.status().levelId(),
                    placed.status().arbitration());

                device.unregister();
                device = null;
                await("both on cpu once the second device is gone").untilAsserted(() -> {
                    assertEquals(low.status().toString(), "cpu", low.status().backendId());
                    assertEquals(high.status().toString(), "cpu", high.status().backendId());
                });
                awaitServed(50, toHigh, toLow);
                assertNoFailedRequest(toHigh, toLow);
            }
        } finally {
            if (device != null) {
                device.unregister();
            }
            configure(ARBITER, Map.of("placementGain", 1.0));
            configure(ARBITRATION, Map.of("cores", AMPLE_CORES));
            deleteDeployment("low");
        }
    }

    @Test
    public void anotherArbiterBundleDecidesWhenConfiguredAndNoneMeansNoArbitration() throws Exception {
        RuntimeControl main = awaitReady(control(MAIN));
        Dictionary<String, Object> named = new Hashtable<>(Map.of(Arbiter.NAME_PROPERTY, TEST_ARBITER));
        ServiceRegistration<Arbiter> testArbiter = context.registerService(Arbiter.class, new LowestLevelsArbiter(TEST_ARBITER), named);
        try {
            RuntimeControl other = addDeployment("other", FAMILY, LOOSE_MS, LOW_PRIORITY);
            try (TrafficClient toMain = trafficTo(MAIN, RATE); TrafficClient toOther = trafficTo("other", RATE)) {
                awaitAtTop("granted by " + SHIPPED_ARBITER, main, other);
                configure(ARBITRATION, Map.of("arbiter", TEST_ARBITER, "cores", AMPLE_CORES));
                await("both at the level the test arbiter grants").untilAsserted(() -> {
                    for (RuntimeControl control : List.of(main, other)) {
                        RuntimeStatus s = control.status();
                        assertEquals(s.toString(), 0, s.levelIndex());
                        assertTrue(s.toString(), s.arbitration() != null && s.arbitration().startsWith(
                            "stepped down by " + TEST_ARBITER + " from " + (control.levels().size() - 1) + " to 0: "
                                + LowestLevelsArbiter.REASON));
                    }
                });
                configure(ARBITRATION, Map.of("arbiter", "", "cores", AMPLE_CORES));
                awaitAtTop(null, main, other);
                assertNoFailedRequest(toMain, toOther);
            }
        } finally {
            configure(ARBITRATION, Map.of("cores", AMPLE_CORES));
            testArbiter.unregister();
            deleteDeployment("other");
        }
    }

    /**
     * The processors the high-priority deployment needs at its most accurate level, plus for the low-priority one
     * halfway between what its fastest and its most accurate level need, each at {@link #RATE} requests per second
     * at its profiled latency (the demand the arbiter computes): both at their most accurate levels do not fit,
     * the high-priority one there with the other at its fastest does.
     */
    private static double contendedCores(List<Level> high, List<Level> low) {
        double highTop = demand(high.get(high.size() - 1));
        double lowFastest = demand(low.get(0));
        double lowTop = demand(low.get(low.size() - 1));
        assertTrue("the low-priority deployment's levels differ in demand: " + low, lowTop > 1.2 * lowFastest);
        return highTop + (lowFastest + lowTop) / 2;
    }

    private static double demand(Level level) {
        return RATE * level.latencyMs() / 1000;
    }

    /** Waits until every one of {@code controls} is as {@link #assertAtTop} says. */
    private static void awaitAtTop(String arbitration, RuntimeControl... controls) {
        await("at the most accurate level, arbitration " + arbitration).untilAsserted(() -> {
            for (RuntimeControl control : controls) {
                assertAtTop(control, arbitration);
            }
        });
    }

    /**
     * {@code control} serves its most accurate level and its arbitration starts with {@code arbitration} (null: no
     * arbitration).
     */
    private static void assertAtTop(RuntimeControl control, String arbitration) {
        RuntimeStatus s = control.status();
        assertEquals("the most accurate level; " + s, control.levels().size() - 1, s.levelIndex());
        if (arbitration == null) {
            assertNull(s.toString(), s.arbitration());
        } else {
            assertTrue(s.toString(), s.arbitration() != null && s.arbitration().startsWith(arbitration));
        }
    }

    private static void assertServing(RuntimeStatus status, String deployment, String family, double targetMs) {
        assertEquals(status.toString(), RuntimeStatus.State.READY, status.state());
        assertEquals(status.toString(), deployment, status.deployment());
        assertEquals(status.toString(), family, status.familyId());
        assertEquals(status.toString(), targetMs, status.targetMs(), 0);
    }

    /**
     * Offers the second family (if not yet offered): the {@link #SUBSET_LEVELS} files of the shipped family and a
     * manifest of their own with the id {@value #SUBSET}, written in a folder of their own and moved into the
     * models folder in one step.
     */
    private void offerSubsetFamily(RuntimeControl control) throws IOException {
        Path folder = modelsDir().resolve(SUBSET);
        if (!Files.exists(folder)) {
            Path shipped = modelsDir().resolve(FAMILY);
            Path building = modelsDir().resolveSibling(getClass().getSimpleName() + "-" + SUBSET);
            FamilyFolders.delete(building);
            Files.createDirectories(building);
            JsonObject manifest = FamilyFolders.manifest(shipped);
            JsonArray levels = new JsonArray();
            for (JsonObject level : FamilyFolders.levels(manifest, SUBSET_LEVELS)) {
                String file = level.get("file").getAsString();
                Files.copy(shipped.resolve(file), building.resolve(file));
                levels.add(level);
            }
            manifest.add("levels", levels);
            manifest.getAsJsonObject("family").addProperty("id", SUBSET);
            FamilyFolders.writeManifest(building, manifest);
            FamilyFolders.move(building, folder);
        }
        await("family " + SUBSET + " registered").untilAsserted(() ->
            assertTrue("families " + control.families(), control.families().contains(SUBSET)));
    }

    /** Offers the second family and adds the deployment {@value #SMALL} serving it at the tight target, READY. */
    private RuntimeControl addSmallDeployment(RuntimeControl main) throws IOException {
        offerSubsetFamily(main);
        return addDeployment(SMALL, SUBSET, TIGHT_MS, LOW_PRIORITY);
    }

    /**
     * Adds deployment {@code name} (lut-fit) as the named factory configuration {@code io.dynofa.deployment~<name>}
     * and waits for it to serve.
     */
    private RuntimeControl addDeployment(String name, String family, double targetMs, int priority) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("family", family);
        properties.put("policy", "lut-fit");
        properties.put("targetLatencyMs", targetMs);
        properties.put("priority", priority);
        properties.put("decisionIntervalMs", 50L);
        properties.put("warmupRuns", 10);
        properties.put("profileRuns", 20);
        try {
            deploymentConfiguration(name).update(new Hashtable<>(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return awaitReady(control(name));
    }

    private void deleteDeployment(String name) {
        try {
            deploymentConfiguration(name).delete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Configuration deploymentConfiguration(String name) throws IOException {
        return service(ConfigurationAdmin.class).getFactoryConfiguration(Deployments.FACTORY_PID, name, "?");
    }

    private RuntimeControl control(String deployment) {
        return service(RuntimeControl.class, filter(deployment));
    }

    private InferenceService inference(String deployment) {
        return service(InferenceService.class, filter(deployment));
    }

    /** Traffic to {@code deployment}'s inference service, back to back. */
    private TrafficClient trafficTo(String deployment) {
        return trafficTo(deployment, 0);
    }

    /** Traffic to {@code deployment}'s inference service at {@code requestsPerSecond} (0 = back to back). */
    private TrafficClient trafficTo(String deployment, double requestsPerSecond) {
        InferenceService service = inference(deployment);
        return new TrafficClient(() -> service, requestsPerSecond);
    }

    private static void awaitServed(long more, TrafficClient... clients) {
        for (TrafficClient client : clients) {
            client.awaitServed(more);
        }
    }

    private static void assertNoFailedRequest(TrafficClient... clients) {
        for (TrafficClient client : clients) {
            assertEquals("failed requests: " + client.failures(), 0, client.failures().size());
        }
    }

    private static String filter(String deployment) {
        return "(" + Deployments.PROPERTY + "=" + deployment + ")";
    }

    private static RuntimeControl awaitReady(RuntimeControl control) {
        await("deployment READY").untilAsserted(() -> assertEquals(control.status().toString(),
            RuntimeStatus.State.READY, control.status().state()));
        return control;
    }

    private static List<String> ids(List<Level> levels) {
        return levels.stream().map(Level::id).toList();
    }
}
