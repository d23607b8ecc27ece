package io.dynofa.http.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.util.Map;
import javax.servlet.Servlet;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The deployments' control and image endpoints under {@code /dynofa/v1/deployments}: {@code GET} the list (each
 * deployment's status, {@link StatusJson}), {@code GET /{d}} one with its levels, policies, families and backends,
 * {@code PATCH /{d}} with any of {@code targetLatencyMs, accuracyFloor, policy, pinnedLevel} (written to its
 * configuration through ConfigAdmin, {@link ConfigPatch}, and saved to its file, {@link ConfigFileWriteBack}; answered with the status once it shows the change, at most
 * {@value #APPLY_WAIT_MS} ms later, {@code "applied"} saying whether it did), and {@code POST /{d}/classify} an image
 * ({@link Classifier}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/dynofa/v1/deployments/*")
@HttpWhiteboardServletName("dynofa-deployments")
public final class DeploymentsServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;
    static final long APPLY_WAIT_MS = 3000;
    private static final long APPLY_POLL_MS = 20;

    private final transient ConfigurationAdmin configurationAdmin;
    private final transient Classifier classifier;
    private final boolean writeBack;

    @Activate
    public DeploymentsServlet(@Reference HttpSettings settings, @Reference DeploymentDirectory deployments,
                              @Reference ConfigurationAdmin configurationAdmin, BundleContext context) {
        super(settings, deployments);
        this.configurationAdmin = configurationAdmin;
        this.writeBack = ConfigFileWriteBack.needed(context.getProperty(ConfigFileWriteBack.FILEINSTALL_SAVE));
        this.classifier = new Classifier(deployments);
    }

    @Override
    Reply handle(Call call) throws HttpError {
        List<String> path = call.segments();
        if (path.isEmpty()) {
            if (!call.method().equals("GET")) {
                throw methodNotAllowed(call, "GET");
            }
            JsonArray list = new JsonArray();
            deployments().all().forEach(d -> list.add(StatusJson.of(d.control().status())));
            return Reply.ok(list);
        }
        Deployment d = deployments().require(path.get(0));
        if (path.size() == 1) {
            return switch (call.method()) {
                case "GET" -> Reply.ok(StatusJson.detail(d.control()));
                case "PATCH" -> Reply.ok(patch(d, call));
                default -> throw methodNotAllowed(call, "GET, PATCH");
            };
        }
        if (path.size() == 2 && path.get(1).equals("classify")) {
            if (!call.method().equals("POST")) {
                throw methodNotAllowed(call, "POST");
            }
            return Reply.ok(classifier.classify(d, call));
        }
        throw noSuchPath(call);
    }

    private JsonObject patch(Deployment d, Call call) throws HttpError {
        AccessGuard.allowChange(call.config().controlToken(), call.request().getHeader("Authorization"),
            call.request().getRemoteAddr());
        Map<String, Object> changes = ConfigPatch.of(call.jsonObject(), d.control().policies(), d.control().levels());
        DeploymentConfigurations.update(configurationAdmin, d.name(), changes, writeBack);
        boolean applied = awaitApplied(d, changes);
        JsonObject status = StatusJson.of(d.control().status());
        status.addProperty("applied", applied);
        return status;
    }

    /** Waits (bounded) until the deployment's status shows every change. */
    private static boolean awaitApplied(Deployment d, Map<String, Object> changes) {
        long end = System.nanoTime() + APPLY_WAIT_MS * 1_000_000;
        while (!shows(d.control().status(), changes)) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(APPLY_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    static boolean shows(RuntimeStatus status, Map<String, Object> changes) {
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Object value = change.getValue();
            boolean shown = switch (change.getKey()) {
                case ConfigPatch.TARGET -> status.targetMs() == (double) value;
                case ConfigPatch.FLOOR -> status.accuracyFloor() == (double) value;
                case ConfigPatch.POLICY -> value.equals(status.policy());
                case ConfigPatch.PINNED -> ((String) value).isEmpty() ? !status.pinned()
                    : status.pinned() && value.equals(status.levelId());
                default -> true;
            };
            if (!shown) {
                return false;
            }
        }
        return true;
    }
}
