package io.dynofa.itests;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One page of a browser driven over the Chrome DevTools protocol with {@link java.net.http.WebSocket}: commands
 * ({@code {"id","method","params"}}) answered by their id; events are ignored. No Selenium, no driver binary.
 */
final class DevToolsSession implements AutoCloseable {
    private static final Duration ANSWER = GatewayIT.PATIENCE;

    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private DevToolsSession(URI page) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(ANSWER)
            .buildAsync(page, new Frames()).join();
    }

    /** A session on the page target whose debugger WebSocket is {@code page}. */
    static DevToolsSession open(URI page) {
        return new DevToolsSession(page);
    }

    /** Runs {@code method} and answers its result; a protocol error fails the test with the browser's message. */
    JsonObject send(String method, JsonObject params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        JsonObject command = new JsonObject();
        command.addProperty("id", id);
        command.addProperty("method", method);
        command.add("params", params);
        socket.sendText(command.toString(), true).join();
        JsonObject reply;
        try {
            reply = answer.get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("no answer to " + method + " from the browser", e);
        } finally {
            pending.remove(id);
        }
        if (reply.has("error")) {
            throw new AssertionError(method + " failed: " + reply.get("error"));
        }
        return reply.getAsJsonObject("result");
    }

    /** Opens {@code url} in the page. */
    void navigate(String url) {
        JsonObject params = new JsonObject();
        params.addProperty("url", url);
        JsonObject result = send("Page.navigate", params);
        if (result.has("errorText")) {
            throw new AssertionError("cannot open " + url + ": " + result.get("errorText"));
        }
    }

    /**
     * The value of the JavaScript {@code expression} in the page (awaited when it is a promise, returned by
     * value); an exception thrown in the page fails the test with its description.
     */
    JsonElement evaluate(String expression) {
        JsonObject params = new JsonObject();
        params.addProperty("expression", expression);
        params.addProperty("returnByValue", true);
        params.addProperty("awaitPromise", true);
        JsonObject result = send("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            JsonObject details = result.getAsJsonObject("exceptionDetails");
            JsonElement description = details.has("exception")
                ? details.getAsJsonObject("exception").get("description") : details.get("text");
            throw new AssertionError("the page threw on '" + expression + "': " + description);
        }
        JsonElement value = result.getAsJsonObject("result").get("value");
        return value == null ? JsonNull.INSTANCE : value;
    }

    @Override
    public void close() {
        socket.abort();
        pending.values().forEach(answer -> answer.completeExceptionally(new IllegalStateException("closed")));
    }

    /** Collects each message's fragments and completes the command it answers. */
    private final class Frames implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                JsonObject reply = JsonParser.parseString(message.toString()).getAsJsonObject();
                message.setLength(0);
                if (reply.has("id")) {
                    CompletableFuture<JsonObject> answer = pending.get(reply.get("id").getAsInt());
                    if (answer != null) {
                        answer.complete(reply);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(answer -> answer.completeExceptionally(error));
        }
    }
}
