package io.dynofa.http.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class JsonTest {

    @Test
    public void parsesOneStrictValue() throws HttpError {
        assertEquals(2, Json.parse(bytes("{\"a\": [1, 2]}")).getAsJsonObject().getAsJsonArray("a").size());
    }

    @Test
    public void refusesLenientTrailingEmptyAndDeepInput() {
        for (String bad : new String[] {"", "{a: 1}", "{\"a\": NaN}", "{\"a\": 1} {}", "{\"a\": 'x'}", "[1,]",
            "[".repeat(Json.MAX_NESTING + 1) + "]".repeat(Json.MAX_NESTING + 1), "\u0000"}) {
            HttpError e = assertThrows(bad, HttpError.class, () -> Json.parse(bytes(bad)));
            assertEquals(400, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains("JSON"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
