package io.dynofa.health.internal;

import io.dynofa.runtime.api.Problem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;

/**
 * No configuration is refused: each problem of kind {@code config.*} in a deployment's status is named, CRITICAL
 * for a configuration that looks damaged ({@link Problem#CONFIG_UNKNOWN_KEYS}: none of it was taken), WARN for a
 * value refused ({@link Problem#CONFIG_REJECTED} and any other {@code config.} code: the value in force is kept).
 * A plug-in's problem shows in every deployment's status; it is named once.
 */
@Component(service = HealthCheck.class,
    property = {HealthCheck.NAME + "=Dynofa configuration", HealthCheck.TAGS + "=" + Checks.TAG})
public final class ConfigProblemsCheck extends DeploymentCheck {
    private static final String CONFIG = "config.";

    @Override
    Result judge(List<DeploymentState> deployments) {
        FormattingResultLog log = new FormattingResultLog();
        Set<Problem> seen = new LinkedHashSet<>();
        deployments.forEach(d -> d.status().problemDetails().stream()
            .filter(p -> p.code().startsWith(CONFIG))
            .filter(seen::add)
            .forEach(p -> {
                String source = p.source() == null || Problem.RUNTIME.equals(p.source())
                    ? "deployment " + d.deployment() : p.source();
                if (Problem.CONFIG_UNKNOWN_KEYS.equals(p.code())) {
                    log.critical("{}: {} ({})", source, p.text(), p.code());
                } else {
                    log.warn("{}: {} ({})", source, p.text(), p.code());
                }
            }));
        if (seen.isEmpty()) {
            log.info("no configuration problem in {} deployment(s)", deployments.size());
        }
        return new Result(log);
    }
}
