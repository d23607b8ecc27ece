package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Calls to the gateway's HTTP endpoints (bundles/http) from an IT, with {@link HttpClient}: the answer's status and
 * JSON body. The IT gives Felix HTTP a port free when its options are made ({@link #felixHttp()}, outside the
 * framework); inside, the calls go to the port the HTTP service runtime announces.
 */
final class HttpCalls {
    private final URI base;

    private HttpCalls(URI base) {
        this.base = base;
    }

    /** Calls to the endpoint the HTTP service runtime announces ({@code osgi.http.endpoint}), once they answer. */
    static HttpCalls of(BundleContext context) {
        return onPort(endpoint(context).getPort());
    }

    /** Calls to {@code port} of the loopback address, once the endpoints answer there. */
    static HttpCalls onPort(int port) {
        HttpCalls calls = new HttpCalls(URI.create("http://127.0.0.1:" + port));
        await("the HTTP endpoints serving at " + calls.base).ignoreExceptions()
            .until(() -> calls.get("/v2/health/live").status() == 200);
        return calls;
    }

    /** The endpoint the HTTP service runtime announces ({@code osgi.http.endpoint}), on the loopback address. */
    static URI endpoint(BundleContext context) {
        ServiceReference<?> runtime = await("the HTTP service runtime").until(() -> httpRuntime(context),
            r -> r != null);
        Object endpoints = runtime.getProperty("osgi.http.endpoint");
        String first = endpoints instanceof String[] all && all.length > 0 ? all[0]
            : endpoints instanceof Collection<?> all && !all.isEmpty() ? all.iterator().next().toString()
            : endpoints instanceof String one ? one : null;
        if (first == null) {
            throw new AssertionError("no osgi.http.endpoint on the HTTP service runtime");
        }
        return URI.create("http://127.0.0.1:" + URI.create(first).getPort() + "/");
    }

    private static ServiceReference<?> httpRuntime(BundleContext context) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getAllServiceReferences("org.osgi.service.http.runtime.HttpServiceRuntime",
            null);
        return refs == null || refs.length == 0 ? null : refs[0];
    }

    /** An answer: status, headers and the body parsed as JSON. */
    record Reply(int status, JsonElement json, HttpResponse<String> response) {
        JsonObject object() {
            return json.getAsJsonObject();
        }

        JsonArray array() {
            return json.getAsJsonArray();
        }

        String error() {
            return object().get("error").getAsString();
        }

        /** Asserts an error answer: {@code status} and an error message holding {@code inError}. */
        void assertError(int status, String inError) {
            assertEquals(toString(), status, status());
            assertTrue(toString(), error().contains(inError));
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }

    /** The gateway's modules and the HTTP endpoints. */
    static List<String> gatewayWithHttp() {
        List<String> modules = new ArrayList<>(GatewayIT.GATEWAY);
        modules.add("http");
        return modules;
    }

    /**
     * The configurations of an IT over HTTP: Felix HTTP (PID {@code org.apache.felix.http}) on a free port of the
     * loopback address, and {@code io.dynofa.http} with {@code http} (none when empty).
     */
    static Map<String, Map<String, String>> configurations(Map<String, String> http) {
        Map<String, Map<String, String>> configurations = new LinkedHashMap<>();
        configurations.put("org.apache.felix.http", Map.of("org.osgi.service.http.port", String.valueOf(freePort()),
            "org.apache.felix.http.host", "127.0.0.1"));
        if (!http.isEmpty()) {
            configurations.put("io.dynofa.http", http);
        }
        return configurations;
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply json(String method, String path, String json, String... headers) {
        return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** {@code method path} with {@code body} (none when null) of {@code contentType}, and headers as name, value. */
    Reply send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/json")) {
                throw new AssertionError(method + " " + path + ": content type '" + type + "', not JSON: "
                    + response.statusCode() + " " + response.body());
            }
            return new Reply(response.statusCode(), JsonParser.parseString(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client of its own for each call: a connection the server closed (after a 413, say) is never reused. */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
            .build();
    }

    /** A port of the loopback address free now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
