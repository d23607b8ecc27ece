package io.dynofa.http.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** JSON in and out: strict parsing of request bodies (one value, no NaN, nesting bounded), compact writing. */
final class Json {
    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    /** Deepest nesting of arrays and objects a body may have. */
    static final int MAX_NESTING = 64;

    private Json() {
    }

    /** The single JSON value of {@code body}, or 400 naming what is wrong. */
    static JsonElement parse(byte[] body) throws HttpError {
        if (body.length == 0) {
            throw HttpError.badRequest("empty body: a JSON object is expected");
        }
        try (JsonReader reader = new JsonReader(new InputStreamReader(new ByteArrayInputStream(body),
            StandardCharsets.UTF_8))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(MAX_NESTING);
            JsonElement value = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw HttpError.badRequest("malformed JSON: more than one value in the body");
            }
            return value;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw HttpError.badRequest("malformed JSON: " + (e.getCause() != null ? e.getCause().getMessage()
                : e.getMessage()));
        }
    }

    /** A finite number, or JSON null (NaN and infinities have no JSON form). */
    static JsonElement number(double value) {
        return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
    }

    /** {@code value} as text for an error message, cut after 60 characters. */
    static String shortened(JsonElement value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
