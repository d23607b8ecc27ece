package io.dynofa.http.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.servlet.http.HttpServletRequest;

/**
 * One request as the handlers see it: its method, the path segments after the servlet's pattern, and its body read
 * within {@link HttpConfig#maxBodyBytes()}.
 */
final class Call {
    private static final int CHUNK = 64 * 1024;

    private final HttpServletRequest request;
    private final HttpConfig config;
    private final List<String> segments;

    Call(HttpServletRequest request, HttpConfig config) {
        this.request = request;
        this.config = config;
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        this.segments = Stream.of(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    /** The path after the servlet's pattern, split at '/', without empty segments. */
    List<String> segments() {
        return segments;
    }

    HttpServletRequest request() {
        return request;
    }

    HttpConfig config() {
        return config;
    }

    /** The media type of the body, lower case, without parameters; empty when none is given. */
    String mediaType() {
        String type = request.getContentType();
        return type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** The body, at most {@link HttpConfig#maxBodyBytes()}: a longer one (declared or sent) is refused with 413. */
    byte[] body() throws HttpError {
        int max = config.maxBodyBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            throw tooLarge(declared + " bytes", max);
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 0), CHUNK));
            byte[] chunk = new byte[CHUNK];
            for (int n; (n = in.read(chunk, 0, (int) Math.min(CHUNK, max + 1L - out.size()))) > 0; ) {
                out.write(chunk, 0, n);
                if (out.size() > max) {
                    throw tooLarge("more than " + max + " bytes", max);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw HttpError.badRequest("cannot read the request body: " + e.getMessage());
        }
    }

    /** The body as a JSON object, parsed strictly. */
    JsonObject jsonObject() throws HttpError {
        if (!mediaType().isEmpty() && !mediaType().equals("application/json")) {
            throw new HttpError(415, "content type '" + mediaType() + "' not accepted: send application/json");
        }
        JsonElement json = Json.parse(body());
        if (!json.isJsonObject()) {
            throw HttpError.badRequest("the body must be a JSON object");
        }
        return json.getAsJsonObject();
    }

    /** 413, closing the connection: the rest of the body is not read. */
    private static HttpError tooLarge(String size, int max) {
        return new HttpError(413, "request body of " + size + " refused: at most " + max + " bytes are read"
            + " (maxBodyBytes of " + HttpSettings.PID + ")", Map.of("Connection", "close"));
    }
}
