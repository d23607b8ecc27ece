package io.dynofa.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.BackendInfo;
import io.dynofa.runtime.api.ProblemSource;
import io.dynofa.runtime.api.RuntimeControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * No bad edit of any configuration stops serving (finding 5). For every PID the gateway has, values that
 * cannot be used (non-numeric, empty, huge, NaN, negative; a typo'd key, a blank id, an unknown enum constant,
 * a path that cannot be formed) are written through ConfigAdmin, and {@code .cfg} files of random bytes
 * through FileInstall, while a client sends requests: none fails, every status read is READY, and each problem
 * is named in the runtime's status (under its source) until the edit is undone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigFuzzIT {
    private static final String RUNTIME = "io.dynofa.runtime";
    private static final String BACKEND = "io.dynofa.backend.cpu";
    private static final String PROVIDER = "io.dynofa.family.provider";
    private static final String DEMO = "io.dynofa.demo";
    private static final String STEP = "io.dynofa.policy.step";
    private static final List<String> BAD = List.of("abc", "", "9223372036854775807", "NaN", "-1");

    /** The numeric attributes of every PID, each given every value of {@link #BAD}. */
    private static final Map<String, List<String>> NUMBERS = numbers();

    @Inject
    private BundleContext context;

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

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of(BACKEND + "-cpu", strings(good(BACKEND)), DEMO,
            strings(good(DEMO))));
    }

    /** The configuration each PID is given back after a bad edit (the one it starts with). */
    private static Map<String, Object> good(String pid) {
        switch (pid) {
            case RUNTIME:
                return Map.of("decisionIntervalMs", "50", "warmupRuns", "10", "profileRuns", "20");
            case PROVIDER:
                return Map.of("modelsDir", ItSupport.modelsDir(ConfigFuzzIT.class).toString(), "scanIntervalMs", "200");
            case BACKEND:
                return Map.of("dynofa.backend.id", "cpu", "intraOpThreads", "2");
            case DEMO:
                return Map.of("fps", "50", "sampleDir", sampleDir().toString());
            default:
                return Map.of();
        }
    }

    private static Path sampleDir() {
        return ItSupport.modelsDir(ConfigFuzzIT.class).resolve(ItSupport.SAMPLE);
    }

    @Test
    public void everyBadValueOfEveryPidIsNamedAndServingNeverStops() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        assertEveryPidHasAProblemSource();
        try (TrafficClient client = new TrafficClient(gateway::inference); ReadyWatch watch = new ReadyWatch(control)) {
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
            badEdit(control, PROVIDER, "modelsDir", sampleDir().resolve("none").toString(),
                p -> p.startsWith(PROVIDER) && p.contains("is not a folder: still offering the families of"));
            badEdit(control, DEMO, "enabled", "maybe", rejected(DEMO, "enabled"));
            badEdit(control, DEMO, "sampleDir", sampleDir().resolve("none").toString(),
                p -> p.startsWith(DEMO) && p.contains("demo camera keeps replaying " + sampleDir()));
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
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        try (TrafficClient client = new TrafficClient(gateway::inference); ReadyWatch watch = new ReadyWatch(control)) {
            client.awaitServed(100);
            for (String threads : List.of("1", "3", "2")) {
                Map<String, Object> settings = new HashMap<>(good(BACKEND));
                settings.put("intraOpThreads", threads);
                settings.put("optimizationLevel", threads.equals("3") ? "BASIC_OPT" : "ALL_OPT");
                write(BACKEND, settings);
                Gateway.await(() -> "backend cpu with " + threads + " intra-op threads: " + control.backends(),
                    () -> cpu(control).description().contains(threads + " intra-op thread"));
                client.awaitServed(200);
            }
            assertEquals(List.of(), client.failures());
            watch.assertAlwaysReady();
        }
    }

    /** A key that is no attribute is named, and the attributes the configuration lacks keep their values. */
    private void aTypoKeepsTheBackendsSettingsInForce(RuntimeControl control) throws IOException {
        write(BACKEND, Map.of("dynofa.backend.id", "cpu", "intraOpThread", "1"));
        awaitProblem(control, p -> p.startsWith(BACKEND) && p.contains("unknown key 'intraOpThread' ignored"));
        assertTrue(control.backends().toString(), cpu(control).description().contains("2 intra-op threads"));
        write(BACKEND, good(BACKEND));
        awaitNoProblem(control, p -> p.startsWith(BACKEND));
    }

    private void aFileOfRandomBytesChangesNothingAndIsNamed(RuntimeControl control, String pid) throws IOException {
        writeRandomBytes(pid, 1);
        awaitProblem(control, p -> p.startsWith(pid) && p.contains("unknown keys ") && p.contains(" ignored"));
        assertTrue("the policy stays installed: " + control.policies(), control.policies().contains("dynofa-step"));
        ItSupport.writeConfig(ItSupport.fileInstallDir(getClass()), pid, Map.of());
        awaitNoProblem(control, p -> p.startsWith(pid));
    }

    /** The values the random file does not set (all of them) keep the ones in force, not their defaults. */
    private void aFileOfRandomBytesKeepsTheRuntimesValuesInForce(RuntimeControl control) throws IOException {
        Map<String, String> inForce = new HashMap<>(strings(good(RUNTIME)));
        inForce.put("targetLatencyMs", "0.7");
        ItSupport.writeConfig(ItSupport.fileInstallDir(getClass()), RUNTIME, inForce);
        Gateway.awaitValue(() -> control.status().targetMs(), 0.7);
        writeRandomBytes(RUNTIME, 2);
        Predicate<String> damaged = p -> p.contains("unknown keys ") && p.contains("targetLatencyMs");
        awaitProblem(control, damaged);
        assertEquals(0.7, control.status().targetMs(), 0);
        ItSupport.writeConfig(ItSupport.fileInstallDir(getClass()), RUNTIME, strings(good(RUNTIME)));
        awaitNoProblem(control, damaged);
        Gateway.awaitValue(() -> control.status().targetMs(), 1.0);
    }

    /** {@code key = bad} in {@code pid}'s configuration, named while it stands, then the good one again. */
    private void badEdit(RuntimeControl control, String pid, String key, String bad, Predicate<String> named)
        throws IOException {
        Map<String, Object> edit = new HashMap<>(good(pid));
        edit.put(key, bad);
        write(pid, edit);
        awaitProblem(control, named);
        write(pid, good(pid));
        awaitNoProblem(control, named);
    }

    /** A problem line of {@code pid} (the runtime's own lines carry no source) rejecting {@code key}. */
    private static Predicate<String> rejected(String pid, String key) {
        return p -> (pid.equals(RUNTIME) || p.startsWith(pid)) && p.contains(key + " ") && p.contains(" rejected (");
    }

    private static void awaitProblem(RuntimeControl control, Predicate<String> problem) {
        Gateway.await(() -> "the problem named; status problems " + control.status().problems(),
            () -> control.status().problems().stream().anyMatch(problem));
    }

    private static void awaitNoProblem(RuntimeControl control, Predicate<String> problem) {
        Gateway.await(() -> "the problem gone; status problems " + control.status().problems(),
            () -> control.status().problems().stream().noneMatch(problem));
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
            Gateway.await("a problem source for " + pid, () -> sources().stream().anyMatch(s -> s.startsWith(pid)));
        }
        assertTrue(sources().toString(), sources().contains("io.dynofa.monitor.memory"));
        System.out.println("ConfigFuzzIT: problem sources " + sources());
    }

    private List<String> sources() {
        try {
            return context.getServiceReferences(ProblemSource.class, null).stream()
                .map(ref -> String.valueOf(ref.getProperty(ProblemSource.SOURCE))).sorted().toList();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces {@code pid}'s configuration (for the CPU backend: its one factory configuration). */
    private void write(String pid, Map<String, ?> properties) throws IOException {
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin admin = context.getService(ref);
        org.osgi.service.cm.Configuration configuration;
        if (pid.equals(BACKEND)) {
            org.osgi.service.cm.Configuration[] factory;
            try {
                factory = admin.listConfigurations("(service.factoryPid=" + BACKEND + ")");
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            assertEquals("one factory configuration of " + BACKEND, 1, factory == null ? 0 : factory.length);
            configuration = factory[0];
        } else {
            configuration = admin.getConfiguration(pid, "?");
        }
        Dictionary<String, Object> dictionary = new Hashtable<>();
        properties.forEach(dictionary::put);
        configuration.update(dictionary);
    }

    /** Writes {@code pid.cfg} of random bytes (a damaged file) into the FileInstall folder. */
    private void writeRandomBytes(String pid, long seed) throws IOException {
        byte[] bytes = new byte[2048];
        new Random(seed).nextBytes(bytes);
        Path dir = ItSupport.fileInstallDir(getClass());
        Path tmp = dir.resolve(pid + ".cfg.tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, dir.resolve(pid + ".cfg"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, String> strings(Map<String, Object> properties) {
        Map<String, String> text = new LinkedHashMap<>();
        properties.forEach((k, v) -> text.put(k, v.toString()));
        return text;
    }
}
