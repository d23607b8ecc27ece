package io.dynofa.http.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Base of the endpoints' servlets: every method (PATCH too) goes to {@link #handle}, whose reply or {@link HttpError}
 * is written as JSON; anything else thrown becomes a 500 with {@code {"error": ...}}, so nothing reaches the
 * container.
 */
abstract class JsonServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger(JsonServlet.class.getName());

    private final transient HttpSettings settings;
    private final transient DeploymentDirectory deployments;

    JsonServlet(HttpSettings settings, DeploymentDirectory deployments) {
        this.settings = settings;
        this.deployments = deployments;
    }

    /** The running deployments. */
    final DeploymentDirectory deployments() {
        return deployments;
    }

    /** A reply: its status and JSON body. */
    record Reply(int status, JsonElement body) {
        static Reply ok(JsonElement body) {
            return new Reply(200, body);
        }
    }

    /** Answers {@code call}, or throws the error to answer. */
    abstract Reply handle(Call call) throws HttpError;

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) {
        Reply reply;
        try {
            reply = handle(new Call(request, settings.config()));
        } catch (HttpError e) {
            e.headers().forEach(response::setHeader);
            reply = new Reply(e.status(), error(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "HTTP " + request.getMethod() + " " + request.getRequestURI() + " failed", e);
            reply = new Reply(500, error("internal error: " + e));
        }
        write(response, reply);
    }

    static HttpError methodNotAllowed(Call call, String allowed) {
        return new HttpError(405, "method " + call.method() + " not allowed here (allowed: " + allowed + ")",
            java.util.Map.of("Allow", allowed));
    }

    static HttpError noSuchPath(Call call) {
        return HttpError.notFound("no endpoint " + call.request().getRequestURI());
    }

    private static JsonObject error(String message) {
        JsonObject error = new JsonObject();
        error.addProperty("error", message);
        return error;
    }

    private static void write(HttpServletResponse response, Reply reply) {
        try {
            response.setStatus(reply.status());
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-store");
            try (Writer out = response.getWriter()) {
                Json.GSON.toJson(reply.body(), out);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.DEBUG, "HTTP reply not written (client gone?): " + e);
        }
    }
}
