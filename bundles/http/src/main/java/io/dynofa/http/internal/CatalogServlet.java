package io.dynofa.http.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.dynofa.runtime.api.BackendInfo;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * What the gateway offers every deployment: {@code GET /dynofa/v1/policies} {@code [{"name","deployments"}]} (the
 * installed policies, each with the deployments using it) and {@code GET /dynofa/v1/backends}
 * {@code [{"id","description","usable","unavailableReason","deployments"}]} (the bound backends, each with the
 * deployments it serves).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/dynofa/v1/policies", "/dynofa/v1/backends"})
@HttpWhiteboardServletName("dynofa-catalog")
public final class CatalogServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;


    @Activate
    public CatalogServlet(@Reference HttpSettings settings, @Reference DeploymentDirectory deployments) {
        super(settings, deployments);
    }

    @Override
    Reply handle(Call call) throws HttpError {
        if (!call.method().equals("GET")) {
            throw methodNotAllowed(call, "GET");
        }
        return switch (call.request().getServletPath()) {
            case "/dynofa/v1/policies" -> Reply.ok(policies());
            case "/dynofa/v1/backends" -> Reply.ok(backends());
            default -> throw noSuchPath(call);
        };
    }

    private JsonArray policies() {
        Map<String, JsonArray> users = new TreeMap<>();
        for (Deployment d : deployments().all()) {
            d.control().policies().forEach(name -> users.computeIfAbsent(name, n -> new JsonArray()));
            String used = d.control().status().policy();
            if (used != null) {
                users.computeIfAbsent(used, n -> new JsonArray()).add(d.name());
            }
        }
        JsonArray list = new JsonArray();
        users.forEach((name, using) -> {
            JsonObject policy = new JsonObject();
            policy.addProperty("name", name);
            policy.add("deployments", using);
            list.add(policy);
        });
        return list;
    }

    private JsonArray backends() {
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        for (Deployment d : deployments().all()) {
            RuntimeStatus status = d.control().status();
            List<BackendInfo> backends = d.control().backends();
            for (BackendInfo b : backends) {
                JsonObject entry = byId.computeIfAbsent(b.id(), id -> {
                    JsonObject o = new JsonObject();
                    o.addProperty("id", id);
                    o.addProperty("description", b.description());
                    o.addProperty("usable", b.unavailableReason() == null);
                    o.addProperty("unavailableReason", b.unavailableReason());
                    o.add("deployments", new JsonArray());
                    return o;
                });
                if (b.id().equals(status.backendId())) {
                    entry.getAsJsonArray("deployments").add(d.name());
                }
            }
        }
        JsonArray list = new JsonArray();
        byId.values().forEach(list::add);
        return list;
    }
}
