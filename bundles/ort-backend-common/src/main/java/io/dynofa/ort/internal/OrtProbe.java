package io.dynofa.ort.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Whether ONNX Runtime works in this JVM with a given execution provider: the shared environment
 * (never closed here, it is a process-wide singleton), its version, or why it is unusable.
 */
public record OrtProbe(Optional<OrtEnvironment> environment, String version, Optional<String> unavailableReason) {

    /** ONNX Runtime with its CPU provider. */
    public static OrtProbe run() {
        return run(ExecutionProvider.CPU);
    }

    /**
     * ONNX Runtime with {@code provider}: usable only when appending it to a throwaway set of session
     * options succeeds (listing among the available providers is not enough).
     */
    public static OrtProbe run(ExecutionProvider provider) {
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            EnumSet<OrtProvider> providers = OrtEnvironment.getAvailableProviders();
            if (!providers.contains(OrtProvider.CPU)) {
                return unavailable("this ONNX Runtime build has no CPU execution provider (available: "
                    + providers + ")");
            }
            Optional<String> unusable = whyUnusable(provider);
            if (unusable.isPresent()) {
                return new OrtProbe(Optional.empty(), environment.getVersion(), unusable);
            }
            return new OrtProbe(Optional.of(environment), environment.getVersion(), Optional.empty());
        } catch (Exception | LinkageError e) {
            return unavailable("ONNX Runtime could not be initialised: " + e);
        }
    }

    /** Empty when {@code provider} can be appended to session options here; otherwise why not. */
    public static Optional<String> whyUnusable(ExecutionProvider provider) {
        try (SessionOptions options = new SessionOptions()) {
            provider.appendTo(options);
            return Optional.empty();
        } catch (Exception | LinkageError e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return Optional.of(provider.label() + " cannot be used: " + message.strip());
        }
    }

    public static OrtProbe unavailable(String reason) {
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
