package io.dynofa.bench.internal;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ReportJsonTest {

    @Test
    public void writesTheReportIndentedInItsOrderWithNullsAndArrays() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("medianUs", 12.5);
        inner.put("calls", 3);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mode", "quick \"q\" <a>");
        report.put("launchMs", null);
        report.put("keepWarm", true);
        report.put("overhead", inner);
        report.put("levels", List.of("a", "b"));
        report.put("logits", new float[] {0.5f, -1.25f});
        report.put("blockMediansUs", new double[] {1.5, 2});

        assertEquals("{\n  \"mode\": \"quick \\\"q\\\" <a>\",\n  \"launchMs\": null,\n  \"keepWarm\": true,\n"
            + "  \"overhead\": {\n    \"medianUs\": 12.5,\n    \"calls\": 3\n  },\n"
            + "  \"levels\": [\n    \"a\",\n    \"b\"\n  ],\n  \"logits\": [\n    0.5,\n    -1.25\n  ],\n"
            + "  \"blockMediansUs\": [\n    1.5,\n    2.0\n  ]\n}\n", ReportJson.write(report));
    }

    @Test
    public void aNumberThatIsNotFiniteIsWrittenAsNull() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("ratio", Double.NaN);
        report.put("max", Float.POSITIVE_INFINITY);
        report.put("list", Arrays.asList(1.0, Double.NEGATIVE_INFINITY));
        report.put("array", new double[] {Double.NaN});

        assertEquals("{\n  \"ratio\": null,\n  \"max\": null,\n  \"list\": [\n    1.0,\n    null\n  ],\n"
            + "  \"array\": [\n    null\n  ]\n}\n", ReportJson.write(report));
    }
}
