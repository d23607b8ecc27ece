package io.dynofa.http.internal;

import java.util.List;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Felix Health Checks tagged {@value HealthChecks#TAG}, through the executor. Active only while an executor is
 * registered, so this class (and the optionally imported Felix HC API) is never loaded without one.
 */
@Component(service = HealthChecks.class)
public final class FelixHealthChecks implements HealthChecks {
    private final HealthCheckExecutor executor;

    @Activate
    public FelixHealthChecks(@Reference HealthCheckExecutor executor) {
        this.executor = executor;
    }

    @Override
    public List<Outcome> run() {
        return executor.execute(HealthCheckSelector.tags(TAG)).stream().map(FelixHealthChecks::outcome).toList();
    }

    private static Outcome outcome(HealthCheckExecutionResult execution) {
        Result result = execution.getHealthCheckResult();
        String message = null;
        for (ResultLog.Entry entry : result) {
            if (!entry.isDebug()) {
                message = message == null ? entry.getMessage() : message + "; " + entry.getMessage();
            }
        }
        // a warning (the target missed under contention) leaves the gateway ready: it still serves, and a supervisor
        // that restarted it would only lose the levels it keeps warm
        boolean ready = result.isOk() || result.getStatus() == Result.Status.WARN;
        return new Outcome(execution.getHealthCheckMetadata().getName(), ready, result.getStatus().name(), message);
    }
}
