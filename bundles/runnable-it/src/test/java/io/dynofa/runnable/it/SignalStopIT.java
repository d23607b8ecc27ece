package io.dynofa.runnable.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * Finding 8 of issue 12: SIGTERM ended the JVM without stopping a bundle. Now SIGTERM and SIGINT (Ctrl-C) stop
 * the framework in order, every shipped bundle stopped, before the JVM exits with 128 + the signal's number.
 */
public class SignalStopIT {
    private static final Pattern STOPPED = Pattern.compile("all (\\d+) bundles stopped in \\d+ ms");

    @Test
    public void sigtermStopsEveryBundleThenExitsWith143() throws Exception {
        stopsEveryBundleOn("TERM", 143);
    }

    @Test
    public void ctrlCStopsEveryBundleThenExitsWith130() throws Exception {
        stopsEveryBundleOn("INT", 130);
    }

    private static void stopsEveryBundleOn(String signal, int status) throws Exception {
        try (Gateway gateway = Gateway.start("signal-" + signal, false,
            "-Dgosh.args=--nointeractive", "-Ddynofa.headless.seconds=600")) {
            gateway.stdout().awaitLine(0, "a status line saying READY", l -> l.contains("\"state\":\"READY\""),
                Gateway.PATIENCE);
            int from = gateway.stderr().size();

            gateway.signal(signal);

            assertEquals(Integer.valueOf(status), gateway.awaitExit(Gateway.PATIENCE).orElse(-1));
            List<String> log = gateway.stderr().all().subList(from, gateway.stderr().size());
            assertTrue(log.toString(), log.stream().anyMatch(l -> l.contains("SIG" + signal
                + ": stopping the framework")));
            Matcher stopped = log.stream().map(STOPPED::matcher).filter(Matcher::find).findFirst()
                .orElseThrow(() -> new AssertionError("no orderly stop in " + log));
            assertEquals(shippedBundles(), Integer.parseInt(stopped.group(1)));
            assertFalse("the unpacked jar was left behind", runDirectoryOf(gateway.pid()));
        }
    }

    /** How many bundles the exported jar installs (its launcher.properties' launch.bundles). */
    private static int shippedBundles() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("dynofa.jar", "../runnable/target/dynofa.jar"));
             InputStream in = jar.getInputStream(jar.getEntry("launcher.properties"))) {
            Properties launcher = new Properties();
            launcher.load(in);
            return launcher.getProperty("launch.bundles").split(",").length;
        }
    }

    private static boolean runDirectoryOf(long pid) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(tmp, "dynofa-run-" + pid + "-*")) {
            return runs.iterator().hasNext();
        }
    }
}
