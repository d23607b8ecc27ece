package io.dynofa.demo.internal;

/** Greyscale images read from an IDX file: {@code count} images of {@code rows x cols} unsigned bytes. */
final class IdxImages {
    private final int count;
    private final int rows;
    private final int cols;
    private final byte[] pixels;

    IdxImages(int count, int rows, int cols, byte[] pixels) {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + rows + "x" + cols + " need "
                + (long) count * rows * cols + " pixels, got " + pixels.length);
        }
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
    }

    int count() {
        return count;
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    int imageSize() {
        return rows * cols;
    }

    /** The pixel at {@code offset} (row-major) of image {@code image}, 0..255. */
    int pixel(int image, int offset) {
        return Byte.toUnsignedInt(rawPixel(image, offset));
    }

    byte rawPixel(int image, int offset) {
        return pixels[image * imageSize() + offset];
    }
}
