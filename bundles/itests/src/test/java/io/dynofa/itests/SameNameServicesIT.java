package io.dynofa.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.itests.plugin.SameIdActivator;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.BackendInfo;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Two bundles offer a policy, a backend or a family under one id side by side (built in the test, see
 * {@link PluginBundle}): the one first in service order (highest ranking, then lowest service id) serves;
 * when its bundle stops, the id stays installed and the other one serves.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SameNameServicesIT {
    private static final String SHARED_POLICY = "shared-policy";
    private static final String A = "io.dynofa.itests.plugin.a";
    private static final String B = "io.dynofa.itests.plugin.b";

    @Inject
    private BundleContext context;

    private final List<Bundle> installed = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of("io.dynofa.runtime", Map.of("policy", SHARED_POLICY,
            "fallbackPolicy", "dynofa-step")));
    }

    @After
    public void uninstallPlugins() throws Exception {
        for (Bundle bundle : installed) {
            bundle.uninstall();
        }
    }

    private Bundle plugin(String symbolicName, Map<String, String> headers) throws Exception {
        Path dir = ItSupport.fileInstallDir(getClass()).resolveSibling(getClass().getSimpleName() + "-plugins");
        Bundle bundle = PluginBundle.start(context, dir, symbolicName, headers);
        installed.add(bundle);
        return bundle;
    }

    private static String decidedBy(String bundle) {
        return "decided by " + bundle;
    }

    @Test
    public void whenOneOfTwoPoliciesOfOneNameStopsTheOtherDecides() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        Map<String, String> sharedPolicy = Map.of(SameIdActivator.POLICY, SHARED_POLICY, SameIdActivator.RANKING, "0");
        Bundle first = plugin(A, sharedPolicy);
        plugin(B, sharedPolicy);
        try (TrafficClient client = new TrafficClient(gateway::inference)) {
            Gateway.await(() -> "the first bundle's policy decides; status " + control.status(),
                () -> decidedBy(A).equals(control.status().lastDecision()));

            first.stop();

            Gateway.await(() -> "the second bundle's policy decides; status " + control.status(),
                () -> decidedBy(B).equals(control.status().lastDecision()));
            RuntimeStatus status = control.status();
            assertEquals(SHARED_POLICY, status.policy());
            assertTrue(control.policies().toString(), control.policies().contains(SHARED_POLICY));
            assertTrue(status.problems().toString(), status.problems().stream()
                .noneMatch(p -> p.contains("not installed")));
            client.awaitServed(100);
            assertEquals("failed requests: " + client.failures(), 0, client.failures().size());
        }
    }

    @Test
    public void whenTheHigherRankedOfTwoBackendsOfOneIdStopsTheOtherServesUnderThatId() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        Bundle first = plugin(A, Map.of(SameIdActivator.BACKEND, "cpu", SameIdActivator.RANKING, "10"));
        plugin(B, Map.of(SameIdActivator.BACKEND, "cpu", SameIdActivator.RANKING, "5"));
        awaitActiveBackendFrom(control, A);

        first.stop();

        awaitActiveBackendFrom(control, B);
        assertEquals("cpu", gateway.inference().infer(Gateway.validInput()).backendId());
        assertEquals(RuntimeStatus.State.READY, control.status().state());
    }

    private static void awaitActiveBackendFrom(RuntimeControl control, String bundle) {
        Gateway.await(() -> "one backend 'cpu', from " + bundle + ", serving; backends " + control.backends()
            + ", status " + control.status(), () -> {
                List<BackendInfo> backends = control.backends();
                return backends.size() == 1 && backends.get(0).id().equals("cpu")
                    && backends.get(0).description().startsWith(bundle + ": ") && backends.get(0).active()
                    && control.status().state() == RuntimeStatus.State.READY;
            });
    }

    @Test
    public void whenTheHigherRankedOfTwoFamiliesOfOneIdStopsTheOtherServesWithoutAFailedRequest() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        List<String> firstLevels = List.of("ofa-01", "ofa-02", "ofa-03");
        List<String> secondLevels = List.of("ofa-04", "ofa-05", "ofa-06");
        Bundle first = plugin(A, Map.of(SameIdActivator.FAMILY, ItSupport.FAMILY, SameIdActivator.RANKING, "10",
            SameIdActivator.FAMILY_LEVELS, String.join(",", firstLevels)));
        plugin(B, Map.of(SameIdActivator.FAMILY, ItSupport.FAMILY, SameIdActivator.RANKING, "5",
            SameIdActivator.FAMILY_LEVELS, String.join(",", secondLevels)));
        awaitLevelsAmong(control, firstLevels);
        try (TrafficClient client = new TrafficClient(gateway::inference)) {
            client.awaitServed(100);

            first.stop();

            awaitLevelsAmong(control, secondLevels);
            client.awaitServed(100);
            assertEquals("failed requests: " + client.failures(), 0, client.failures().size());
        }
        assertEquals(List.of(ItSupport.FAMILY), control.families());
        assertEquals(ItSupport.FAMILY, control.status().familyId());
    }

    private static void awaitLevelsAmong(RuntimeControl control, List<String> offered) {
        Gateway.await(() -> "the active levels among " + offered + "; levels " + control.levels() + ", status "
            + control.status(), () -> {
                List<String> active = control.levels().stream().map(Level::id).toList();
                return !active.isEmpty() && offered.containsAll(active)
                    && control.status().state() == RuntimeStatus.State.READY;
            });
    }
}
