package io.dynofa.profiler.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/** What a profile records about the machine: host name, CPU model, ONNX Runtime version. */
final class HostInfo {
    private static final Pattern ORT = Pattern.compile("ONNX Runtime (\\d+\\.\\d+(?:\\.\\d+)?)");

    private HostInfo() {
    }

    static String host() {
        String name = firstLine(Path.of("/proc/sys/kernel/hostname"));
        if (name == null || name.isBlank()) {
            name = System.getenv("HOSTNAME");
        }
        if (name == null || name.isBlank()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "unknown";
            }
        }
        return name.trim();
    }

    /** The CPU model from {@code /proc/cpuinfo} and the number of logical CPUs. */
    static String cpuModel() {
        return cpuModel(Path.of("/proc/cpuinfo"), Runtime.getRuntime().availableProcessors());
    }

    static String cpuModel(Path cpuinfo, int cpus) {
        String model = null;
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                if (key.equals("model name") || key.equals("Model") || key.equals("Hardware")
                    || key.equals("cpu model")) {
                    model = line.substring(colon + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            model = null;
        }
        if (model == null || model.isEmpty()) {
            model = System.getProperty("os.arch");
        }
        return model + " (" + cpus + " logical CPU" + (cpus == 1 ? ")" : "s)");
    }

    /** From the backend's description ("ONNX Runtime 1.24.2 ..."), else the exported ai.onnxruntime package. */
    static String ortVersion(String backendDescription, BundleContext context) {
        Matcher m = ORT.matcher(backendDescription == null ? "" : backendDescription);
        if (m.find()) {
            return m.group(1);
        }
        if (context != null) {
            for (Bundle b : context.getBundles()) {
                BundleRevision revision = b.adapt(BundleRevision.class);
                if (revision == null) {
                    continue;
                }
                List<BundleCapability> packages = revision.getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE);
                for (BundleCapability c : packages) {
                    if ("ai.onnxruntime".equals(c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))) {
                        return String.valueOf(c.getAttributes().get("version"));
                    }
                }
            }
        }
        return "unknown";
    }

    private static String firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? null : lines.get(0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
