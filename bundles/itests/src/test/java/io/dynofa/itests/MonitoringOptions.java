package io.dynofa.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * The third-party bundles of the metrics and health modules, for an IT that runs them: Prometheus client_java
 * (and jsr305 for its {@code javax.annotation} import) for {@code metrics}; Felix Health Checks (with the Event
 * Admin) for {@code health}. Felix HC needs the HTTP bundles too: its servlet, and the slf4j bundle Jetty brings.
 */
final class MonitoringOptions {
    private MonitoringOptions() {
    }

    static Option of(List<String> modules) {
        List<Option> options = new ArrayList<>();
        if (modules.contains("metrics")) {
            options.add(composite(
                mavenBundle("com.google.code.findbugs", "jsr305").versionAsInProject(),
                mavenBundle("io.prometheus", "prometheus-metrics-config").versionAsInProject(),
                mavenBundle("io.prometheus", "prometheus-metrics-model").versionAsInProject(),
                mavenBundle("io.prometheus", "prometheus-metrics-tracer-common").versionAsInProject(),
                mavenBundle("io.prometheus", "prometheus-metrics-core").versionAsInProject(),
                mavenBundle("io.prometheus", "prometheus-metrics-exposition-textformats").versionAsInProject()));
        }
        if (modules.contains("health")) {
            options.add(composite(
                mavenBundle("org.apache.felix", "org.apache.felix.eventadmin").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.healthcheck.api").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.healthcheck.core").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.healthcheck.generalchecks").versionAsInProject()));
        }
        return composite(options.toArray(Option[]::new));
    }
}
