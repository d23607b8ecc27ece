package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * A policy bundle hot-installed into the running gateway (dropped into the watched folder) and
 * selected by configuration takes over without a restart and without a failed request; removing it
 * falls back to the default policy.
 */
public class PolicyHotSwapIT extends GatewayIT {

    @Override
    protected List<String> modules() {
        return gatewayWithout("policy-lut-fit");
    }

    @Test
    public void hotInstalledPolicyTakesOverAndRemovalFallsBack() throws Exception {
        ready();
        RuntimeControl control = control();
        awaitPolicy(control, "dynofa-step");
        Path deployed = fileInstallDir().resolve("policy-lut-fit.jar");
        try (TrafficClient client = new TrafficClient(this::inference)) {
            client.awaitServed(200);
            Files.copy(reactorJar("policy-lut-fit"), deployed, StandardCopyOption.REPLACE_EXISTING);
            await("lut-fit installed").untilAsserted(() ->
                assertTrue("policies " + control.policies(), control.policies().contains("lut-fit")));
            configure(RUNTIME_PID, Map.of("policy", "lut-fit", "decisionIntervalMs", 50L));
            awaitPolicy(control, "lut-fit");
            client.awaitServed(200);
            Files.delete(deployed);
            await("lut-fit gone").untilAsserted(() ->
                assertFalse("policies " + control.policies(), control.policies().contains("lut-fit")));
            awaitPolicy(control, "dynofa-step");
            assertTrue("the status names the missing policy: " + control.status().problemDetails(),
                control.status().problems(Problem.POLICY_UNKNOWN).stream().map(Problem::subject).toList()
                    .contains("lut-fit"));
            client.awaitServed(200);
            assertEquals("failed requests: " + client.failures(), 0, client.failures().size());
        }
    }

    private static void awaitPolicy(RuntimeControl control, String policy) {
        await("policy " + policy + " in use").untilAsserted(() ->
            assertEquals("status " + control.status(), policy, control.status().policy()));
    }
}
