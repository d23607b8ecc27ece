package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.ExamFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.nat.internal.NativeTestContainerFactory;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The base of every integration test: one real Felix per test class with the gateway's bundles, and in it the
 * helpers the tests share (services, configuration, the gateway being ready).
 *
 * <p>An IT states only what differs: {@link #modules()} (the gateway without a console by default) and the
 * configurations it adds to the gateway's ({@link #configurations()}, {@link #factoryConfigurations()}). Before
 * the framework starts, the test class's FileInstall, models and profiles folders are emptied and the models
 * folder is given a fresh copy of the shipped family; the configurations are created through ConfigAdmin
 * (pax-exam-cm) before the gateway's bundles start. {@link #writeCfgFile} is for tests of the file path itself.
 *
 * <p>Waiting is Awaitility's {@code await(alias)}, with the defaults set here: a generous {@link #PATIENCE}
 * (machines here are shared and noisy; a pass never waits that long), a 50 ms poll, the first look at once.
 * Project bundles are {@code file:} URLs of {@code bundles/<module>/target/*.jar}; third-party bundles are
 * {@code mvn:} URLs whose versions come from the itests POM. The framework is the native container's, named here:
 * the Karaf container ({@link KarafHttpIT}) is on the class path too.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@ExamFactory(NativeTestContainerFactory.class)
public abstract class GatewayIT {
    /** How long anything a test waits for may take before it fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The project's family id. */
    public static final String FAMILY = "fmnist-ofa";

    /** The shipped sample's folder inside a models folder. */
    public static final String SAMPLE = "samples/fashion-mnist";

    /** Every bundle of the gateway that needs no console (shell and reporter need Gogo). */
    public static final List<String> GATEWAY = List.of("api", "onnxruntime", "backend-cpu", "family-provider",
        "monitor-latency", "monitor-cpu", "monitor-memory", "monitor-thermal", "monitor-pressure",
        "policy-dynofa-step", "policy-lut-fit", "policy-alert", "policy-cross-backend", "monitor-gpu", "manager",
        "demo", "profiler");

    protected static final String RUNTIME_PID = "io.dynofa.runtime";

    static {
        Awaitility.setDefaultTimeout(PATIENCE);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(50));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @Inject
    protected BundleContext context;

    /** The reactor modules this IT runs: the gateway without a console unless it says otherwise. */
    protected List<String> modules() {
        return GATEWAY;
    }

    /** The gateway without {@code modules}. */
    protected static List<String> gatewayWithout(String... modules) {
        return GATEWAY.stream().filter(m -> !List.of(modules).contains(m)).toList();
    }

    /** The configurations this IT adds, PID to properties; each is merged over the gateway's of that PID. */
    protected Map<String, Map<String, String>> configurations() {
        return Map.of();
    }

    /** The factory configurations this IT creates: factory PID to the properties of each instance. */
    protected Map<String, List<Map<String, String>>> factoryConfigurations() {
        return Map.of();
    }

    /**
     * The family provider's folder: a fresh copy of the shipped family and its sample, made before the framework
     * starts (the tests edit it); an IT that only reads the shipped files may answer {@link #repoModels()}.
     */
    protected Path modelsDir() {
        return workDir().resolve("models").resolve(getClass().getSimpleName());
    }

    /** The folder FileInstall watches (emptied before the framework starts). */
    protected Path fileInstallDir() {
        return workDir().resolve("fileinstall").resolve(getClass().getSimpleName());
    }

    /** The folder of stored device profiles (emptied before the framework starts). */
    protected Path profilesDir() {
        return workDir().resolve("profiles").resolve(getClass().getSimpleName());
    }

    /** The configurations every IT starts from, PID to properties. */
    private Map<String, Map<String, String>> gatewayConfigurations() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        all.put("io.dynofa.family.provider", Map.of("modelsDir", modelsDir().toString(), "scanIntervalMs", "200"));
        all.put(RUNTIME_PID, Map.of("decisionIntervalMs", "50", "warmupRuns", "10", "profileRuns", "20"));
        all.put("io.dynofa.profiler", Map.of("profilesDir", profilesDir().toString()));
        configurations().forEach((pid, props) -> all.merge(pid, props, (a, b) -> {
            Map<String, String> merged = new LinkedHashMap<>(a);
            merged.putAll(b);
            return merged;
        }));
        return all;
    }

    @Configuration
    public final Option[] configuration() {
        FamilyFolders.delete(fileInstallDir());
        FamilyFolders.delete(profilesDir());
        if (modelsDir().startsWith(workDir())) {
            FamilyFolders.delete(modelsDir());
            FamilyFolders.copy(repoModels().resolve(SAMPLE), modelsDir().resolve(SAMPLE));
            FamilyFolders.copy(repoModels().resolve(FAMILY), modelsDir().resolve(FAMILY));
        }
        try {
            Files.createDirectories(fileInstallDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return GatewayOptions.of(fileInstallDir(), gatewayConfigurations(), factoryConfigurations(), modules());
    }

    /** The repository's models folder. */
    public static Path repoModels() {
        return bundlesDir().resolveSibling("models");
    }

    /** The built jar of reactor module {@code module}: bundles/&lt;module&gt;/target/*.jar. */
    public static Path reactorJar(String module) {
        Path target = bundlesDir().resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files
                .filter(p -> p.getFileName().toString().endsWith(".jar"))
                .filter(p -> !p.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
                .toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected exactly one bundle jar in " + target + ", found " + jars
                    + " (run the build from the repo root: mvn verify)");
            }
            return jars.get(0).toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("no build output in " + target + " (run mvn verify from the repo root)", e);
        }
    }

    private static Path bundlesDir() {
        return Path.of(System.getProperty("dynofa.bundles.dir", "..")).toAbsolutePath().normalize();
    }

    static Path workDir() {
        return Path.of(System.getProperty("dynofa.itest.work", "target/itest-work")).toAbsolutePath().normalize();
    }

    /** A valid batch-1 input for the project's family (a mid-grey image). */
    public static Tensor validInput() {
        float[] pixels = new float[28 * 28];
        Arrays.fill(pixels, 0.5f);
        return Tensor.ofFloats(pixels, 1, 1, 28, 28);
    }

    /** The service, waiting for it to appear. */
    protected <T> T service(Class<T> type) {
        return service(type, null);
    }

    protected <T> T service(Class<T> type, String filter) {
        String what = "service " + type.getSimpleName() + (filter == null ? "" : " " + filter);
        return await(what).until(() -> current(type, filter), s -> s != null);
    }

    /** The service now, or null. */
    protected <T> T current(Class<T> type, String filter) {
        try {
            for (ServiceReference<T> ref : context.getServiceReferences(type, filter)) {
                T s = context.getService(ref);
                if (s != null) {
                    return s;
                }
            }
            return null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    protected RuntimeControl control() {
        return service(RuntimeControl.class);
    }

    protected InferenceService inference() {
        return service(InferenceService.class);
    }

    /** Waits until the runtime serves, and returns its status. */
    protected RuntimeStatus ready() {
        RuntimeControl control = control();
        await("the runtime READY").untilAsserted(() -> {
            RuntimeStatus status = control.status();
            assertEquals("state; status " + status, RuntimeStatus.State.READY, status.state());
        });
        return control.status();
    }

    /** The readings of the monitor named {@code name}, waiting for the monitor. */
    protected Map<String, Double> monitor(String name) {
        return await("monitor " + name).until(() -> monitorNamed(name), Optional::isPresent).orElseThrow().read();
    }

    /** The monitor named {@code name} now, if one is registered. */
    protected Optional<Monitor> monitorNamed(String name) throws InvalidSyntaxException {
        for (ServiceReference<Monitor> ref : context.getServiceReferences(Monitor.class, null)) {
            Monitor m = context.getService(ref);
            if (m != null && name.equals(m.name())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The bundle with this symbolic name. */
    protected Bundle installedBundle(String symbolicName) {
        Bundle found = Stream.of(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
            .findFirst().orElse(null);
        assertNotNull("bundle " + symbolicName + " installed", found);
        return found;
    }

    private ConfigurationAdmin configurationAdmin() {
        return service(ConfigurationAdmin.class);
    }

    /** Replaces the configuration {@code pid} (a singleton configuration) through ConfigAdmin. */
    protected void configure(String pid, Map<String, ?> properties) {
        try {
            update(configurationAdmin().getConfiguration(pid, "?"), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one configuration of factory {@code factoryPid} through ConfigAdmin. */
    protected void configureFactoryInstance(String factoryPid, Map<String, ?> properties) {
        try {
            org.osgi.service.cm.Configuration[] instances = configurationAdmin()
                .listConfigurations("(service.factoryPid=" + factoryPid + ")");
            assertEquals("one factory configuration of " + factoryPid, 1, instances == null ? 0 : instances.length);
            update(instances[0], properties);
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(org.osgi.service.cm.Configuration configuration, Map<String, ?> properties)
        throws IOException {
        Dictionary<String, Object> dictionary = new Hashtable<>();
        properties.forEach(dictionary::put);
        configuration.update(dictionary);
    }

    protected void deleteConfiguration(String pid) {
        try {
            configurationAdmin().getConfiguration(pid, "?").delete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code pid.cfg} with these properties into the FileInstall folder, in one step. */
    protected void writeCfgFile(String pid, Map<String, String> properties) {
        StringBuilder text = new StringBuilder();
        properties.forEach((k, v) -> text.append(k).append(" = ").append(v.replace("\\", "\\\\")).append('\n'));
        writeCfgFile(pid, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code pid.cfg} holding {@code content} into the FileInstall folder, in one step. */
    protected void writeCfgFile(String pid, byte[] content) {
        try {
            Path tmp = fileInstallDir().resolve(pid + ".cfg.tmp");
            Files.write(tmp, content);
            Files.move(tmp, fileInstallDir().resolve(pid + ".cfg"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
