package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.BackendInfo;
import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.ProblemSource;
import io.dynofa.runtime.api.RuntimeControl;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.Test;

/**
 * No bad edit of any configuration stops serving (finding 5). For every PID the gateway has, values that
 * cannot be used (non-numeric, empty, huge, NaN, negative; a typo'd key, a blank id, an unknown enum constant,
 * a path that cannot be formed) are written through ConfigAdmin, and {@code .cfg} files of random bytes
 * through FileInstall, while a client sends requests: none fails, every status read is READY, and each problem
 * is named in the runtime's status (under its source) until the edit is undone.
 */
public class ConfigFuzzIT extends GatewayIT {
    private static final String RUNTIME = "io.dynofa.runtime";
    private static final String BACKEND = "io.dynofa.backend.cpu";
    private static final String PROVIDER = "io.dynofa.family.provider";
    private static final String DEMO = "io.dynofa.demo";
    private static final String STEP = "io.dynofa.policy.step";
    private static final List<String> BAD = List.of("abc", "", "9223372036854775807", "NaN", "-1");

    /** The numeric attributes of every PID, each given every value of {@link #BAD}. */
    private static final Map<String, List<String>> NUMBERS = numbers();

    private static Map<String, List<String>> numbers() {
        Map<String, List<String>> numbers = new LinkedHashMap<>();
        numbers.put(RUNTIME, List.of("targetLatencyMs", "accuracyFloor", "decisionIntervalMs", "warmupRuns",
            "profileRuns", "profileWaitMs", "keepWarmNeighbours", "keepWarmIntervalMs", "keepWarmRuns",
            "keepWarmMaxCpuShare", "keepWarmMaxCpuLoad", "asyncThreads", "asyncQueueSize", "requestTimeoutMs",
            "maxConcurrentRuns", "maxWaitingCallers", "levelLoadTimeoutMs", "sampleCheckSize", "sampleTolerancePct"));
        numbers.put(BACKEND, List.of("intraOpThreads", "interOpThreads"));
        numbers.put(PROVIDER, List.of("scanIntervalMs"));
        numbers.put("io.dynofa.monitor.latency", List.of("windowSize", "maxAgeMs"));
        numbers.put("io.dynofa.monitor.cpu", List.of("sampleIntervalMs"));
        numbers.put("io.dynofa.monitor.thermal", List.of("sampleIntervalMs"));
        numbers.put("io.dynofa.monitor.pressure", List.of("sampleIntervalMs"));
        numbers.put("io.dynofa.monitor.gpu", List.of("sampleIntervalMs", "timeoutMs"));
        numbers.put(STEP, List.of("hysteresis", "minDwellMs", "emergencyFactor"));
        numbers.put("io.dynofa.policy.lutfit", List.of("smoothing", "margin", "minDwellMs"));
        numbers.put("io.dynofa.policy.alert", List.of("processNoise", "measurementNoise", "k", "upMargin",
            "minDwellMs"));
        numbers.put("io.dynofa.policy.crossbackend", List.of("margin", "minDwellMs", "recoveryHalfLifeMs"));
        numbers.put(DEMO, List.of("fps"));
        return numbers;
    }

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return Map.of(DEMO, strings(good(DEMO)));
    }

    @Override
    protected Map<String, List<Map<String, String>>> factoryConfigurations() {
        return Map.of(BACKEND, List.of(strings(good(BACKEND))));
    }

    /** The configuration each PID is given back after a bad edit (the one it starts with). */
    private Map<String, Object> good(String pid) {
        switch (pid) {
            case RUNTIME:
                return Map.of("decisionIntervalMs", "50", "warmupRuns", "10", "profileRuns", "20");
            case PROVIDER:
                return Map.of("modelsDir", modelsDir().toString(), "scanIntervalMs", "200");
            case BACKEND:
                return Map.of("dynofa.backend.id", "cpu", "intraOpThreads", "2");
            case DEMO:
                return Map.of("fps", "50", "sampleDir", sampleDir().toString());
            default:
                return Map.of();
        }
    }

    private Path sampleDir() {
        return modelsDir().resolve(SAMPLE);
    }

    @Test
    public void everyBadValueOfEveryPidIsNamedAndServingNeverStops() throws Exception {
        ready();
        RuntimeControl control = control();
        assertEveryPidHasAProblemSource();
        try (TrafficClient client = new TrafficClient(this::inference); ReadyWatch watch = new ReadyWatch(control)) {
            client.awaitServed(100);
            int edits = 0;
            for (Map.Entry<String, List<String>> pid : NUMBERS.entrySet()) {
                for (String key : pid.getValue()) {
                    for (String bad : BAD) {
                        badEdit(control, pid.getKey(), key, bad, rejected(pid.getKey(), key));
                        edits++;
                    }
                }
                client.awaitServed(20);
            }
            badEdit(control, BACKEND, "dynofa.backend.id", " ", rejected(BACKEND, "dynofa.backend.id"));
            badEdit(control, BACKEND, "optimizationLevel", "TURBO", rejected(BACKEND, "optimizationLevel"));
            badEdit(control, BACKEND, "memoryArena", "yes", rejected(BACKEND, "memoryArena"));
            badEdit(control, PROVIDER, "modelsDir", "models\0x", rejected(PROVIDER, "modelsDir"));
            Path noFolder = sampleDir().resolve("none");
            badEdit(control, PROVIDER, "modelsDir", noFolder.toString(), rejected(PROVIDER, "modelsDir")
                .and(p -> p.text().contains(noFolder.toString()) && p.text().contains(modelsDir().toString())));
            badEdit(control, DEMO, "enabled", "maybe", rejected(DEMO, "enabled"));
            badEdit(control, DEMO, "sampleDir", noFolder.toString(), keepsInForce(DEMO, noFolder, sampleDir()));
            badEdit(control, "io.dynofa.monitor.memory", "meminfoPath", "/proc/\0", rejected("io.dynofa.monitor.memory",
                "meminfoPath"));
            badEdit(control, "io.dynofa.profiler", "profilesDir", "profiles\0x", rejected("io.dynofa.profiler",
                "profilesDir"));
            edits += 9;
            aTypoKeepsTheBackendsSettingsInForce(control);
            aFileOfRandomBytesChangesNothingAndIsNamed(control, STEP);
            aFileOfRandomBytesKeepsTheRuntimesValuesInForce(control);
            client.awaitServed(100);
            System.out.printf("ConfigFuzzIT: %d bad edits, %d requests served, %d failed, %d statuses read%n",
                edits, client.served(), client.failures().size(), watch.looks());
            assertEquals(List.of(), client.failures());
            watch.assertAlwaysReady();
        }
    }

    @Test
    public void validChangesOfTheBackendsSettingsFailNoRequestInFlight() throws Exception {
        ready();
        RuntimeControl control = control();
        try (TrafficClient client = new TrafficClient(this::inference); ReadyWatch watch = new ReadyWatch(control)) {
            client.awaitServed(100);
            for (String threads : List.of("1", "3", "2")) {
                Map<String, Object> settings = new HashMap<>(good(BACKEND));
                settings.put("intraOpThreads", threads);
                settings.put("optimizationLevel", threads.equals("3") ? "BASIC_OPT" : "ALL_OPT");
                write(BACKEND, settings);
                await("backend cpu with " + threads + " intra-op threads").untilAsserted(() ->
                    assertTrue("backends " + control.backends(), cpu(control).description()
                        .contains(threads + " intra-op thread")));
                client.awaitServed(200);
            }
            assertEquals(List.of(), client.failures());
            watch.assertAlwaysReady();
        }
    }

    /** A key that is no attribute is named, and the attributes the configuration lacks keep their values. */
    private void aTypoKeepsTheBackendsSettingsInForce(RuntimeControl control) {
        write(BACKEND, Map.of("dynofa.backend.id", "cpu", "intraOpThread", "1"));
        awaitProblem(control, from(BACKEND).and(code(Problem.CONFIG_UNKNOWN_KEYS))
            .and(p -> p.text().contains("'intraOpThread'")));
        assertTrue(control.backends().toString(), cpu(control).description().contains("2 intra-op threads"));
        write(BACKEND, good(BACKEND));
        awaitNoProblem(control, from(BACKEND));
    }

    private void aFileOfRandomBytesChangesNothingAndIsNamed(RuntimeControl control, String pid) {
        writeRandomBytes(pid, 1);
        awaitProblem(control, from(pid).and(code(Problem.CONFIG_UNKNOWN_KEYS)));
        assertTrue("the policy stays installed: " + control.policies(), control.policies().contains("dynofa-step"));
        writeCfgFile(pid, Map.of());
        awaitNoProblem(control, from(pid));
    }

    /** The values the random file does not set (all of them) keep the ones in force, not their defaults. */
    private void aFileOfRandomBytesKeepsTheRuntimesValuesInForce(RuntimeControl control) {
        Map<String, String> inForce = new HashMap<>(strings(good(RUNTIME)));
        inForce.put("targetLatencyMs", "0.7");
        writeCfgFile(RUNTIME, inForce);
        awaitTarget(control, 0.7);
        writeRandomBytes(RUNTIME, 2);
        Predicate<Problem> damaged = from(RUNTIME).and(code(Problem.CONFIG_UNKNOWN_KEYS));
        awaitProblem(control, damaged);
        assertEquals(0.7, control.status().targetMs(), 0);
        writeCfgFile(RUNTIME, strings(good(RUNTIME)));
        awaitNoProblem(control, damaged);
        awaitTarget(control, 1.0);
    }

    private static void awaitTarget(RuntimeControl control, double targetMs) {
        await("target " + targetMs + " ms in force").untilAsserted(() ->
            assertEquals("status " + control.status(), targetMs, control.status().targetMs(), 0));
    }

    /** {@code key = bad} in {@code pid}'s configuration, named while it stands, then the good one again. */
    private void badEdit(RuntimeControl control, String pid, String key, String bad, Predicate<Problem> named) {
        Map<String, Object> edit = new HashMap<>(good(pid));
        edit.put(key, bad);
        write(pid, edit);
        awaitProblem(control, named);
        write(pid, good(pid));
        awaitNoProblem(control, named);
    }

    /** A problem of {@code pid} rejecting a value of {@code key}. */
    private static Predicate<Problem> rejected(String pid, String key) {
        return from(pid).and(code(Problem.CONFIG_REJECTED)).and(p -> key.equals(p.subject()));
    }

    /** The sample folder {@code missing} refused (its subject) while the camera keeps replaying {@code inForce}. */
    private static Predicate<Problem> keepsInForce(String pid, Path missing, Path inForce) {
        return from(pid).and(code(Problem.SAMPLE_UNUSABLE)).and(p -> missing.toAbsolutePath().toString()
            .equals(p.subject()) && p.text().contains(inForce.toAbsolutePath().toString()));
    }

    /** A problem the component configured by {@code pid} reports (the runtime's carry its own source). */
    private static Predicate<Problem> from(String pid) {
        String source = pid.equals(RUNTIME) ? Problem.RUNTIME : pid;
        return p -> p.source() != null && p.source().startsWith(source);
    }

    private static Predicate<Problem> code(String code) {
        return p -> code.equals(p.code());
    }

    private static void awaitProblem(RuntimeControl control, Predicate<Problem> problem) {
        await("the problem named").untilAsserted(() -> assertTrue("status problems "
            + control.status().problemDetails(), control.status().problemDetails().stream().anyMatch(problem)));
    }

    private static void awaitNoProblem(RuntimeControl control, Predicate<Problem> problem) {
        await("the problem gone").untilAsserted(() -> assertFalse("status problems "
            + control.status().problemDetails(), control.status().problemDetails().stream().anyMatch(problem)));
    }

    private static BackendInfo cpu(RuntimeControl control) {
        return control.backends().stream().filter(b -> b.id().equals("cpu")).findFirst().orElseThrow();
    }

    /** Every configurable component but the runtime (whose problems are its own) registers a problem source. */
    private void assertEveryPidHasAProblemSource() throws Exception {
        for (String pid : NUMBERS.keySet()) {
            if (pid.equals(RUNTIME)) {
                continue;
            }
            await("a problem source for " + pid).untilAsserted(() ->
                assertTrue("sources " + sources(), sources().stream().anyMatch(s -> s.startsWith(pid))));
        }
        assertTrue(sources().toString(), sources().contains("io.dynofa.monitor.memory"));
        System.out.println("ConfigFuzzIT: problem sources " + sources());
    }

    private List<String> sources() throws Exception {
        return context.getServiceReferences(ProblemSource.class, null).stream()
            .map(ref -> String.valueOf(ref.getProperty(ProblemSource.SOURCE))).sorted().toList();
    }

    /** Replaces {@code pid}'s configuration through ConfigAdmin (for the CPU backend: its one instance's). */
    private void write(String pid, Map<String, ?> properties) {
        if (pid.equals(BACKEND)) {
            configureFactoryInstance(BACKEND, properties);
        } else {
            configure(pid, properties);
        }
    }

    /** Writes {@code pid.cfg} of random bytes (a damaged file) into the FileInstall folder. */
    private void writeRandomBytes(String pid, long seed) {
        byte[] bytes = new byte[2048];
        new Random(seed).nextBytes(bytes);
        writeCfgFile(pid, bytes);
    }

    private static Map<String, String> strings(Map<String, Object> properties) {
        Map<String, String> text = new LinkedHashMap<>();
        properties.forEach((k, v) -> text.put(k, v.toString()));
        return text;
    }
}
