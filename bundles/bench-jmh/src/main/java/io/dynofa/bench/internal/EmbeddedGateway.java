package io.dynofa.bench.internal;

import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.awaitility.Awaitility;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The serving part of the gateway started inside the benchmark's JVM: an Apache Felix framework with every
 * bundle of {@value #BUNDLES} (SCR, the CPU backend, the family provider, the latency monitor, the
 * dynofa-step policy and the manager). The API and ONNX Runtime come from the class path and are exported
 * by the system bundle, so the benchmark and the bundles share their classes (and one native library). The
 * family provider reads {@code models/} in the working directory, as in the gateway.
 */
final class EmbeddedGateway implements AutoCloseable {
    static final String BUNDLES = "dynofa.jmh.bundles";
    private static final long TIMEOUT_MS = 60_000;
    private static final Duration TIMEOUT = Duration.ofMillis(TIMEOUT_MS);
    private static final Duration STABLE = Duration.ofSeconds(1);

    private final Framework framework;
    private final Path storage;
    private final Gateway gateway;
    private final ModelFamily family;

    private EmbeddedGateway(Framework framework, Path storage, Gateway gateway, ModelFamily family) {
        this.framework = framework;
        this.storage = storage;
        this.gateway = gateway;
        this.family = family;
    }

    static EmbeddedGateway start() throws Exception {
        String dir = System.getProperty(BUNDLES);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("-D" + BUNDLES + " must name the folder of gateway bundles "
                + "(bundles/bench-jmh/target/gateway)");
        }
        Path storage = Files.createTempDirectory("dynofa-jmh-felix");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
            exportsOf(InferenceService.class) + "," + exportsOf(ai.onnxruntime.OrtSession.class));
        config.put("felix.log.level", "1");
        Framework framework = new FrameworkFactory().newFramework(config);
        framework.start();
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Path.of(dir))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                installed.add(context.installBundle(jar.toUri().toString()));
            }
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        InferenceService service = await(context, InferenceService.class, null);
        RuntimeControl control = await(context, RuntimeControl.class, null);
        Gateway gateway = new Gateway(service, control, null);
        String familyId = awaitReadyAndStable(control).familyId();
        ModelFamily family = await(context, ModelFamily.class, "(" + ModelFamily.FAMILY_ID + "=" + familyId + ")");
        return new EmbeddedGateway(framework, storage, gateway, family);
    }

    Gateway gateway() {
        return gateway;
    }

    ModelFamily family() {
        return family;
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(TIMEOUT_MS);
        try (Stream<Path> files = Files.walk(storage)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    /** The Export-Package header of the jar {@code type} was loaded from. */
    private static String exportsOf(Class<?> type) throws IOException, URISyntaxException {
        Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            String exports = file.getManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
            if (exports == null) {
                throw new IllegalStateException(jar + " exports no packages");
            }
            return exports;
        }
    }

    /**
     * Waits until the runtime is READY with active levels that have not changed for a second (a stored profile
     * bound after the first load makes the manager reload them).
     */
    private static RuntimeStatus awaitReadyAndStable(RuntimeControl control) {
        AtomicReference<List<Level>> previous = new AtomicReference<>(List.of());
        Awaitility.await("a READY runtime whose levels stay the same for " + STABLE).atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(5)).during(STABLE).until(() -> {
                List<Level> levels = control.levels();
                return levels.equals(previous.getAndSet(levels)) && !levels.isEmpty()
                    && control.status().state() == RuntimeStatus.State.READY;
            });
        return control.status();
    }

    private static <T> T await(BundleContext context, Class<T> type, String filter) throws Exception {
        ServiceTracker<T, T> tracker = filter == null ? new ServiceTracker<>(context, type, null)
            : new ServiceTracker<>(context, context.createFilter("(&(objectClass=" + type.getName() + ")" + filter
                + ")"), null);
        tracker.open();
        T service = tracker.waitForService(TIMEOUT_MS);
        if (service == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " within " + TIMEOUT_MS + " ms");
        }
        return service;
    }
}
