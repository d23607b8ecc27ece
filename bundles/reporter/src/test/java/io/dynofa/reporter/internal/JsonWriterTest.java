package io.dynofa.reporter.internal;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class JsonWriterTest {

    @Test
    public void escapesQuotesBackslashesAndControlCharacters() {
        String json = new JsonWriter().string("k\"ey", "a\"b\\c\nd\re\tf\bg\fh\u0001i\u2028j é").toString();

        assertEquals("{\"k\\\"ey\":\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u2028j é\"}", json);
    }

    @Test
    public void writesNullsForMissingValuesAndNonFiniteNumbers() {
        String json = new JsonWriter().string("s", null).number("missing", null, 3).number("nan", Double.NaN, 3)
            .number("inf", Double.NEGATIVE_INFINITY, 1).integer("n", null).toString();

        assertEquals("{\"s\":null,\"missing\":null,\"nan\":null,\"inf\":null,\"n\":null}", json);
    }

    @Test
    public void roundsNumbersAndKeepsAtLeastOneDecimal() {
        String json = new JsonWriter().number("t", 1.04, 1).number("ms", 0.41249, 3).number("whole", 2.0, 3)
            .number("up", 0.0005, 3).number("neg", -1.25, 1).number("big", 1.0e7, 1).integer("frames", 123L)
            .toString();

        assertEquals("{\"t\":1.0,\"ms\":0.412,\"whole\":2.0,\"up\":0.001,\"neg\":-1.3,\"big\":10000000.0,"
            + "\"frames\":123}", json);
    }

    @Test
    public void writesArraysOfStringsAndObjectsOfCountsInTheirOrder() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("NOT_READY", 3L);
        counts.put("OVER\"LOADED", 12L);
        String json = new JsonWriter().strings("problems", Arrays.asList("a \"quoted\" one", null))
            .strings("none", List.of()).strings("absent", null).counts("rejected", counts)
            .counts("empty", Map.of()).counts("missing", null).toString();

        assertEquals("{\"problems\":[\"a \\\"quoted\\\" one\",null],\"none\":[],\"absent\":null,"
            + "\"rejected\":{\"NOT_READY\":3,\"OVER\\\"LOADED\":12},\"empty\":{},\"missing\":null}", json);
    }

    @Test
    public void anEmptyObjectIsBraces() {
        assertEquals("{}", new JsonWriter().toString());
    }
}
