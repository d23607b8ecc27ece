package io.dynofa.health.internal;

import io.dynofa.runtime.api.BackendInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;

/**
 * The device backends can serve: CRITICAL when a deployment has no usable backend or the one serving it is
 * unusable, WARN for every other bound backend that is unusable (it names why), OK otherwise. Backends are the
 * gateway's, so each is reported once, whichever deployments it is bound to.
 */
@Component(service = HealthCheck.class,
    property = {HealthCheck.NAME + "=Dynofa backend usable", HealthCheck.TAGS + "=" + Checks.TAG})
public final class BackendUsableCheck extends DeploymentCheck {

    @Override
    Result judge(List<DeploymentState> deployments) {
        FormattingResultLog log = logOf(deployments);
        Map<String, BackendInfo> backends = new TreeMap<>();
        TreeSet<String> serving = new TreeSet<>();
        for (DeploymentState d : deployments) {
            d.backends().forEach(b -> backends.putIfAbsent(b.id(), b));
            if (d.status().backendId() != null) {
                serving.add(d.status().backendId());
            }
            if (d.backends().stream().noneMatch(BackendUsableCheck::usable)) {
                log.critical("deployment {}: no usable backend ({} bound)", d.deployment(), d.backends().size());
            }
        }
        backends.values().forEach(b -> {
            boolean serves = serving.contains(b.id()) || b.active();
            if (usable(b)) {
                log.info("backend {}: usable{}", b.id(), serves ? ", serving" : "");
            } else if (serves) {
                log.critical("backend {} serves but is unusable: {}", b.id(), b.unavailableReason());
            } else {
                log.warn("backend {} is unusable: {}", b.id(), b.unavailableReason());
            }
        });
        return new Result(log);
    }

    private static boolean usable(BackendInfo backend) {
        return backend.unavailableReason() == null || backend.unavailableReason().isBlank();
    }
}
