package io.dynofa.http.internal;

import io.dynofa.inference.api.InferenceException;
import java.util.Map;

/**
 * A request the endpoints answer with an error status and {@code {"error": message}}: thrown by the handlers,
 * written by {@link JsonServlet}.
 */
final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers;

    HttpError(int status, String message) {
        this(status, message, Map.of());
    }

    HttpError(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    /**
     * The status a refused or failed inference answers: 400 for the caller's input, 429 when admission control
     * refused it as overloaded, 503 when nothing serves yet or its deadline passed before it started, 500 when the
     * backend failed.
     */
    static HttpError of(InferenceException e) {
        int status = switch (e.reason()) {
            case INVALID_INPUT -> 400;
            case OVERLOADED -> 429;
            case NOT_READY, DEADLINE_EXCEEDED -> 503;
            case BACKEND_FAILURE -> 500;
        };
        return new HttpError(status, e.getMessage());
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }
}
