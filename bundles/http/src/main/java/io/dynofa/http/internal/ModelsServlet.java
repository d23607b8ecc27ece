package io.dynofa.http.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import io.dynofa.inference.api.TensorSpec;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.util.Optional;
import javax.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The Open Inference Protocol's (KServe v2) model endpoints, a model being a deployment:
 * {@code GET /v2/models/{d}} (metadata), {@code GET /v2/models/{d}/ready} (200 READY, else 503) and
 * {@code POST /v2/models/{d}/infer} (JSON tensors), also under {@code /v2/models/{d}/versions/{family version}}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/v2/models/*")
@HttpWhiteboardServletName("dynofa-v2-models")
public final class ModelsServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;
    /** The output's name when the family does not declare one. */
    static final String DEFAULT_OUTPUT = "output";


    @Activate
    public ModelsServlet(@Reference HttpSettings settings, @Reference DeploymentDirectory deployments) {
        super(settings, deployments);
    }

    @Override
    Reply handle(Call call) throws HttpError {
        List<String> path = call.segments();
        if (path.isEmpty()) {
            throw noSuchPath(call);
        }
        Deployment d = deployments().require(path.get(0));
        List<String> rest = path.subList(1, path.size());
        if (rest.size() >= 2 && rest.get(0).equals("versions")) {
            String version = family(d).map(ModelFamily::version).orElse(null);
            if (!rest.get(1).equals(version)) {
                throw HttpError.notFound("deployment '" + d.name() + "' serves no version '" + rest.get(1) + "'"
                    + (version == null ? "" : " (it serves " + version + ")"));
            }
            rest = rest.subList(2, rest.size());
        }
        String action = rest.isEmpty() ? "" : String.join("/", rest);
        switch (action) {
            case "" -> {
                requireMethod(call, "GET");
                return Reply.ok(metadata(d));
            }
            case "ready" -> {
                requireMethod(call, "GET");
                boolean ready = d.control().status().state() == RuntimeStatus.State.READY;
                JsonObject body = new JsonObject();
                body.addProperty("name", d.name());
                body.addProperty("ready", ready);
                return new Reply(ready ? 200 : 503, body);
            }
            case "infer" -> {
                requireMethod(call, "POST");
                return Reply.ok(infer(d, call.jsonObject()));
            }
            default -> throw noSuchPath(call);
        }
    }

    private static void requireMethod(Call call, String method) throws HttpError {
        if (!call.method().equals(method)) {
            throw methodNotAllowed(call, method);
        }
    }

    private JsonObject metadata(Deployment d) throws HttpError {
        InputSpec spec = inputSpec(d);
        Optional<ModelFamily> family = family(d);
        JsonObject meta = new JsonObject();
        meta.addProperty("name", d.name());
        JsonArray versions = new JsonArray();
        family.ifPresent(f -> versions.add(f.version()));
        meta.add("versions", versions);
        meta.addProperty("platform", "dynofa");
        JsonArray inputs = new JsonArray();
        inputs.add(V2Tensors.metadata(spec.name(), spec.dtype(), spec.shape()));
        meta.add("inputs", inputs);
        JsonArray outputs = new JsonArray();
        family.flatMap(ModelFamily::output).ifPresent(o -> outputs.add(V2Tensors.metadata(o.name(), o.dtype(),
            o.shape())));
        meta.add("outputs", outputs);
        return meta;
    }

    private JsonElement infer(Deployment d, JsonObject request) throws HttpError {
        Tensor input = V2Tensors.input(request, inputSpec(d));
        InferenceResult result;
        try {
            result = d.inference().infer(input);
        } catch (InferenceException e) {
            throw HttpError.of(e);
        }
        String outputName = deployments().family(result.familyId()).flatMap(ModelFamily::output)
            .map(TensorSpec::name).orElse(DEFAULT_OUTPUT);
        JsonObject response = new JsonObject();
        response.addProperty("model_name", d.name());
        response.addProperty("model_version", deployments().family(result.familyId()).map(ModelFamily::version)
            .orElse(null));
        if (request.has("id")) {
            response.add("id", request.get("id"));
        }
        JsonArray outputs = new JsonArray();
        outputs.add(V2Tensors.output(outputName, result.output()));
        response.add("outputs", outputs);
        JsonObject parameters = new JsonObject();
        parameters.addProperty("family", result.familyId());
        parameters.addProperty("level", result.levelId());
        parameters.addProperty("backend", result.backendId());
        parameters.add("latency_ms", Json.number(result.latencyMillis()));
        response.add("parameters", parameters);
        return response;
    }

    private static InputSpec inputSpec(Deployment d) throws HttpError {
        return d.inference().inputSpec().orElseThrow(() -> new HttpError(503, "deployment '" + d.name()
            + "' has no active family yet (state " + d.control().status().state() + ")"));
    }

    private Optional<ModelFamily> family(Deployment d) {
        return deployments().family(d.control().status().familyId());
    }
}
