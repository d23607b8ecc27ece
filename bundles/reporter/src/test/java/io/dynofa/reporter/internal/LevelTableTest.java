package io.dynofa.reporter.internal;

import static org.junit.Assert.assertEquals;

import io.dynofa.policy.api.Level;
import java.util.List;
import org.junit.Test;

public class LevelTableTest {

    @Test
    public void writesEveryLevelFastestFirst() {
        String json = LevelTable.of("fam\"ily", "cpu",
            List.of(new Level(0, "a", 80.5, 0.12345), new Level(1, "b", 90, 0.5)));
        assertEquals("{\"family\":\"fam\\\"ily\",\"backend\":\"cpu\",\"levels\":[{\"id\":\"a\",\"top1\":80.5,"
            + "\"latencyMs\":0.1235},{\"id\":\"b\",\"top1\":90.0,\"latencyMs\":0.5}]}", json);
    }

    @Test
    public void aMissingFamilyOrBackendIsNull() {
        assertEquals("{\"family\":null,\"backend\":null,\"levels\":[]}", LevelTable.of(null, null, List.of()));
        assertEquals("{\"deployment\":\"cam\",\"family\":null,\"backend\":null,\"levels\":[]}",
            LevelTable.of("cam", null, null, List.of()));
    }
}
