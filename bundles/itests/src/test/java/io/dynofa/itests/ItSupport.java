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
import java.util.List;
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

    /** Felix SCR and its API dependencies, ConfigAdmin. */
    public static Option runtimeBundles() {
        return composite(
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
        Path dir = workDir().resolve("fileinstall").resolve(testClass.getSimpleName());
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                        Files.delete(p);
                    }
                }
            }
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
