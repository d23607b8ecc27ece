package io.dynofa.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.dynofa.family.api.ModelFamily;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.nio.file.Path;
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
 * Families come and go with their folders (while the configured one is gone, a registered one serves); the
 * target in runtime-config drives the level chosen.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FamilyLifecycleIT {
    private static final String COPY = "fmnist-ofa-copy";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of("io.dynofa.runtime", Map.of("policy", "lut-fit")));
    }

    @Test
    public void familyAddedAndRemovedAtRuntime() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        Path models = ItSupport.modelsDir(getClass());
        Path copy = models.resolve(COPY);
        ItSupport.copyTree(models.resolve(ItSupport.FAMILY), copy);
        Fixtures.rewriteFamilyId(copy, COPY);
        Gateway.await(() -> "family " + COPY + " registered; families " + control.families(),
            () -> control.families().contains(COPY));
        gateway.configure("io.dynofa.runtime", Map.of("family", COPY, "policy", "lut-fit"));
        Gateway.await(() -> "serving " + COPY + "; status " + control.status(),
            () -> COPY.equals(control.status().familyId()) && control.status().state() == RuntimeStatus.State.READY);
        assertEquals(COPY, gateway.inference().infer(Gateway.validInput()).familyId());

        ItSupport.deleteTree(copy);
        Gateway.await(() -> "family " + COPY + " gone; families " + control.families(),
            () -> !control.families().contains(COPY));
        assertNull(gateway.current(ModelFamily.class, "(" + ModelFamily.FAMILY_ID + "=" + COPY + ")"));
        Gateway.await(() -> "the registered family serves in its place; status " + control.status(),
            () -> ItSupport.FAMILY.equals(control.status().familyId()) && control.status().problems().contains(
                "family '" + COPY + "' is not registered; serving fallback family '" + ItSupport.FAMILY + "'"));
        assertEquals(ItSupport.FAMILY, gateway.inference().infer(Gateway.validInput()).familyId());
        gateway.configure("io.dynofa.runtime", Map.of("family", ItSupport.FAMILY, "policy", "lut-fit"));
        gateway.ready();
    }

    @Test
    public void editingTheTargetInRuntimeConfigChangesTheLevel() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        Path watched = ItSupport.fileInstallDir(getClass());
        int top = control.levels().size() - 1;
        try (TrafficClient client = new TrafficClient(gateway::inference)) {
            ItSupport.writeConfig(watched, "io.dynofa.runtime", Map.of("targetLatencyMs", "1000",
                "policy", "lut-fit", "decisionIntervalMs", "50"));
            Gateway.await(() -> "top level under a loose target; status " + control.status(),
                () -> control.status().targetMs() == 1000 && control.status().levelIndex() == top);
            ItSupport.writeConfig(watched, "io.dynofa.runtime", Map.of("targetLatencyMs", "0.001",
                "policy", "lut-fit", "decisionIntervalMs", "50"));
            Gateway.await(() -> "fastest level under a tight target; status " + control.status(),
                () -> control.status().targetMs() == 0.001 && control.status().levelIndex() == 0);
            assertEquals("failed requests: " + client.failures(), 0, client.failures().size());
        }
    }
}
