package io.dynofa.metrics.internal;

import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;

/**
 * What one scrape reads of a deployment.
 *
 * @param deployment its name
 * @param status its status now
 * @param levels the ids of its active levels, fastest first
 */
record DeploymentView(String deployment, RuntimeStatus status, List<String> levels) {
    DeploymentView {
        levels = List.copyOf(levels);
    }
}
