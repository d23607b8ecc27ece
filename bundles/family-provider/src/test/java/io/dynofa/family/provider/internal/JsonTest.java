package io.dynofa.family.provider.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class JsonTest {

    @Test
    public void parsesScalars() {
        assertEquals(Boolean.TRUE, Json.parse("true"));
        assertEquals(Boolean.FALSE, Json.parse(" false "));
        assertNull(Json.parse("null"));
        assertEquals("x", Json.parse("\"x\""));
        assertEquals(0.0, Json.parse("0"));
        assertEquals(-12.0, Json.parse("-12"));
    }

    @Test
    public void parsesNumbersWithFractionsAndExponents() {
        assertEquals(0.00392156862745098, Json.parse("0.00392156862745098"));
        assertEquals(1.5e3, Json.parse("1.5e3"));
        assertEquals(2.5E-3, Json.parse("2.5E-3"));
        assertEquals(-1e+2, Json.parse("-1e+2"));
        assertEquals(9007199254740992.0, Json.parse("9007199254740992"));
    }

    @Test
    public void parsesEscapes() {
        assertEquals("a\"b\\c/d\b\f\n\r\t", Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\""));
        assertEquals("é€", Json.parse("\"\\u00e9\\u20AC\""));
        assertEquals("😀", Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("non-ASCII ok: ü", Json.parse("\"non-ASCII ok: ü\""));
    }

    @Test
    public void parsesNestedStructuresInOrder() {
        Object value = Json.parse("{\"b\": [1, {\"c\": []}, \"x\"], \"a\": {}, \"n\": null}");
        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals(Arrays.asList("b", "a", "n"), List.copyOf(map.keySet()));
        List<?> b = (List<?>) map.get("b");
        assertEquals(1.0, b.get(0));
        assertEquals(Map.of("c", List.of()), b.get(1));
        assertEquals("x", b.get(2));
        assertEquals(Map.of(), map.get("a"));
        assertTrue(map.containsKey("n"));
        assertNull(map.get("n"));
    }

    @Test
    public void resultIsUnmodifiable() {
        Map<?, ?> map = (Map<?, ?>) Json.parse("{\"a\": [1]}");
        assertThrows(UnsupportedOperationException.class, map::clear);
        assertThrows(UnsupportedOperationException.class, ((List<?>) map.get("a"))::clear);
    }

    @Test
    public void errorsNameLineAndColumn() {
        assertError("{\"a\": 1,\n  \"b\" 2}", "line 2, column 7: expected ':' but found '2'");
        assertError("[1, 2", "line 1, column 6: unexpected end of input, expected ']'");
        assertError("", "line 1, column 1: unexpected end of input, expected a value");
    }

    @Test
    public void rejectsWhatStrictJsonForbids() {
        assertError("[1, 2,]", "unexpected character ']'");
        assertError("{\"a\": 1,}", "expected a member name in double quotes");
        assertError("{a: 1}", "expected a member name in double quotes");
        assertError("01", "leading zeros are not allowed");
        assertError("1.", "expected a digit after the decimal point");
        assertError("1e", "expected a digit in the exponent");
        assertError("-", "expected a digit");
        assertError(".5", "unexpected character '.'");
        assertError("NaN", "unexpected character 'N'");
        assertError("tru", "invalid literal, expected 'true'");
        assertError("\"a\nb\"", "control character U+000A in string (must be escaped)");
        assertError("\"\\x\"", "invalid escape '\\x'");
        assertError("\"\\u12G4\"", "\\u must be followed by four hex digits");
        assertError("\"abc", "unterminated string");
        assertError("{} x", "line 1, column 4: unexpected content after the JSON value");
        assertError("{\"a\": 1, \"a\": 2}", "line 1, column 10: duplicate member name \"a\"");
        assertError("1e999", "number out of range");
        assertError("[".repeat(300), "nesting deeper than 256 levels");
    }

    private static void assertError(String json, String expectedMessagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(json));
        assertTrue(e.getMessage(), e.getMessage().startsWith("JSON error at line "));
        assertTrue(e.getMessage(), e.getMessage().contains(expectedMessagePart));
    }
}
