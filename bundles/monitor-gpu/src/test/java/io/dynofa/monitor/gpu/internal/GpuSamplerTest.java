package io.dynofa.monitor.gpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.monitor.common.internal.Reading;
import io.dynofa.monitor.common.internal.Sampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class GpuSamplerTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private Path script(String body) throws IOException {
        Path file = folder.newFile("fake-nvidia-smi").toPath();
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private static Reading sample(String executable) {
        Sampler sampler = new Sampler(new GpuSource(new NvidiaSmi(executable, 2000)));
        sampler.sample();
        return sampler.latest();
    }

    @Test
    public void missingNvidiaSmiMakesTheMonitorUnavailableSayingWhy() {
        Reading reading = sample("/nonexistent/nvidia-smi");
        assertEquals(Map.of(), reading.metrics());
        String reason = reading.unavailableReason().orElseThrow();
        assertTrue(reason, reason.startsWith("/nonexistent/nvidia-smi failed: "));
    }

    @Test
    public void aFailingNvidiaSmiMakesTheMonitorUnavailableWithItsMessage() throws IOException {
        Path smi = script("echo \"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\"; exit 9");
        String reason = sample(smi.toString()).unavailableReason().orElseThrow();
        assertTrue(reason, reason.contains("exited with 9: NVIDIA-SMI has failed"));
    }

    @Test
    public void aWorkingNvidiaSmiIsReadWithTheQueryArguments() throws IOException {
        Path smi = script("[ \"$1\" = \"--query-gpu=" + NvidiaSmiOutput.QUERY + "\" ] && "
            + "[ \"$2\" = \"--format=csv,noheader,nounits\" ] && echo '12, 300, 4096, 47' || exit 3");
        Reading reading = sample(smi.toString());
        assertEquals(Optional.empty(), reading.unavailableReason());
        assertEquals(0.12, reading.metrics().get("gpu.utilization"), 1e-9);
        assertEquals(47, reading.metrics().get("gpu.temperature.c"), 0);
    }
}
