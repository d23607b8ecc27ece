package io.dynofa.soak.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class SoakSettingsTest {
    private final Map<String, String> props = new HashMap<>(Map.of(SoakSettings.OUT, "/tmp/soak"));

    private String refusal() {
        return assertThrows(IllegalArgumentException.class, () -> SoakSettings.from(props::get)).getMessage();
    }

    @Test
    public void defaultsToAHundredCyclesOfEveryPlugin() {
        SoakSettings s = SoakSettings.from(props::get);

        assertEquals(new SoakSettings(Path.of("/tmp/soak"), "soak", 100, Duration.ofMillis(500), 200,
            Duration.ofSeconds(60), List.of()), s);
    }

    @Test
    public void readsEverySetting() {
        props.putAll(Map.of("dynofa.soak.name", "soak-quick", "dynofa.soak.cycles", "3", "dynofa.soak.dwellMs",
            "100", "dynofa.soak.rate", "50", "dynofa.soak.readyTimeoutMs", "5000",
            "dynofa.soak.bundles", " io.dynofa.demo , io.dynofa.manager,"));

        assertEquals(new SoakSettings(Path.of("/tmp/soak"), "soak-quick", 3, Duration.ofMillis(100), 50,
            Duration.ofSeconds(5), List.of("io.dynofa.demo", "io.dynofa.manager")), SoakSettings.from(props::get));
    }

    @Test
    public void refusesAValueOutOfItsBoundsOrNotANumberNamingIt() {
        props.put("dynofa.soak.cycles", "0");
        assertEquals("dynofa.soak.cycles must be within 1..100000, got 0", refusal());
        props.put("dynofa.soak.cycles", "9223372036854775808");
        assertEquals("dynofa.soak.cycles must be a whole number, got '9223372036854775808'", refusal());
        props.put("dynofa.soak.cycles", "2");
        props.put("dynofa.soak.rate", "1e3");
        assertEquals("dynofa.soak.rate must be a whole number, got '1e3'", refusal());
        props.put("dynofa.soak.rate", "10");
        props.put("dynofa.soak.name", "../x");
        assertEquals("dynofa.soak.name must be 1 to 64 of A-Z a-z 0-9 . _ -, got '../x'", refusal());
        props.remove(SoakSettings.OUT);
        assertEquals(SoakSettings.OUT + " is not set", refusal());
    }
}
