package io.dynofa.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.cm.ConfigurationAdminOptions;
import org.ops4j.pax.exam.cm.ConfigurationOption;

/**
 * The Pax Exam options of {@link GatewayIT}: the framework, the bundles and the initial configurations. Used only
 * where the test runs the framework, never inside it (pax-exam-cm is not installed there).
 */
final class GatewayOptions {
    /** The modules that serve over HTTP: with one of them the HTTP bundles are installed. */
    private static final List<String> HTTP_MODULES = List.of("http", "metrics", "health", "dashboard");
    /**
     * The slf4j API Jetty 12 imports (org.slf4j 2.x; the bundle exports 1.7.36 too): not the test JVM's slf4j (the
     * itests POM's, 1.x, bound to slf4j-simple for Pax Exam's own logging), so the POM passes its version.
     */
    private static final String SLF4J_FOR_JETTY_PROPERTY = "dynofa.slf4j2.version";
    /**
     * slf4j 2 requires a service loader mediator and a logging provider, which the gateway has not (slf4j then logs
     * nothing): the system bundle offers both capabilities, as cnf/includes/dynofa-gateway.bnd does for the runnable.
     */
    private static final String SLF4J_CAPABILITIES =
        "osgi.extender;osgi.extender=\"osgi.serviceloader.processor\";version:Version=\"1.0.0\","
            + "osgi.serviceloader;osgi.serviceloader=\"org.slf4j.spi.SLF4JServiceProvider\"";

    private GatewayOptions() {
    }

    /**
     * Felix with JUnit, Awaitility, the runtime bundles, FileInstall watching {@code fileInstallDir}, the
     * configurations (PID to properties) and factory configurations (factory PID to each instance's properties)
     * created through ConfigAdmin before the project bundles start, and the project bundles of {@code modules}.
     */
    static Option[] of(Path fileInstallDir, Map<String, Map<String, String>> configurations,
                       Map<String, List<Map<String, String>>> factoryConfigurations, List<String> modules) {
        List<Option> options = new ArrayList<>(List.of(
            cleanCaches(true),
            // quiet: Felix framework log level 1 = error
            frameworkProperty("felix.log.level").value("1"),
            systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
            // pass Maven/pax-url settings through to the in-framework mvn: handler
            propagate("org.ops4j.pax.url.mvn.localRepository"),
            propagate("org.ops4j.pax.url.mvn.repositories"),
            propagate("org.ops4j.pax.url.mvn.useFallbackRepositories"),
            junitBundles(),
            mavenBundle("org.hamcrest", "hamcrest").versionAsInProject(),
            mavenBundle("org.awaitility", "awaitility").versionAsInProject(),
            runtimeBundles(),
            fileInstall(fileInstallDir)));
        configurations.forEach((pid, props) ->
            options.add(withProperties(ConfigurationAdminOptions.newConfiguration(pid), props)));
        factoryConfigurations.forEach((factoryPid, instances) -> instances.forEach(props ->
            options.add(withProperties(ConfigurationAdminOptions.factoryConfiguration(factoryPid), props))));
        options.add(MonitoringOptions.of(modules));
        options.add(httpBundles(modules));
        modules.forEach(m -> options.add(bundle(GatewayIT.reactorJar(m).toUri().toString())));
        return options.toArray(Option[]::new);
    }

    private static Option withProperties(ConfigurationOption configuration, Map<String, String> properties) {
        properties.forEach(configuration::put);
        return configuration.asOption();
    }

    /**
     * Felix HTTP Jetty 12 and its servlet API bundle when a module serving HTTP ({@code http}, {@code metrics},
     * {@code health}, {@code dashboard}) runs; installed after the configurations, so that a test's
     * {@code org.apache.felix.http} configuration (its port) is there when Jetty starts.
     */
    private static Option httpBundles(List<String> modules) {
        if (modules.stream().noneMatch(HTTP_MODULES::contains)) {
            return composite();
        }
        return composite(
            frameworkProperty("org.osgi.framework.system.capabilities.extra").value(SLF4J_CAPABILITIES),
            mavenBundle("commons-io", "commons-io").versionAsInProject(),
            mavenBundle("commons-fileupload", "commons-fileupload").versionAsInProject(),
            mavenBundle("org.slf4j", "slf4j-api", slf4jForJetty()),
            mavenBundle("org.apache.felix", "org.apache.felix.http.servlet-api").versionAsInProject(),
            mavenBundle("org.apache.felix", "org.apache.felix.http.jetty12").versionAsInProject());
    }

    private static String slf4jForJetty() {
        String version = System.getProperty(SLF4J_FOR_JETTY_PROPERTY);
        if (version == null) {
            throw new IllegalStateException("system property " + SLF4J_FOR_JETTY_PROPERTY + " not set (the itests POM"
                + " sets it for failsafe)");
        }
        return version;
    }

    /** Felix SCR and its API dependencies, ConfigAdmin, Gson (for the profiler). */
    private static Option runtimeBundles() {
        return composite(
            mavenBundle("com.google.code.gson", "gson").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
            mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject(),
            mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject());
    }

    /** FileInstall watching {@code dir} (fast poll, never writes config files back). */
    private static Option fileInstall(Path dir) {
        return composite(
            frameworkProperty("felix.fileinstall.dir").value(dir.toAbsolutePath().toString()),
            frameworkProperty("felix.fileinstall.poll").value("200"),
            frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
            frameworkProperty("felix.fileinstall.enableConfigSave").value("false"),
            frameworkProperty("felix.fileinstall.log.level").value("1"),
            mavenBundle("org.apache.felix", "org.apache.felix.fileinstall").versionAsInProject());
    }

    private static Option propagate(String key) {
        String value = System.getProperty(key);
        return value == null ? composite() : systemProperty(key).value(value);
    }
}
