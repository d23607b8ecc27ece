package io.dynofa.soak.internal;

import java.util.List;
import java.util.Set;

/**
 * Which bundles a soak cycles: every Dynofa plug-in (backends, family provider, manager, monitors, policies,
 * demo, shell, profiler), or the ones named. Never the API bundle (every plug-in is wired to it), ONNX Runtime
 * (its native library loads into one class loader per JVM, so a second revision cannot load it), the soak
 * itself, nor the headless entry points (reporter, doctor, bench), which do nothing in a soak.
 */
final class PluginBundles {
    private static final String PROJECT = "io.dynofa.";
    private static final Set<String> NEVER = Set.of("io.dynofa.api", "io.dynofa.soak", "io.dynofa.reporter",
        "io.dynofa.doctor", "io.dynofa.bench");

    private PluginBundles() {
    }

    /** Whether the bundle named {@code symbolicName} is cycled, {@code chosen} being the names asked for. */
    static boolean cycled(String symbolicName, List<String> chosen) {
        if (symbolicName == null) {
            return false;
        }
        if (!chosen.isEmpty()) {
            return chosen.contains(symbolicName);
        }
        return symbolicName.startsWith(PROJECT) && !NEVER.contains(symbolicName)
            && !symbolicName.startsWith(PROJECT + "onnxruntime");
    }
}
