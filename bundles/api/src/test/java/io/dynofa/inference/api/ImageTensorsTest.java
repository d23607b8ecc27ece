package io.dynofa.inference.api;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.Test;

public class ImageTensorsTest {
    private static final Path SAMPLE_IMAGES = Path.of("../../models/samples/fashion-mnist/t10k-images-idx3-ubyte.gz");
    private static final int SIDE = 28;
    private static final Normalisation SHIPPED = new Normalisation(1 / 255.0, new double[] {0}, new double[] {1});
    private static final Normalisation IDENTITY = new Normalisation(1, new double[] {0}, new double[] {1});

    @Test
    public void aShippedSampleAsPngGivesTheTensorTheDemoCameraBuilds() throws IOException {
        byte[][] images = sampleImages(5);
        InputSpec spec = spec(SHIPPED, "NCHW", -1, 1, SIDE, SIDE);
        for (byte[] pixels : images) {
            Tensor tensor = ImageTensors.toTensor(ImageTensors.decode(png(grey(pixels)), 1 << 20), spec);
            assertArrayEquals(new long[] {1, 1, SIDE, SIDE}, tensor.shape());
            assertArrayEquals(demoCamera(pixels, spec), tensor.floats(), 0f);
        }
    }

    @Test
    public void aGreyImageFillsEveryChannelOfAnRgbInputAsTheDemoCameraDoes() throws IOException {
        byte[] pixels = sampleImages(1)[0];
        Normalisation perChannel = new Normalisation(1 / 255.0, new double[] {0.1, 0.2, 0.3},
            new double[] {0.5, 0.6, 0.7});
        for (String layout : new String[] {"NCHW", "NHWC"}) {
            InputSpec spec = layout.equals("NCHW") ? spec(perChannel, layout, 1, 3, SIDE, SIDE)
                : spec(perChannel, layout, 1, SIDE, SIDE, 3);
            Tensor tensor = ImageTensors.toTensor(ImageTensors.decode(png(grey(pixels)), 1 << 20), spec);
            assertArrayEquals(demoCamera(pixels, spec), tensor.floats(), 0f);
        }
    }

    @Test
    public void aColourImageBecomesGreyByLuma() {
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xff0000);
        rgb.setRGB(1, 0, 0x00ff80);
        float[] v = ImageTensors.toTensor(rgb, spec(IDENTITY, "NCHW", 1, 1, 1, 2)).floats();
        assertEquals(0.299 * 255, v[0], 1e-4);
        assertEquals(0.587 * 255 + 0.114 * 128, v[1], 1e-4);
    }

    @Test
    public void aColourImageKeepsItsChannelsInEitherLayout() {
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        rgb.setRGB(0, 0, 0x80102030);
        rgb.setRGB(1, 0, 0xff405060);
        float[] nchw = ImageTensors.toTensor(rgb, spec(IDENTITY, "NCHW", 1, 3, 1, 2)).floats();
        assertArrayEquals(new float[] {0x10, 0x40, 0x20, 0x50, 0x30, 0x60}, nchw, 0f);
        float[] nhwc = ImageTensors.toTensor(rgb, spec(IDENTITY, "NHWC", 1, 1, 2, 3)).floats();
        assertArrayEquals(new float[] {0x10, 0x20, 0x30, 0x40, 0x50, 0x60}, nhwc, 0f);
    }

    @Test
    public void shrinkingAveragesTheAreaEachTargetPixelCovers() {
        BufferedImage big = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        int[] values = {0, 40, 100, 200, 20, 60, 100, 0};
        big.getRaster().setSamples(0, 0, 4, 2, 0, values);
        float[] v = ImageTensors.toTensor(big, spec(IDENTITY, "NCHW", 1, 1, 1, 2)).floats();
        assertArrayEquals(new float[] {30, 100}, v, 1e-4f);
        float[] thirds = ImageTensors.toTensor(big, spec(IDENTITY, "NCHW", 1, 1, 1, 3)).floats();
        assertEquals(20, thirds[0], 1e-4);
    }

    @Test
    public void enlargingInterpolatesBetweenPixelCentres() {
        BufferedImage small = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        small.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {0, 100});
        float[] v = ImageTensors.toTensor(small, spec(IDENTITY, "NCHW", 1, 1, 1, 4)).floats();
        assertArrayEquals(new float[] {0, 25, 75, 100}, v, 1e-4f);
    }

    @Test
    public void uint8InputsGetWholePixels() {
        BufferedImage small = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        small.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {7, 255});
        Tensor t = ImageTensors.toTensor(small, new InputSpec("input", new long[] {1, 1, 1, 2}, "NCHW", DType.UINT8,
            null));
        assertArrayEquals(new byte[] {7, (byte) 255}, t.bytes());
    }

    @Test
    public void aSixteenBitGreyImageIsScaledToPixelValues() {
        BufferedImage deep = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(0, 0, 0, 65535);
        assertEquals(255f, ImageTensors.toTensor(deep, spec(IDENTITY, "NCHW", 1, 1, 1, 1)).floats()[0], 1e-3f);
    }

    @Test
    public void aJpegDecodes() throws IOException {
        BufferedImage rgb = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(rgb, "jpeg", out));
        BufferedImage decoded = ImageTensors.decode(out.toByteArray(), 128);
        assertEquals(16, decoded.getWidth());
        assertEquals(8, decoded.getHeight());
    }

    @Test
    public void anImageLargerThanTheBoundIsRefusedFromItsHeader() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ImageTensors.decode(pngHeaderOnly(60_000, 60_000), 16 << 20));
        assertTrue(e.getMessage(), e.getMessage().contains("60000 x 60000"));
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.decode(pngHeaderOnly(29, 28), SIDE * SIDE));
    }

    @Test
    public void bytesThatAreNoImageOrAreCutShortAreRefused() throws IOException {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
            () -> ImageTensors.decode("GIF89a not really".getBytes(), 1000));
        assertTrue(none.getMessage(), none.getMessage().contains("not a PNG or JPEG"));
        byte[] whole = png(grey(sampleImages(1)[0]));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.decode(cut, 1000));
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.decode(new byte[0], 1000));
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.decode(pngHeaderOnly(28, 28), 1000));
    }

    @Test
    public void specsNoImageCanFillAreRefused() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.toTensor(img, spec(IDENTITY, "NCHW", -1, 784)));
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.toTensor(img, spec(IDENTITY, "NCHW", 1, 2, 2,
            2)));
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.toTensor(img, spec(IDENTITY, "NCHW", 4, 1, 2,
            2)));
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.toTensor(img, spec(IDENTITY, "NCHW", 1, 1, -1,
            2)));
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.toTensor(img, spec(IDENTITY, "CHWN", 1, 1, 2,
            2)));
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.toTensor(img, new InputSpec("input",
            new long[] {1, 1, 2, 2}, "NCHW", DType.INT64, IDENTITY)));
    }

    /**
     * What the demo camera (bundles/demo FrameEncoder and ChannelLayout) feeds for a grey sample image: element e
     * of the sample is pixel {@code e / channels} (NHWC) or {@code e % imageSize} (NCHW), normalised for its channel.
     */
    private static float[] demoCamera(byte[] pixels, InputSpec spec) {
        int size = spec.sampleSize();
        int channels = size / pixels.length;
        boolean channelsLast = "NHWC".equalsIgnoreCase(spec.layout());
        float[] values = new float[size];
        for (int e = 0; e < size; e++) {
            int pixel = channelsLast ? e / channels : e % pixels.length;
            int channel = channelsLast ? e % channels : e / pixels.length;
            values[e] = spec.normalisation().apply(Byte.toUnsignedInt(pixels[pixel]), channel);
        }
        return values;
    }

    private static InputSpec spec(Normalisation normalisation, String layout, long... shape) {
        return new InputSpec("input", shape, layout, DType.FLOAT32, normalisation);
    }

    /** The first {@code count} images of the shipped Fashion-MNIST sample (IDX: magic, count, rows, columns). */
    private static byte[][] sampleImages(int count) throws IOException {
        try (InputStream raw = Files.newInputStream(SAMPLE_IMAGES);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            assertEquals(0x803, in.readInt());
            in.readInt();
            assertEquals(SIDE, in.readInt());
            assertEquals(SIDE, in.readInt());
            byte[][] images = new byte[count][SIDE * SIDE];
            for (byte[] image : images) {
                in.readFully(image);
            }
            return images;
        }
    }

    private static BufferedImage grey(byte[] pixels) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        int[] values = new int[pixels.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Byte.toUnsignedInt(pixels[i]);
        }
        image.getRaster().setSamples(0, 0, SIDE, SIDE, 0, values);
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "png", out));
        return out.toByteArray();
    }

    /** A PNG signature and an IHDR chunk declaring {@code width} x {@code height} 8-bit grey pixels, no data. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
            .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
            .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
            .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}
