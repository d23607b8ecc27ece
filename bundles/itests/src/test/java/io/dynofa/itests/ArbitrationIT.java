package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.dynofa.arbiter.api.Arbiter;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

/**
 * The gateway's arbitration between deployments (issue 15; the gateway: {@link DeploymentsSupport}): the shipped
 * arbiter steps the low-priority deployment down when the CPU cannot take both proposals, places a deployment on a
 * second device when one is there, and another arbiter bundle, or none, can decide instead.
 */
public class ArbitrationIT extends DeploymentsSupport {
    private static final String ARBITER = "io.dynofa.arbiter.priority";
    private static final String SHIPPED_ARBITER = "priority-weighted";
    private static final String TEST_ARBITER = "test-arbiter";
    /** The request rate of each deployment while the arbiter is tested, per second. */
    private static final double RATE = 50;

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
                System.out.printf(Locale.ROOT, "ArbitrationIT: on %.4f cores, low at %s (%s), high at %s (%s)%n",
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
                System.out.printf(Locale.ROOT, "ArbitrationIT: on %.4f cores, %s placed on %s at %s (%s)%n", cores,
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
}
