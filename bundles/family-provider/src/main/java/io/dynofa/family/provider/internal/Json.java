package io.dynofa.family.provider.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON parser. Objects become unmodifiable, insertion-ordered
 * {@code Map<String, Object>}, arrays unmodifiable {@code List<Object>}, numbers {@code Double},
 * plus {@code String}, {@code Boolean} and {@code null}. Malformed input (including duplicate
 * member names and trailing content) fails with an {@link IllegalArgumentException} naming line and
 * column.
 */
public final class Json {
    private static final int MAX_DEPTH = 256;

    private final JsonLexer lexer;
    private int depth;

    private Json(String text) {
        this.lexer = new JsonLexer(text);
    }

    public static Object parse(String text) {
        Json parser = new Json(text);
        Object value = parser.value();
        parser.lexer.skipWhitespace();
        if (!parser.lexer.atEnd()) {
            throw parser.lexer.error("unexpected content after the JSON value");
        }
        return value;
    }

    private Object value() {
        lexer.skipWhitespace();
        char c = lexer.peek();
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> lexer.string();
            case 't' -> lexer.literal("true", Boolean.TRUE);
            case 'f' -> lexer.literal("false", Boolean.FALSE);
            case 'n' -> lexer.literal("null", null);
            default -> {
                if (c == '-' || JsonLexer.isDigit(c)) {
                    yield lexer.number();
                }
                throw lexer.error(lexer.atEnd() ? "unexpected end of input, expected a value"
                    : "unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> object() {
        enter('{');
        Map<String, Object> map = new LinkedHashMap<>();
        if (!lexer.skipIf('}')) {
            do {
                lexer.skipWhitespace();
                if (lexer.peek() != '"') {
                    throw lexer.error("expected a member name in double quotes");
                }
                int keyPosition = lexer.position();
                String key = lexer.string();
                if (map.containsKey(key)) {
                    throw lexer.errorAt(keyPosition, "duplicate member name \"" + key + "\"");
                }
                lexer.skipWhitespace();
                lexer.expect(':');
                map.put(key, value());
                lexer.skipWhitespace();
            } while (lexer.skipIf(','));
            lexer.expect('}');
        }
        depth--;
        return Collections.unmodifiableMap(map);
    }

    private List<Object> array() {
        enter('[');
        List<Object> list = new ArrayList<>();
        if (!lexer.skipIf(']')) {
            do {
                list.add(value());
                lexer.skipWhitespace();
            } while (lexer.skipIf(','));
            lexer.expect(']');
        }
        depth--;
        return Collections.unmodifiableList(list);
    }

    private void enter(char open) {
        if (++depth > MAX_DEPTH) {
            throw lexer.error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        lexer.expect(open);
        lexer.skipWhitespace();
    }
}
