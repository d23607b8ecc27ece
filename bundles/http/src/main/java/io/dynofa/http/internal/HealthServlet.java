package io.dynofa.http.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import javax.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /v2/health/live}: 200 {@code {"live":true}} while the gateway answers; {@code GET /v2/health/ready}:
 * 200 when every deployment is READY and every Felix Health Check tagged {@value HealthChecks#TAG} (when Felix HC is
 * installed) is OK or WARN (a warning, such as the target missed under contention, still serves), else 503; the
 * body {@code {"ready":bool,"checks":[{"name","ok","status","message"}]}} lists a check per deployment
 * ({@code deployment <name>}, status its state) and each health check. No deployment: not ready.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/v2/health/*")
@HttpWhiteboardServletName("dynofa-health")
public final class HealthServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;


    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile HealthChecks checks;

    @Activate
    public HealthServlet(@Reference HttpSettings settings, @Reference DeploymentDirectory deployments) {
        super(settings, deployments);
    }

    @Override
    Reply handle(Call call) throws HttpError {
        if (!call.method().equals("GET")) {
            throw methodNotAllowed(call, "GET");
        }
        List<String> path = call.segments();
        if (path.equals(List.of("live"))) {
            JsonObject live = new JsonObject();
            live.addProperty("live", true);
            return Reply.ok(live);
        }
        if (path.equals(List.of("ready"))) {
            return ready();
        }
        throw noSuchPath(call);
    }

    private Reply ready() {
        JsonArray list = new JsonArray();
        boolean ready = !deployments().all().isEmpty();
        for (Deployment d : deployments().all()) {
            RuntimeStatus.State state = d.control().status().state();
            ready &= state == RuntimeStatus.State.READY;
            list.add(check("deployment " + d.name(), state == RuntimeStatus.State.READY, state.name(), null));
        }
        HealthChecks felix = checks;
        if (felix != null) {
            for (HealthChecks.Outcome outcome : felix.run()) {
                ready &= outcome.ok();
                list.add(check(outcome.name(), outcome.ok(), outcome.status(), outcome.message()));
            }
        }
        JsonObject body = new JsonObject();
        body.addProperty("ready", ready);
        body.add("checks", list);
        return new Reply(ready ? 200 : 503, body);
    }

    private static JsonObject check(String name, boolean ok, String status, String message) {
        JsonObject check = new JsonObject();
        check.addProperty("name", name);
        check.addProperty("ok", ok);
        check.addProperty("status", status);
        check.addProperty("message", message);
        return check;
    }
}
