package io.dynofa.health.internal;

import java.util.List;
import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;

/** A check that judges the deployments' states alone, read anew on every execution. */
abstract class DeploymentCheck extends BoundDeployments implements HealthCheck {

    @Override
    public final Result execute() {
        return judge(deployments());
    }

    /** The verdict on these deployments (pure: the same states give the same result). */
    abstract Result judge(List<DeploymentState> deployments);

    /** A log that is CRITICAL already when no deployment runs: nothing can be served. */
    static FormattingResultLog logOf(List<DeploymentState> deployments) {
        FormattingResultLog log = new FormattingResultLog();
        if (deployments.isEmpty()) {
            log.critical(Checks.NO_DEPLOYMENT);
        }
        return log;
    }
}
