package io.dynofa.backend.cpu.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Whether ONNX Runtime works in this JVM: the shared environment (never closed here, it is a
 * process-wide singleton), its version, or why it is unusable.
 */
record OrtProbe(Optional<OrtEnvironment> environment, String version, Optional<String> unavailableReason) {

    static OrtProbe run() {
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            EnumSet<OrtProvider> providers = OrtEnvironment.getAvailableProviders();
            if (!providers.contains(OrtProvider.CPU)) {
                return unavailable("this ONNX Runtime build has no CPU execution provider (available: "
                    + providers + ")");
            }
            return new OrtProbe(Optional.of(environment), environment.getVersion(), Optional.empty());
        } catch (Exception | LinkageError e) {
            return unavailable("ONNX Runtime could not be initialised: " + e);
        }
    }

    static OrtProbe unavailable(String reason) {
        return new OrtProbe(Optional.empty(), packageVersion(), Optional.of(reason));
    }

    private static String packageVersion() {
        try {
            String version = OrtEnvironment.class.getPackage().getImplementationVersion();
            return version != null ? version : "(unknown version)";
        } catch (LinkageError e) {
            return "(unknown version)";
        }
    }
}
