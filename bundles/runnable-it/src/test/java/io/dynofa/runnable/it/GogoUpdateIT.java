package io.dynofa.runnable.it;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Finding 8 of issue 12: Gogo {@code update N} failed for every bundle of the exported jar
 * ({@code MalformedURLException: no protocol: jar/...}). Now each is installed by reference to a file, so
 * {@code update} reads it again, and the gateway keeps serving through the update of the backend it serves from.
 */
public class GogoUpdateIT {
    /** A Gogo expression for the runtime's status record. */
    private static final String STATUS = "((${.context} getService (${.context} getServiceReference "
        + "io.dynofa.runtime.api.RuntimeControl)) status)";

    @Test
    public void updateReadsAShippedBundleAgainAndTheGatewayKeepsServing() throws Exception {
        try (Gateway gateway = Gateway.start("gogo-update", true)) {
            long served = awaitServingBeyond(gateway, 0);
            Map<String, String[]> bundles = bundles(gateway, "lb -l");
            assertTrue("the shipped bundles: " + bundles.keySet(), bundles.size() > 20);
            bundles.forEach((id, row) -> {
                if (!id.equals("0")) {
                    assertTrue("bundle " + id + " is installed from " + row[3], row[3].startsWith("reference:file:"));
                }
            });
            String backend = idOf(gateway, "io.dynofa.backend.cpu");
            String revised = lastModified(gateway, backend);

            assertEquals(List.of(), gateway.command("update " + backend));

            assertNotEquals("update made a new revision", revised, lastModified(gateway, backend));
            assertEquals("Active", bundles(gateway, "lb -s").get(backend)[1]);
            awaitServingBeyond(gateway, served);
            gateway.signal("TERM");
            assertEquals(Integer.valueOf(143), gateway.awaitExit(Gateway.PATIENCE).orElse(-1));
        }
    }

    /**
     * Waits until the gateway is READY and has served more than {@code served} requests; returns the count. Reads
     * the typed status through Gogo ({@code RuntimeControl.status()}'s accessors), not the status text.
     */
    private static long awaitServingBeyond(Gateway gateway, long served) {
        long[] now = {-1};
        await("the gateway READY and serving beyond " + served + " requests").atMost(Gateway.PATIENCE)
            .pollInterval(Duration.ofMillis(500)).pollDelay(Duration.ZERO).untilAsserted(() -> {
                assertEquals("state", List.of("READY"), gateway.command("(" + STATUS + " state) name"));
                List<String> printed = gateway.command(STATUS + " served");
                assertEquals("served, printed as " + printed, 1, printed.size());
                now[0] = Long.parseLong(printed.get(0));
                assertTrue("served " + now[0], now[0] > served);
            });
        return now[0];
    }

    /** Bundle id to the columns of an {@code lb} listing (id, state, level, name or location). */
    private static Map<String, String[]> bundles(Gateway gateway, String lb) throws Exception {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : gateway.command(lb)) {
            String[] columns = line.split("\\|");
            if (columns.length >= 4 && columns[0].strip().matches("\\d+")) {
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = columns[i].strip();
                }
                rows.put(columns[0], columns);
            }
        }
        return rows;
    }

    private static String idOf(Gateway gateway, String symbolicName) throws Exception {
        return bundles(gateway, "lb -s").entrySet().stream()
            .filter(e -> e.getValue()[3].startsWith(symbolicName + " "))
            .map(Map.Entry::getKey).findFirst()
            .orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }

    private static String lastModified(Gateway gateway, String id) throws Exception {
        List<String> printed = gateway.command("(${.context} bundle " + id + ") lastModified");
        assertEquals(1, printed.size());
        return printed.get(0);
    }
}
