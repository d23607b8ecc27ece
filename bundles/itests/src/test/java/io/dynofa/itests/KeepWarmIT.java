package io.dynofa.itests;

import static org.junit.Assert.assertTrue;

import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.HashMap;
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
import org.osgi.framework.BundleContext;

/** The status tells what keeping levels warm does: paused while pinned, warming while serving, off by config. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KeepWarmIT {
    private static final Map<String, String> RUNTIME = Map.of("decisionIntervalMs", "50", "warmupRuns", "10",
        "profileRuns", "20", "keepWarmMaxCpuLoad", "1");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of("io.dynofa.runtime", RUNTIME));
    }

    @Test
    public void theStatusFollowsPinsTrafficAndConfigAdmin() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        List<Level> levels = control.levels();
        assertTrue("at least three levels, got " + levels, levels.size() >= 3);
        Level middle = levels.get(levels.size() / 2);

        control.pin(middle.id());
        try (TrafficClient traffic = new TrafficClient(gateway::inference)) {
            awaitKeepWarm(control, "paused: a level is pinned");

            control.unpin();
            Gateway.await(() -> "keep warm naming the serving level's neighbour, status says "
                + control.status().keepWarm(), () -> {
                    RuntimeStatus s = control.status();
                    int i = s.levelIndex();
                    String neighbour = levels.get(i > 0 ? i - 1 : i + 1).id();
                    return s.keepWarm() != null && s.keepWarm().startsWith("warming ")
                        && List.of(s.keepWarm().substring(8, s.keepWarm().indexOf(" every ")).split(", "))
                            .contains(neighbour);
                });

            Map<String, Object> off = new HashMap<>(RUNTIME);
            off.put("keepWarmNeighbours", "0");
            gateway.configure("io.dynofa.runtime", off);
            awaitKeepWarm(control, "off");
            traffic.awaitServed(50);
            assertTrue("requests failed: " + traffic.failures(), traffic.failures().isEmpty());
        }
    }

    private static void awaitKeepWarm(RuntimeControl control, String prefix) {
        Gateway.await(() -> "keep warm '" + prefix + "...', status says '" + control.status().keepWarm() + "'",
            () -> {
                String now = control.status().keepWarm();
                return now != null && now.startsWith(prefix);
            });
    }
}
