package io.dynofa.soak.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

public class PluginBundlesTest {
    private static final List<String> INSTALLED = List.of("io.dynofa.api", "io.dynofa.backend.cpu",
        "io.dynofa.demo", "io.dynofa.doctor", "io.dynofa.family.provider", "io.dynofa.manager",
        "io.dynofa.monitor.cpu", "io.dynofa.onnxruntime", "io.dynofa.onnxruntime.gpu", "io.dynofa.policy.step",
        "io.dynofa.profiler", "io.dynofa.reporter", "io.dynofa.shell", "io.dynofa.soak",
        "org.apache.felix.scr", "com.google.gson");

    private static List<String> cycled(List<String> chosen) {
        return Stream.concat(INSTALLED.stream(), Stream.of((String) null))
            .filter(b -> PluginBundles.cycled(b, chosen)).toList();
    }

    @Test
    public void cyclesEveryPluginButTheApiOnnxRuntimeTheSoakAndTheHeadlessEntryPoints() {
        assertEquals(List.of("io.dynofa.backend.cpu", "io.dynofa.demo", "io.dynofa.family.provider",
            "io.dynofa.manager", "io.dynofa.monitor.cpu", "io.dynofa.policy.step", "io.dynofa.profiler",
            "io.dynofa.shell"), cycled(List.of()));
    }

    @Test
    public void cyclesOnlyTheBundlesNamed() {
        assertEquals(List.of("io.dynofa.demo", "org.apache.felix.scr"),
            cycled(List.of("org.apache.felix.scr", "io.dynofa.demo", "not.installed")));
    }
}
