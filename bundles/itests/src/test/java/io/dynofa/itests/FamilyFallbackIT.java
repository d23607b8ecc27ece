package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/**
 * The folder of the family being served is taken away while another family is registered: serving goes on with
 * the other family (no failed request), status says so, and the configured family serves again once its
 * folder is back.
 */
public class FamilyFallbackIT extends GatewayIT {
    private static final String SMALL = "fmnist-small";
    private static final int SMALL_LEVELS = 4;

    @Test
    public void removingTheServedFamilyServesTheFallbackUntilItComesBack() throws Exception {
        ready();
        RuntimeControl control = control();
        Path models = modelsDir();
        Path configured = models.resolve(FAMILY);
        Path staging = models.resolveSibling(getClass().getSimpleName() + "-staging");
        FamilyFolders.delete(staging);
        FamilyFolders.copyWithFirstLevels(configured, staging.resolve(SMALL), SMALL, SMALL_LEVELS);
        FamilyFolders.move(staging.resolve(SMALL), models.resolve(SMALL));
        await(SMALL + " registered").untilAsserted(() ->
            assertTrue("families " + control.families(), control.families().contains(SMALL)));
        assertEquals(FAMILY, control.status().familyId());

        try (TrafficClient client = new TrafficClient(this::inference)) {
            client.awaitServed(200);

            FamilyFolders.move(configured, staging.resolve(FAMILY));
            awaitFamily(control, SMALL, "serving " + SMALL);
            int failedDuringTheSwitch = client.failures().size();
            client.awaitServed(200);
            RuntimeStatus fallback = control.status();
            assertEquals(RuntimeStatus.State.READY, fallback.state());
            List<Problem> named = fallback.problems(Problem.FAMILY_FALLBACK);
            assertEquals(fallback.problemDetails().toString(), List.of(SMALL),
                named.stream().map(Problem::subject).toList());
            assertTrue("the text names the missing family: " + named, named.get(0).text().contains(FAMILY));
            assertEquals(SMALL, inference().infer(validInput()).familyId());

            FamilyFolders.move(staging.resolve(FAMILY), configured);
            awaitFamily(control, FAMILY, "serving " + FAMILY + " again");
            client.awaitServed(200);
            RuntimeStatus back = control.status();
            assertTrue(back.problemDetails().toString(), back.problemDetails().stream().noneMatch(p ->
                p.code().equals(Problem.FAMILY_FALLBACK) || p.code().equals(Problem.FAMILY_UNKNOWN)));
            assertEquals(FAMILY, inference().infer(validInput()).familyId());

            List<InferenceException> failures = client.failures();
            System.out.println("FamilyFallbackIT: " + client.served() + " served, " + failures.size()
                + " failed (" + failedDuringTheSwitch + " by the time the fallback served)");
            assertEquals("failed requests: " + failures, 0, failures.size());
        }
    }

    private static void awaitFamily(RuntimeControl control, String familyId, String what) {
        await(what).untilAsserted(() ->
            assertEquals("status " + control.status(), familyId, control.status().familyId()));
    }
}
