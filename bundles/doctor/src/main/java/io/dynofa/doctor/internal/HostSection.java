package io.dynofa.doctor.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.dynofa.ort.internal.CudaProvider;
import io.dynofa.ort.internal.ExecutionProvider;
import io.dynofa.ort.internal.OrtProbe;
import java.util.EnumSet;
import java.util.Optional;

/** Java, the OS and ONNX Runtime: whether its natives load and which execution providers really work. */
final class HostSection {

    private HostSection() {
    }

    static void write(Report report) {
        report.section("Java and host")
            .line("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") at "
                + System.getProperty("java.home"))
            .line(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        report.section("ONNX Runtime");
        OrtProbe probe = OrtProbe.run();
        if (probe.environment().isEmpty()) {
            report.line("natives: NOT loaded: " + probe.unavailableReason().orElse("unknown reason"));
            return;
        }
        report.line("version " + probe.version() + ", natives loaded");
        EnumSet<OrtProvider> providers = OrtEnvironment.getAvailableProviders();
        report.line("execution providers this build lists: " + providers);
        for (OrtProvider provider : providers) {
            report.line(provider + ": " + usability(provider));
        }
        if (!providers.contains(OrtProvider.CUDA)) {
            report.line("CUDA: not in this ONNX Runtime build (the GPU runnable has it: ./dynofa doctor --gpu)");
        }
    }

    /** Whether a listed provider can be appended to session options here, with the reason when not. */
    static String usability(OrtProvider provider) {
        Optional<ExecutionProvider> tried = switch (provider) {
            case CPU -> Optional.of(ExecutionProvider.CPU);
            case CUDA -> Optional.of(new CudaProvider(0));
            default -> Optional.empty();
        };
        if (tried.isEmpty()) {
            return "not used by Dynofa (not tried)";
        }
        return OrtProbe.whyUnusable(tried.get()).map(reason -> "unavailable: " + reason).orElse("usable");
    }
}
