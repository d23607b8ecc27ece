package io.dynofa.family.provider.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.Test;

public class JsonTreeTest {

    @Test
    public void parsesScalars() {
        assertTrue(JsonTree.parse("true").getAsBoolean());
        assertEquals(false, JsonTree.parse(" false ").getAsBoolean());
        assertEquals(JsonNull.INSTANCE, JsonTree.parse("null"));
        assertEquals("x", JsonTree.parse("\"x\"").getAsString());
        assertEquals(0.0, JsonTree.parse("0").getAsDouble(), 0);
        assertEquals(-12.0, JsonTree.parse("-12").getAsDouble(), 0);
    }

    @Test
    public void parsesNumbersWithFractionsAndExponentsKeepingTheirText() {
        assertEquals(0.00392156862745098, JsonTree.parse("0.00392156862745098").getAsDouble(), 0);
        assertEquals(1.5e3, JsonTree.parse("1.5e3").getAsDouble(), 0);
        assertEquals(2.5E-3, JsonTree.parse("2.5E-3").getAsDouble(), 0);
        assertEquals(-1e+2, JsonTree.parse("-1e+2").getAsDouble(), 0);
        assertEquals(9007199254740992.0, JsonTree.parse("9007199254740992").getAsDouble(), 0);
        assertEquals("[1,2.5,-3E-7]", JsonTree.parse("[1, 2.5, -3e-7]").toString());
    }

    @Test
    public void parsesEscapes() {
        assertEquals("a\"b\\c/d\b\f\n\r\t", JsonTree.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"").getAsString());
        assertEquals("é€", JsonTree.parse("\"\\u00e9\\u20AC\"").getAsString());
        assertEquals("😀", JsonTree.parse("\"\\ud83d\\ude00\"").getAsString());
        assertEquals("non-ASCII ok: ü", JsonTree.parse("\"non-ASCII ok: ü\"").getAsString());
    }

    @Test
    public void parsesNestedStructuresInOrder() {
        JsonObject map = JsonTree.parse("{\"b\": [1, {\"c\": []}, \"x\"], \"a\": {}, \"n\": null}").getAsJsonObject();
        assertEquals(List.of("b", "a", "n"), List.copyOf(map.keySet()));
        assertEquals("[1,{\"c\":[]},\"x\"]", map.get("b").toString());
        assertEquals(new JsonObject(), map.get("a"));
        assertEquals(JsonNull.INSTANCE, map.get("n"));
    }

    @Test
    public void errorsNameLineColumnAndPath() {
        assertError("{\"a\": 1,\n  \"b\" 2}", "JSON error at line 2, column 8: expected ':' (at $.b)");
        assertError("[1, 2", "JSON error at line 1, column 6: end of input (at $[2])");
        assertError("", "JSON error at line 1, column 1: end of input (at $)");
    }

    @Test
    public void rejectsWhatStrictJsonForbids() {
        for (String malformed : List.of("[1, 2,]", "{a: 1}", "01", "1.", "1e", "-", ".5", "NaN", "tru", "'a'",
            "// comment\n1", "{\"a\"=1}", "[1;2]", "{} x")) {
            assertError(malformed, "malformed JSON");
        }
        assertError("{\"a\": 1,}", "expected name");
        assertError("\"a\nb\"", "unescaped control characters");
        assertError("\"\\x\"", "invalid escape sequence");
        assertError("\"\\u12G4\"", "malformed Unicode escape");
        assertError("\"abc", "unterminated string");
    }

    @Test
    public void refusesDuplicateNamesHugeNumbersAndDeepNesting() {
        assertError("{\"a\": 1, \"a\": 2}", "line 1, column 13: duplicate member name \"a\" (at $.a)");
        assertError("{\"a\": {\"b\": [1e999]}}", "number 1e999 out of range (at $.a.b[1])");
        assertError("[1e99999999999]", "number 1e99999999999 out of range");
        assertError("[".repeat(300), "nesting limit 256 reached");
        JsonElement deepest = JsonTree.parse("[".repeat(JsonTree.MAX_DEPTH) + "]".repeat(JsonTree.MAX_DEPTH));
        assertTrue(deepest.isJsonArray());
    }

    @Test
    public void aVeryDeepPathIsShortenedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> JsonTree.parse("[".repeat(300)));
        assertTrue(e.getMessage(), e.getMessage().length() < 250);
    }

    private static void assertError(String json, String expectedMessagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonTree.parse(json));
        assertTrue(e.getMessage(), e.getMessage().startsWith("JSON error at line "));
        assertTrue(e.getMessage(), e.getMessage().contains(expectedMessagePart));
    }
}
