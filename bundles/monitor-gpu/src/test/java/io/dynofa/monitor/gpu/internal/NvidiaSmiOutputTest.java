package io.dynofa.monitor.gpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class NvidiaSmiOutputTest {

    @Test
    public void oneGpu() {
        Map<String, Double> m = NvidiaSmiOutput.parse(List.of("37, 1024, 8192, 54"));
        assertEquals(0.37, m.get("gpu.utilization"), 1e-9);
        assertEquals(1024, m.get("gpu.memory.used.mib"), 0);
        assertEquals(8192, m.get("gpu.memory.total.mib"), 0);
        assertEquals(54, m.get("gpu.temperature.c"), 0);
        assertEquals(0.37, m.get("gpu.0.utilization"), 1e-9);
        assertEquals(1, m.get("gpu.count"), 0);
    }

    @Test
    public void everyGpuIsIndexedAndTheFirstIsTheDefault() {
        Map<String, Double> m = NvidiaSmiOutput.parse(List.of("0, 10, 100, 30", "100, 20, 200, 80", ""));
        assertEquals(0.0, m.get("gpu.utilization"), 0);
        assertEquals(1.0, m.get("gpu.1.utilization"), 0);
        assertEquals(80, m.get("gpu.1.temperature.c"), 0);
        assertEquals(2, m.get("gpu.count"), 0);
    }

    @Test
    public void unsupportedFieldsAreLeftOut() {
        // Jetson and some boards report what they cannot measure as [N/A] or [Not Supported]
        Map<String, Double> m = NvidiaSmiOutput.parse(List.of("[N/A], [Not Supported], 7620, 41"));
        assertFalse(m.containsKey("gpu.utilization"));
        assertFalse(m.containsKey("gpu.memory.used.mib"));
        assertEquals(7620, m.get("gpu.memory.total.mib"), 0);
        assertEquals(41, m.get("gpu.temperature.c"), 0);
    }

    @Test
    public void malformedOutputIsRejectedNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> NvidiaSmiOutput.parse(List.of("NVIDIA-SMI has failed because it couldn't communicate with the driver")));
        assertEquals("unexpected nvidia-smi line 'NVIDIA-SMI has failed because it couldn't communicate with the "
            + "driver' (want utilization.gpu,memory.used,memory.total,temperature.gpu)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NvidiaSmiOutput.parse(List.of("x, 1, 2, 3")));
        assertThrows(IllegalArgumentException.class, () -> NvidiaSmiOutput.parse(List.of()));
    }
}
