package io.dynofa.inference.api;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns a decoded image into the batch-1 tensor a family's {@link InputSpec} asks for, the way the gateway's own
 * camera feeds the shipped sample, so that an application (or the HTTP endpoint) sending a picture gets the answer
 * the family was measured on.
 *
 * <p>The spec must be of rank 4, {@code NCHW} (also when its layout is null) or {@code NHWC}, with a batch of 1 or
 * free, fixed height, width and 1 or 3 channels, and of element type float32 or uint8. The image is
 * <ol>
 * <li>read as pixel values 0-255 per channel: the samples themselves for a greyscale image (8 or 16 bits, the
 * latter scaled to 0-255), else the sRGB colours; an alpha channel is ignored;</li>
 * <li>converted to the spec's channels: a colour image to one grey channel by ITU-R BT.601 luma
 * ({@code 0.299 R + 0.587 G + 0.114 B}), a grey image to three channels by repeating it;</li>
 * <li>resized to the spec's height and width, each axis on its own: area averaging (every source pixel weighted by
 * how much of it the target pixel covers) when shrinking, bilinear interpolation between pixel centres when
 * enlarging, an exact copy when the size already matches;</li>
 * <li>laid out per the spec and, for float32, normalised with {@link Normalisation#apply} (no normalisation:
 * the pixel values as they are); for uint8 the values are rounded to whole pixels.</li>
 * </ol>
 *
 * @since 1.3
 */
public final class ImageTensors {
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "jpg");
    private static final Normalisation IDENTITY = new Normalisation(1, new double[] {0}, new double[] {1});

    private ImageTensors() {
    }

    /**
     * Decodes a PNG or JPEG image, reading its header first so that an image of more than {@code maxPixels} pixels
     * is refused before any pixel is decoded.
     *
     * @param maxPixels the largest width x height accepted, positive
     * @throws IllegalArgumentException naming the cause when the bytes are no PNG or JPEG image, the image is larger
     *     than {@code maxPixels}, or it cannot be decoded
     */
    public static BufferedImage decode(byte[] bytes, int maxPixels) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("no image bytes");
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(in);
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > maxPixels) {
                    throw new IllegalArgumentException("image of " + width + " x " + height + " pixels refused: at"
                        + " most " + maxPixels + " pixels are decoded");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw new IllegalArgumentException("cannot decode the image: " + e, e);
        }
    }

    private static ImageReader readerFor(ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                return reader;
            }
            reader.dispose();
        }
        throw new IllegalArgumentException("not a PNG or JPEG image");
    }

    /**
     * The batch-1 tensor of {@code image} for {@code spec}: shape {@code [1, C, H, W]} (NCHW) or {@code [1, H, W, C]}
     * (NHWC), as the class description says.
     *
     * @throws IllegalArgumentException naming what does not fit when the spec is not one an image can fill (rank,
     *     layout, channels, a free dimension after the batch, a fixed batch other than 1, int64)
     */
    public static Tensor toTensor(BufferedImage image, InputSpec spec) {
        Geometry g = Geometry.of(spec);
        double[][] planes = resized(new Rows(image, g.channels()), g);
        int plane = g.height() * g.width();
        int size = plane * g.channels();
        long[] shape = g.channelsLast() ? new long[] {1, g.height(), g.width(), g.channels()}
            : new long[] {1, g.channels(), g.height(), g.width()};
        if (spec.dtype() == DType.UINT8) {
            byte[] bytes = new byte[size];
            for (int c = 0; c < g.channels(); c++) {
                for (int p = 0; p < plane; p++) {
                    bytes[g.index(c, p)] = (byte) Math.max(0, Math.min(255, Math.round(planes[c][p])));
                }
            }
            return Tensor.ofBytes(bytes, shape);
        }
        Normalisation n = spec.normalisation() == null ? IDENTITY : spec.normalisation();
        float[] values = new float[size];
        for (int c = 0; c < g.channels(); c++) {
            for (int p = 0; p < plane; p++) {
                values[g.index(c, p)] = n.apply(planes[c][p], c);
            }
        }
        return Tensor.ofFloats(values, shape);
    }

    /** The image resized to the spec's height and width: one row-major plane per channel. */
    private static double[][] resized(Rows source, Geometry g) {
        Axis across = new Axis(source.width(), g.width());
        Axis down = new Axis(source.height(), g.height());
        double[][] out = new double[g.channels()][g.width() * g.height()];
        for (int ty = 0; ty < g.height(); ty++) {
            for (int k = 0; k < down.taps(ty); k++) {
                double weight = down.weight(ty, k);
                double[][] row = source.row(down.first(ty) + k);
                for (int c = 0; c < g.channels(); c++) {
                    for (int tx = 0; tx < g.width(); tx++) {
                        out[c][ty * g.width() + tx] += weight * across.apply(tx, row[c]);
                    }
                }
            }
        }
        return out;
    }

    /**
     * How one axis of {@code from} positions is resampled to {@code to}: target position t is the sum over its taps k
     * of {@link #weight}(t, k) times source position {@link #first}(t) + k; the weights of each t sum to 1. Area
     * averaging when shrinking (or keeping the size), bilinear between pixel centres when enlarging.
     */
    private record Axis(int from, int to) {

        private boolean shrinking() {
            return from >= to;
        }

        private double scale() {
            return (double) from / to;
        }

        /** Where target t's source starts (area) or its left neighbour's centre (bilinear). */
        private double position(int t) {
            return shrinking() ? t * scale() : Math.max(0, Math.min(from - 1, (t + 0.5) * scale() - 0.5));
        }

        int first(int t) {
            int floor = (int) Math.floor(position(t));
            return shrinking() ? floor : Math.min(floor, Math.max(0, from - 2));
        }

        int taps(int t) {
            if (!shrinking()) {
                return Math.min(2, from);
            }
            double end = Math.min(from, position(t) + scale());
            return Math.max(1, (int) Math.ceil(end) - first(t));
        }

        double weight(int t, int k) {
            int s = first(t) + k;
            if (shrinking()) {
                double start = position(t);
                double end = Math.min(from, start + scale());
                return (Math.min(end, s + 1) - Math.max(start, s)) / scale();
            }
            if (from == 1) {
                return 1;
            }
            double fraction = position(t) - first(t);
            return k == 0 ? 1 - fraction : fraction;
        }

        double apply(int t, double[] values) {
            double sum = 0;
            int first = first(t);
            for (int k = 0; k < taps(t); k++) {
                sum += weight(t, k) * values[first + k];
            }
            return sum;
        }
    }

    /**
     * The image's pixel values 0-255 one row at a time, in the channels asked: the samples of a greyscale image
     * (scaled from its bit depth), else its sRGB colours, turned to grey by luma or grey repeated into three.
     * Keeps the last two rows read, as resizing reads each row once or twice in turn.
     */
    private static final class Rows {
        private final BufferedImage image;
        private final int channels;
        private final boolean grey;
        private final double greyScale;
        private final int[] buffer;
        private final double[][][] cached = new double[2][][];
        private final int[] cachedY = {-1, -1};

        Rows(BufferedImage image, int channels) {
            this.image = image;
            this.channels = channels;
            this.grey = image.getRaster().getNumBands() <= 2 && !(image.getColorModel() instanceof IndexColorModel);
            this.greyScale = 255.0 / ((1L << image.getColorModel().getComponentSize(0)) - 1);
            this.buffer = new int[image.getWidth()];
        }

        int width() {
            return image.getWidth();
        }

        int height() {
            return image.getHeight();
        }

        double[][] row(int y) {
            for (int i = 0; i < 2; i++) {
                if (cachedY[i] == y) {
                    return cached[i];
                }
            }
            int slot = cachedY[0] < cachedY[1] ? 0 : 1;
            cached[slot] = read(y);
            cachedY[slot] = y;
            return cached[slot];
        }

        private double[][] read(int y) {
            int w = image.getWidth();
            double[][] row = new double[channels][w];
            if (grey) {
                image.getRaster().getSamples(0, y, w, 1, 0, buffer);
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < channels; c++) {
                        row[c][x] = buffer[x] * greyScale;
                    }
                }
                return row;
            }
            image.getRGB(0, y, w, 1, buffer, 0, w);
            for (int x = 0; x < w; x++) {
                int r = (buffer[x] >> 16) & 0xff;
                int g = (buffer[x] >> 8) & 0xff;
                int b = buffer[x] & 0xff;
                if (channels == 1) {
                    row[0][x] = 0.299 * r + 0.587 * g + 0.114 * b;
                } else {
                    row[0][x] = r;
                    row[1][x] = g;
                    row[2][x] = b;
                }
            }
            return row;
        }
    }

    /** Where a spec puts channel c of pixel p (row-major within the image). */
    private record Geometry(int channels, int height, int width, boolean channelsLast) {

        static Geometry of(InputSpec spec) {
            long[] shape = spec.shape();
            String layout = spec.layout() == null ? "NCHW" : spec.layout().toUpperCase(Locale.ROOT);
            if (shape.length != 4 || !(layout.equals("NCHW") || layout.equals("NHWC"))) {
                throw new IllegalArgumentException("an image fills only a rank-4 NCHW or NHWC input, not "
                    + spec.shapeText() + " " + spec.layout());
            }
            if (shape[0] > 1 || shape[0] == 0) {
                throw new IllegalArgumentException("input " + spec.shapeText() + " fixes the batch at " + shape[0]
                    + ": an image is a batch of one");
            }
            if (spec.dtype() == DType.INT64) {
                throw new IllegalArgumentException("an image cannot fill an int64 input " + spec.shapeText());
            }
            boolean last = layout.equals("NHWC");
            long c = last ? shape[3] : shape[1];
            long h = last ? shape[1] : shape[2];
            long w = last ? shape[2] : shape[3];
            if (c != 1 && c != 3) {
                throw new IllegalArgumentException("input " + spec.shapeText() + " " + layout + " has " + c
                    + " channels: an image fills 1 (grey) or 3 (RGB)");
            }
            if (h <= 0 || w <= 0 || h * w > Integer.MAX_VALUE / 3) {
                throw new IllegalArgumentException("input " + spec.shapeText() + " needs a fixed, bounded height and"
                    + " width");
            }
            return new Geometry((int) c, (int) h, (int) w, last);
        }

        int index(int channel, int pixel) {
            return channelsLast ? pixel * channels + channel : channel * height * width + pixel;
        }
    }
}
