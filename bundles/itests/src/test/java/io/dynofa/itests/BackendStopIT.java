package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import org.junit.Test;
import org.osgi.framework.Bundle;

/** Stopping the CPU backend bundle under traffic gives clear errors, never a hang; traffic recovers on restart. */
public class BackendStopIT extends GatewayIT {

    @Test
    public void stoppingTheBackendFailsClearlyAndTrafficRecovers() throws Exception {
        ready();
        RuntimeControl control = control();
        Bundle backend = installedBundle("io.dynofa.backend.cpu");
        try (TrafficClient client = new TrafficClient(this::inference)) {
            client.awaitServed(300);
            backend.stop();
            await("requests failing while the backend is stopped").untilAsserted(() ->
                assertFalse("no failure yet; status " + control.status(), client.failures().isEmpty()));
            await("the runtime not ready").untilAsserted(() ->
                assertEquals(RuntimeStatus.State.NOT_READY, control.status().state()));
            List<InferenceException> failures = List.copyOf(client.failures());
            for (InferenceException e : failures) {
                assertEquals(e.getMessage(), InferenceException.Reason.NOT_READY, e.reason());
                assertTrue("the message says why: " + e.getMessage(), e.getMessage().contains("backend"));
            }
            backend.start();
            ready();
            client.awaitServed(300);
            assertTrue("no call hung: longest " + client.longestCallMillis() + " ms",
                client.longestCallMillis() < 5_000);
        }
    }
}
