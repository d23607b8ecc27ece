package io.dynofa.runnable.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

/**
 * The exported jar starts ConfigAdmin and FileInstall, then SCR, then the gateway's bundles and only then the HTTP
 * server (bundles/launcher, ConfigurationFirst): every component is configured when it first activates, so each
 * configured backend comes up once, no unconfigured default comes and goes, and the manager sees the family once.
 */
public class StartOrderIT {
    @Test
    public void everyComponentStartsConfiguredOnce() throws Exception {
        try (Gateway gateway = Gateway.start("start-order", false, "-Dgosh.args=--nointeractive",
            "-Ddynofa.headless.seconds=600")) {
            gateway.stdout().awaitLine(0, "a status line saying READY", l -> l.contains("\"state\":\"READY\""),
                Gateway.PATIENCE);
            List<String> log = gateway.stderr().all();

            assertEquals(log.toString(), 1, count(log, "CPU backend 'cpu' ready"));
            assertEquals(log.toString(), 1, count(log, "CPU backend 'cpu2' ready"));
            assertEquals(log.toString(), 1, count(log, "scanning "));
            assertEquals(log.toString(), 0, count(log, "went away"));
            assertEquals(log.toString(), 0, count(log, "is offered by"));
            assertEquals(log.toString(), 0, count(log, "configuration first"));
            gateway.signal("TERM");
            assertTrue(gateway.awaitExit(Gateway.PATIENCE).isPresent());
        }
    }

    private static long count(List<String> log, String text) {
        return log.stream().filter(l -> l.contains(text)).count();
    }
}
