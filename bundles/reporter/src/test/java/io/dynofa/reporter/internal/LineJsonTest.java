package io.dynofa.reporter.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.google.gson.JsonObject;
import org.junit.Test;

public class LineJsonTest {

    @Test
    public void roundsHalfUpAndKeepsAtLeastOneDecimalWithoutAnExponent() {
        JsonObject line = new JsonObject();
        line.addProperty("t", LineJson.rounded(1.04, 1));
        line.addProperty("ms", LineJson.rounded(0.41249, 3));
        line.addProperty("whole", LineJson.rounded(2.0, 3));
        line.addProperty("up", LineJson.rounded(0.0005, 3));
        line.addProperty("neg", LineJson.rounded(-1.25, 1));
        line.addProperty("big", LineJson.rounded(1.0e7, 1));
        line.addProperty("small", LineJson.rounded(0.0001, 4));
        line.addProperty("frames", 123L);

        assertEquals("{\"t\":1.0,\"ms\":0.412,\"whole\":2.0,\"up\":0.001,\"neg\":-1.3,\"big\":10000000.0,"
            + "\"small\":0.0001,\"frames\":123}", LineJson.text(line));
    }

    @Test
    public void aMissingOrNonFiniteNumberIsWrittenAsNull() {
        assertNull(LineJson.rounded(null, 3));
        assertNull(LineJson.rounded(Double.NaN, 3));
        assertNull(LineJson.rounded(Double.NEGATIVE_INFINITY, 1));
        JsonObject line = new JsonObject();
        line.addProperty("missing", LineJson.rounded(null, 3));
        line.addProperty("s", (String) null);

        assertEquals("{\"missing\":null,\"s\":null}", LineJson.text(line));
    }
}
