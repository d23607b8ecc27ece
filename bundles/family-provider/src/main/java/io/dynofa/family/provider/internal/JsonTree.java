package io.dynofa.family.provider.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict RFC 8259 JSON (Gson's {@link JsonReader} in {@link Strictness#STRICT} mode) into a Gson tree, refusing
 * what a manifest must not contain: nesting deeper than {@value #MAX_DEPTH} levels, a member name twice in one
 * object, a number beyond the range of a double, content after the value. Numbers keep their text
 * ({@link BigDecimal}), so a free-form value prints back as written.
 */
final class JsonTree {
    static final int MAX_DEPTH = 256;

    /** How Gson places its messages: "DETAIL at line L column C path P", then optionally a help line. */
    private static final Pattern LOCATED = Pattern.compile("(.*) at line (\\d+) column (\\d+) path (\\S*).*",
        Pattern.DOTALL);
    private static final int MAX_PATH_CHARS = 120;
    private static final String GSON_STRICT_HINT = "Use JsonReader.setStrictness(Strictness.LENIENT) to accept "
        + "malformed JSON";

    private JsonTree() {
    }

    /**
     * @throws IllegalArgumentException for malformed or refused input, as
     *     "JSON error at line L, column C: DETAIL (at PATH)"
     */
    static JsonElement parse(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(MAX_DEPTH);
        try {
            JsonElement value = value(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw refused(reader, "unexpected content after the JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException(describe(e.getMessage()), e);
        }
    }

    private static JsonElement value(JsonReader reader) throws IOException {
        return switch (reader.peek()) {
            case BEGIN_OBJECT -> object(reader);
            case BEGIN_ARRAY -> array(reader);
            case STRING -> new JsonPrimitive(reader.nextString());
            case NUMBER -> number(reader);
            case BOOLEAN -> new JsonPrimitive(reader.nextBoolean());
            case NULL -> {
                reader.nextNull();
                yield JsonNull.INSTANCE;
            }
            default -> throw refused(reader, "expected a value");
        };
    }

    private static JsonObject object(JsonReader reader) throws IOException {
        JsonObject object = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (object.has(name)) {
                throw refused(reader, "duplicate member name \"" + name + "\"");
            }
            object.add(name, value(reader));
        }
        reader.endObject();
        return object;
    }

    private static JsonArray array(JsonReader reader) throws IOException {
        JsonArray array = new JsonArray();
        reader.beginArray();
        while (reader.hasNext()) {
            array.add(value(reader));
        }
        reader.endArray();
        return array;
    }

    private static JsonPrimitive number(JsonReader reader) throws IOException {
        String text = reader.nextString();
        try {
            if (Double.isFinite(Double.parseDouble(text))) {
                return new JsonPrimitive(new BigDecimal(text));
            }
        } catch (NumberFormatException e) {
            // an exponent beyond int range: out of range as well
        }
        throw refused(reader, "number " + text + " out of range");
    }

    /** Our own refusal, placed the way Gson places its own (its reader's description is "JsonReader at ..."). */
    private static MalformedJsonException refused(JsonReader reader, String detail) {
        String where = reader.toString();
        return new MalformedJsonException(detail + where.substring(where.indexOf(' ')));
    }

    private static String describe(String gsonMessage) {
        Matcher located = LOCATED.matcher(gsonMessage == null ? "" : gsonMessage);
        if (!located.matches()) {
            return "JSON error: " + gsonMessage;
        }
        String detail = located.group(1).equals(GSON_STRICT_HINT) ? "malformed JSON" : located.group(1);
        String path = located.group(4);
        return "JSON error at line " + located.group(2) + ", column " + located.group(3) + ": "
            + detail.substring(0, Math.min(1, detail.length())).toLowerCase(Locale.ROOT) + detail.substring(
            Math.min(1, detail.length())) + " (at " + (path.length() > MAX_PATH_CHARS
            ? path.substring(0, MAX_PATH_CHARS) + "..." : path) + ")";
    }
}
