package io.dynofa.health.internal;

import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;

/**
 * Every deployment serves a family: OK when each is READY, TEMPORARILY_UNAVAILABLE while one loads (Felix HC turns
 * that CRITICAL after its grace period), CRITICAL when one is NOT_READY or none runs.
 */
@Component(service = HealthCheck.class,
    property = {HealthCheck.NAME + "=Dynofa family active", HealthCheck.TAGS + "=" + Checks.TAG})
public final class FamilyActiveCheck extends DeploymentCheck {

    @Override
    Result judge(List<DeploymentState> deployments) {
        FormattingResultLog log = logOf(deployments);
        for (DeploymentState d : deployments) {
            RuntimeStatus s = d.status();
            switch (s.state()) {
                case READY -> log.info("deployment {}: READY, family {} at level {} on backend {}", d.deployment(),
                    s.familyId(), s.levelId(), s.backendId());
                case LOADING -> log.temporarilyUnavailable("deployment {}: LOADING family {}", d.deployment(),
                    s.familyId());
                default -> log.critical("deployment {}: NOT_READY, {}", d.deployment(), s.familyId() == null
                    ? "no family active" : "family " + s.familyId() + " not serving (" + s.lastDecision() + ")");
            }
        }
        return new Result(log);
    }
}
