package io.dynofa.family.provider.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class JsonWriterTest {

    @Test
    public void rendersCompactJsonThatParsesBackToTheSameValue() {
        String text = "{\"a\":[1,2.5,-3e-7,true,null],\"s\":\"q\\\"\\\\\\u0001é\",\"o\":{}}";
        Object value = Json.parse(text);
        String rendered = JsonWriter.compact(value);
        assertEquals("{\"a\":[1,2.5,-3.0E-7,true,null],\"s\":\"q\\\"\\\\\\u0001é\",\"o\":{}}", rendered);
        assertEquals(value, Json.parse(rendered));
    }
}
