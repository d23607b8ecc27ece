package io.dynofa.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.AssumptionViolatedException;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * A failure inside Karaf made loud: the assertion carries the bundles that are not active and the last lines of
 * Karaf's log ({@code ${karaf.data}/log/karaf.log}). Outside Karaf (no {@code karaf.data}) it changes nothing.
 */
final class KarafLog implements TestRule {
    private static final int TAIL_LINES = 60;
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ more)");
    private static final String[] STATES = {"UNINSTALLED", "INSTALLED", "RESOLVED", "STARTING", "STOPPING", "ACTIVE"};

    @Override
    public Statement apply(Statement base, Description description) {
        return new Statement() {
            @Override
            public void evaluate() throws Throwable {
                try {
                    base.evaluate();
                } catch (AssumptionViolatedException e) {
                    throw e;
                } catch (Throwable t) {
                    String data = System.getProperty("karaf.data");
                    if (data == null) {
                        throw t;
                    }
                    // no cause: Pax Exam hands the driver the innermost cause only
                    AssertionError loud = new AssertionError(causes(t) + "\n" + notActive() + "\n"
                        + tail(Path.of(data, "log", "karaf.log")));
                    loud.setStackTrace(t.getStackTrace());
                    throw loud;
                }
            }
        };
    }

    /** The failure and each of its causes, one a line. */
    private static String causes(Throwable t) {
        StringBuilder text = new StringBuilder(String.valueOf(t));
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            text.append("\n  caused by ").append(c);
        }
        return text.toString();
    }

    private static String notActive() {
        Bundle probe = FrameworkUtil.getBundle(KarafLog.class);
        if (probe == null || probe.getBundleContext() == null) {
            return "(no bundle context)";
        }
        String inactive = Stream.of(probe.getBundleContext().getBundles())
            .filter(b -> b.getState() != Bundle.ACTIVE && b.getHeaders().get("Fragment-Host") == null)
            .map(b -> "  " + b.getBundleId() + " " + b.getSymbolicName() + " " + state(b.getState()))
            .collect(Collectors.joining("\n"));
        return "--- bundles not active ---\n" + (inactive.isEmpty() ? "  (none)" : inactive);
    }

    private static String state(int bit) {
        int index = Integer.numberOfTrailingZeros(bit);
        return index < STATES.length ? STATES[index] : String.valueOf(bit);
    }

    /** The last lines of Karaf's log, without stack frames. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> !STACK_FRAME.matcher(line).find()).toList();
            return "--- last lines of " + log + " (stack frames left out) ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "--- no Karaf log at " + log + ": " + e + " ---";
        }
    }
}
