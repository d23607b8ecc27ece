package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/**
 * Several deployments on one gateway (issue 15; the gateway: {@link DeploymentsSupport}). Each deployment serves
 * its own family at its own target under its own services; one comes and goes without failing another's
 * requests; deployments of one family share its sessions and count them. Arbitration: {@link ArbitrationIT}.
 */
public class DeploymentsIT extends DeploymentsSupport {
    /** The deployment of the second family. */
    private static final String SMALL = "small";
    /** A second family: a few of the shipped family's levels under an id and manifest of their own. */
    private static final String SUBSET = "fmnist-sub";
    private static final List<String> SUBSET_LEVELS = List.of("ofa-01", "ofa-08", "ofa-16");
    /** A target no level meets: lut-fit serves the fastest. */
    private static final double TIGHT_MS = 0.001;

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

    private static List<String> ids(List<Level> levels) {
        return levels.stream().map(Level::id).toList();
    }
}
