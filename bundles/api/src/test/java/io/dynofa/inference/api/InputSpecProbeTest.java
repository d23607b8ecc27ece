package io.dynofa.inference.api;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class InputSpecProbeTest {
    private static final InputSpec SPEC = new InputSpec("input", new long[] {-1, 1, 4, 4}, "NCHW", DType.FLOAT32,
        new Normalisation(1 / 255.0, new double[] {0.5}, new double[] {0.25}));

    @Test
    public void probeIsOneValidNormalisedSampleAndTheSameEveryCall() throws Exception {
        Tensor probe = SPEC.probe();
        assertArrayEquals(new long[] {1, 1, 4, 4}, probe.shape());
        SPEC.check(probe);
        assertArrayEquals(probe.floats(), SPEC.probe().floats(), 0f);
        for (float v : probe.floats()) {
            double pixel = (v * 0.25 + 0.5) * 255;
            assertEquals("a normalised whole pixel value", Math.rint(pixel), pixel, 1e-3);
        }
    }

    @Test
    public void uint8SpecsGetRawBytes() {
        InputSpec bytes = new InputSpec("input", new long[] {-1, 3}, "NC", DType.UINT8,
            new Normalisation(1, new double[] {0}, new double[] {1}));
        assertEquals(DType.UINT8, bytes.probe().dtype());
        assertArrayEquals(new long[] {1, 3}, bytes.probe().shape());
    }
}
