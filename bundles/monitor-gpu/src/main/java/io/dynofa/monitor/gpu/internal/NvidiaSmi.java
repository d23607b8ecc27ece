package io.dynofa.monitor.gpu.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs nvidia-smi once and returns its standard output lines. */
final class NvidiaSmi {
    private final String executable;
    private final long timeoutMs;

    NvidiaSmi(String executable, long timeoutMs) {
        this.executable = executable;
        this.timeoutMs = timeoutMs;
    }

    String executable() {
        return executable;
    }

    /** @throws IOException saying why when it cannot be started, times out or exits with an error */
    List<String> query() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(executable, "--query-gpu=" + NvidiaSmiOutput.QUERY,
            "--format=csv,noheader,nounits").redirectErrorStream(true).start();
        try (InputStream out = process.getInputStream()) {
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw new IOException(executable + " did not answer within " + timeoutMs + " ms");
            }
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(executable + " exited with " + process.exitValue() + ": " + text.strip());
            }
            return text.lines().toList();
        } finally {
            process.destroyForcibly();
        }
    }
}
