package io.dynofa.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Shared Pax Exam setup for all Dynofa integration tests.
 *
 * <p>Usage in a test class:
 * <pre>
 * &#64;Configuration
 * public Option[] config() {
 *     return ItSupport.options(getClass(), "onnxruntime", "smoke");
 * }
 * </pre>
 *
 * <p>Project bundles are given by reactor module name (folder under {@code bundles/}) and
 * provisioned as {@code file:} URLs of {@code bundles/<module>/target/<artifactId>-<version>.jar}.
 * Third-party bundles are {@code mvn:} URLs whose versions come from the itests POM.
 */
public final class ItSupport {

    /** Framework property pointing at the per-test FileInstall folder. */
    public static final String FILEINSTALL_DIR = "felix.fileinstall.dir";

    private ItSupport() {}

    /** Common options + the given reactor modules (e.g. "onnxruntime", "smoke"). */
    public static Option[] options(Class<?> testClass, String... projectModules) {
        Path watched = cleanFileInstallDir(testClass);
        return new Option[] {
            cleanCaches(true),
            // quiet: Felix framework log level 1 = error
            frameworkProperty("felix.log.level").value("1"),
            systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
            // pass Maven/pax-url settings through to the in-framework mvn: handler
            propagate("org.ops4j.pax.url.mvn.localRepository"),
            propagate("org.ops4j.pax.url.mvn.repositories"),
            propagate("org.ops4j.pax.url.mvn.useFallbackRepositories"),
            junitBundles(),
            runtimeBundles(),
            fileInstall(watched),
            projectBundles(projectModules),
        };
    }

    /** Every bundle of the gateway that needs no console (shell and reporter need Gogo). */
    public static final List<String> GATEWAY = List.of("api", "onnxruntime", "backend-cpu", "family-provider",
        "monitor-latency", "monitor-cpu", "monitor-memory", "monitor-thermal", "monitor-pressure",
        "policy-dynofa-step", "policy-lut-fit", "policy-alert", "policy-cross-backend", "monitor-gpu", "manager", "demo",
        "profiler");

    /**
     * The gateway without {@code left out} modules, with the family provider watching a per-test copy
     * of the repository's models folder (see {@link #modelsDir(Class)}) and {@code configs} written as
     * FileInstall {@code .cfg} files (PID to properties) before the framework starts.
     */
    public static Option[] gateway(Class<?> testClass, Map<String, Map<String, String>> configs,
                                   String... leftOut) {
        Option[] base = options(testClass, GATEWAY.stream().filter(m -> !List.of(leftOut).contains(m))
            .toArray(String[]::new));
        Path watched = fileInstallDir(testClass);
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        all.put("io.dynofa.family.provider", Map.of("modelsDir", modelsDir(testClass).toString(),
            "scanIntervalMs", "200"));
        all.put("io.dynofa.runtime", Map.of("decisionIntervalMs", "50", "warmupRuns", "10", "profileRuns", "20"));
        all.put("io.dynofa.profiler", Map.of("profilesDir", profilesDir(testClass).toString()));
        configs.forEach((pid, props) -> all.merge(pid, props, (a, b) -> {
            Map<String, String> merged = new LinkedHashMap<>(a);
            merged.putAll(b);
            return merged;
        }));
        all.forEach((pid, props) -> writeConfig(watched, pid, props));
        return base;
    }

    /** Writes {@code pid.cfg} into the FileInstall folder {@code dir}. */
    public static void writeConfig(Path dir, String pid, Map<String, String> props) {
        StringBuilder text = new StringBuilder();
        props.forEach((k, v) -> text.append(k).append(" = ").append(v.replace("\\", "\\\\")).append('\n'));
        try {
            Path tmp = dir.resolve(pid + ".cfg.tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, dir.resolve(pid + ".cfg"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The per-test models folder: a fresh copy of the repository's fmnist-ofa family and of the labelled sample
     * its manifest names ({@value #SAMPLE}).
     */
    public static Path modelsDir(Class<?> testClass) {
        Path dir = workDir().resolve("models").resolve(testClass.getSimpleName());
        if (!Files.isDirectory(dir.resolve(FAMILY))) {
            copyTree(repoModels().resolve(SAMPLE), dir.resolve(SAMPLE));
            copyTree(repoModels().resolve(FAMILY), dir.resolve(FAMILY));
        }
        return dir;
    }

    /** The shipped sample's folder inside a models folder. */
    public static final String SAMPLE = "samples/fashion-mnist";

    /** The per-test folder of stored device profiles (emptied on every setup). */
    public static Path profilesDir(Class<?> testClass) {
        return workDir().resolve("profiles").resolve(testClass.getSimpleName());
    }

    /** The repository's models folder. */
    public static Path repoModels() {
        return bundlesDir().resolveSibling("models");
    }

    /** The project's family id. */
    public static final String FAMILY = "fmnist-ofa";

    /** Copies a folder (one level of files). */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.collect(Collectors.toList())) {
                Files.copy(f, to.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** Deletes a folder and everything in it, if present. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The FileInstall folder of a test class (as set up by {@link #options}). */
    public static Path fileInstallDir(Class<?> testClass) {
        return workDir().resolve("fileinstall").resolve(testClass.getSimpleName());
    }

    /** Felix SCR and its API dependencies, ConfigAdmin, Gson (for the profiler). */
    public static Option runtimeBundles() {
        return composite(
            mavenBundle("com.google.code.gson", "gson").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
            mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject(),
            mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject());
    }

    /** FileInstall watching {@code dir} (fast poll, never writes config files back). */
    public static Option fileInstall(Path dir) {
        return composite(
            frameworkProperty(FILEINSTALL_DIR).value(dir.toAbsolutePath().toString()),
            frameworkProperty("felix.fileinstall.poll").value("200"),
            frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
            frameworkProperty("felix.fileinstall.enableConfigSave").value("false"),
            frameworkProperty("felix.fileinstall.log.level").value("1"),
            mavenBundle("org.apache.felix", "org.apache.felix.fileinstall").versionAsInProject());
    }

    /** Reactor bundles by module folder name under {@code bundles/}, as file: URLs. */
    public static Option projectBundles(String... modules) {
        return composite(Stream.of(modules)
            .map(m -> bundle(reactorJar(m).toUri().toString()))
            .toArray(Option[]::new));
    }

    /** The built jar of reactor module {@code module}: bundles/&lt;module&gt;/target/*.jar. */
    public static Path reactorJar(String module) {
        Path target = bundlesDir().resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files
                .filter(p -> p.getFileName().toString().endsWith(".jar"))
                .filter(p -> !p.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
                .collect(Collectors.toList());
            if (jars.size() != 1) {
                throw new IllegalStateException("expected exactly one bundle jar in " + target + ", found " + jars
                    + " (run the build from the repo root: mvn verify)");
            }
            return jars.get(0).toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("no build output in " + target + " (run mvn verify from the repo root)", e);
        }
    }

    /** Per-test-class FileInstall folder, emptied on every setup. */
    public static Path cleanFileInstallDir(Class<?> testClass) {
        Path dir = fileInstallDir(testClass);
        deleteTree(dir);
        deleteTree(workDir().resolve("models").resolve(testClass.getSimpleName()));
        deleteTree(profilesDir(testClass));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In-framework: the bundle with this symbolic name, or null. */
    public static Bundle findBundle(BundleContext ctx, String symbolicName) {
        for (Bundle b : ctx.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private static Option propagate(String key) {
        String value = System.getProperty(key);
        return value == null ? composite() : systemProperty(key).value(value);
    }

    private static Path bundlesDir() {
        return Path.of(System.getProperty("dynofa.bundles.dir", "..")).toAbsolutePath().normalize();
    }

    private static Path workDir() {
        return Path.of(System.getProperty("dynofa.itest.work", "target/itest-work")).toAbsolutePath().normalize();
    }
}
