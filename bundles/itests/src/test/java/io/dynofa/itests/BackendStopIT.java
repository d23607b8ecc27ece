package io.dynofa.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Stopping the CPU backend bundle under traffic gives clear errors, never a hang; traffic recovers on restart. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BackendStopIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of());
    }

    @Test
    public void stoppingTheBackendFailsClearlyAndTrafficRecovers() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        Bundle backend = ItSupport.findBundle(context, "io.dynofa.backend.cpu");
        try (TrafficClient client = new TrafficClient(gateway::inference)) {
            client.awaitServed(300);
            backend.stop();
            Gateway.await(() -> "requests failing while the backend is stopped; status " + control.status(),
                () -> !client.failures().isEmpty());
            Gateway.await("not ready", () -> control.status().state() == RuntimeStatus.State.NOT_READY);
            List<InferenceException> failures = List.copyOf(client.failures());
            for (InferenceException e : failures) {
                assertEquals(e.getMessage(), InferenceException.Reason.NOT_READY, e.reason());
                assertTrue("the message says why: " + e.getMessage(), e.getMessage().contains("backend"));
            }
            backend.start();
            gateway.ready();
            client.awaitServed(300);
            assertTrue("no call hung: longest " + client.longestCallMillis() + " ms", client.longestCallMillis() < 5_000);
        }
    }
}
