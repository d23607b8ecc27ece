package io.dynofa.demo.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import io.dynofa.inference.api.Tensor;
import java.io.IOException;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FrameEncoderTest {
    /** {@link IdxFiles#pixel}(0, 73) is 255. */
    private static final int WHITE_OFFSET = 73;
    private static final int IMAGE_SIZE = 28 * 28;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private FrameEncoder encoder;

    @Before
    public void writeSample() throws IOException {
        encoder = new FrameEncoder(Sample.load(IdxFiles.sample(tmp.getRoot().toPath(), 28, 28, 3, 4)));
    }

    @Test
    public void normalisesAFloatFrameOfBatchOne() throws InferenceException {
        InputSpec spec = spec(DType.FLOAT32, "NCHW", new Normalisation(1 / 255.0, new double[] {0}, new double[] {1}),
            -1, 1, 28, 28);
        Tensor frame = encoder.encode(0, spec);
        spec.check(frame);
        assertArrayEquals(new long[] {1, 1, 28, 28}, frame.shape());
        assertEquals(255, IdxFiles.pixel(0, WHITE_OFFSET));
        assertEquals(1.0f, frame.floats()[WHITE_OFFSET], 0f);
        assertEquals(0.0f, frame.floats()[0], 0f);
        assertEquals(IdxFiles.pixel(0, 100) / 255f, frame.floats()[100], 1e-6f);
    }

    @Test
    public void subtractsTheMeanAndDividesByTheStd() throws InferenceException {
        Normalisation normalisation = new Normalisation(1 / 255.0, new double[] {0.5}, new double[] {0.25});
        float[] values = encoder.encode(0, spec(DType.FLOAT32, "NCHW", normalisation, -1, 1, 28, 28)).floats();
        assertEquals(2.0f, values[WHITE_OFFSET], 1e-6f);
        assertEquals(-2.0f, values[0], 1e-6f);
    }

    @Test
    public void encodesTheRequestedImage() throws InferenceException {
        Normalisation identity = new Normalisation(1, new double[] {0}, new double[] {1});
        float[] values = encoder.encode(1, spec(DType.FLOAT32, "NCHW", identity, -1, 784)).floats();
        for (int offset = 0; offset < IMAGE_SIZE; offset++) {
            assertEquals(IdxFiles.pixel(1, offset), values[offset], 0f);
        }
    }

    @Test
    public void passesRawBytesForUint8() throws InferenceException {
        InputSpec spec = spec(DType.UINT8, "NCHW", null, -1, 1, 28, 28);
        Tensor frame = encoder.encode(1, spec);
        spec.check(frame);
        byte[] bytes = frame.bytes();
        for (int offset = 0; offset < IMAGE_SIZE; offset++) {
            assertEquals(IdxFiles.pixel(1, offset), Byte.toUnsignedInt(bytes[offset]));
        }
    }

    @Test
    public void fillsEveryChannelPlaneOfAnNchwInput() throws InferenceException {
        Normalisation perChannel = new Normalisation(1, new double[] {0, 1, 2}, new double[] {1, 1, 1});
        float[] values = encoder.encode(0, spec(DType.FLOAT32, "NCHW", perChannel, -1, 3, 28, 28)).floats();
        assertEquals(3 * IMAGE_SIZE, values.length);
        for (int channel = 0; channel < 3; channel++) {
            assertEquals(IdxFiles.pixel(0, 5) - channel, values[channel * IMAGE_SIZE + 5], 0f);
        }
    }

    @Test
    public void interleavesChannelsOfAnNhwcInput() throws InferenceException {
        Normalisation perChannel = new Normalisation(1, new double[] {0, 1, 2}, new double[] {1, 1, 1});
        float[] values = encoder.encode(0, spec(DType.FLOAT32, "NHWC", perChannel, -1, 28, 28, 3)).floats();
        for (int channel = 0; channel < 3; channel++) {
            assertEquals(IdxFiles.pixel(0, 5) - channel, values[5 * 3 + channel], 0f);
        }
    }

    @Test
    public void rejectsAShapeTheImageDoesNotFill() {
        InferenceException e = assertThrows(InferenceException.class,
            () -> encoder.encode(0, spec(DType.FLOAT32, "NCHW", null, -1, 1, 32, 32)));
        assertEquals(InferenceException.Reason.INVALID_INPUT, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("[N, 1, 32, 32]"));
    }

    @Test
    public void stacksConsecutiveImagesIntoOneBatchWrappingRoundTheEnd() throws InferenceException {
        InputSpec spec = spec(DType.UINT8, "NCHW", null, -1, 1, 28, 28);
        Tensor batch = encoder.encode(1, 3, spec);
        spec.check(batch);
        assertArrayEquals(new long[] {3, 1, 28, 28}, batch.shape());
        byte[] raw = batch.bytes();
        assertEquals(IdxFiles.pixel(1, 10), Byte.toUnsignedInt(raw[10]));
        assertEquals("row 1 is image 0 again", IdxFiles.pixel(0, 10), Byte.toUnsignedInt(raw[IMAGE_SIZE + 10]));
        assertEquals(IdxFiles.pixel(1, 10), Byte.toUnsignedInt(raw[2 * IMAGE_SIZE + 10]));
    }

    @Test
    public void rejectsABatchTheSpecDoesNotAllow() {
        InferenceException e = assertThrows(InferenceException.class,
            () -> encoder.encode(0, 2, spec(DType.FLOAT32, "NCHW", null, 1, 1, 28, 28)));
        assertEquals(InferenceException.Reason.INVALID_INPUT, e.reason());
    }

    @Test
    public void rejectsInt64Inputs() {
        InferenceException e = assertThrows(InferenceException.class,
            () -> encoder.encode(0, spec(DType.INT64, "NCHW", null, -1, 1, 28, 28)));
        assertEquals(InferenceException.Reason.INVALID_INPUT, e.reason());
    }

    private static InputSpec spec(DType dtype, String layout, Normalisation normalisation, long... shape) {
        return new InputSpec("input", shape, layout, dtype, normalisation);
    }
}
