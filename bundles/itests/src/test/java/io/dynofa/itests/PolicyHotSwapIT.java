package io.dynofa.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.RuntimeControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
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
 * A policy bundle hot-installed into the running gateway (dropped into the watched folder) and
 * selected by configuration takes over without a restart and without a failed request; removing it
 * falls back to the default policy.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicyHotSwapIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of(), "policy-lut-fit");
    }

    @Test
    public void hotInstalledPolicyTakesOverAndRemovalFallsBack() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        assertEquals("dynofa-step", Gateway.awaitValue(() -> control.status().policy(), "dynofa-step"));
        Path deployed = ItSupport.fileInstallDir(getClass()).resolve("policy-lut-fit.jar");
        try (TrafficClient client = new TrafficClient(gateway::inference)) {
            client.awaitServed(200);
            Files.copy(ItSupport.reactorJar("policy-lut-fit"), deployed, StandardCopyOption.REPLACE_EXISTING);
            Gateway.await(() -> "lut-fit installed; policies " + control.policies(),
                () -> control.policies().contains("lut-fit"));
            gateway.configure("io.dynofa.runtime", Map.of("policy", "lut-fit", "decisionIntervalMs", 50L));
            Gateway.await(() -> "lut-fit in use; status " + control.status(),
                () -> "lut-fit".equals(control.status().policy()));
            client.awaitServed(200);
            Files.delete(deployed);
            Gateway.await(() -> "lut-fit gone; policies " + control.policies(),
                () -> !control.policies().contains("lut-fit"));
            Gateway.await(() -> "fallback to dynofa-step; status " + control.status(),
                () -> "dynofa-step".equals(control.status().policy()));
            assertTrue("the status names the missing policy: " + control.status().problems(),
                control.status().problems().stream().anyMatch(p -> p.contains("'lut-fit' is not installed")));
            client.awaitServed(200);
            assertEquals("failed requests: " + client.failures(), 0, client.failures().size());
        }
    }
}
