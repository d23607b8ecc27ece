package io.dynofa.demo.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST format), gzipped when the file name ends in {@code .gz}: unsigned-byte
 * images ({@code 0x00000803}: count, rows, cols) and labels ({@code 0x00000801}: count).
 */
final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /** @throws IOException naming the file for a missing file, a wrong magic or truncated data */
    static IdxImages readImages(Path file) throws IOException {
        try (InputStream in = open(file)) {
            expectMagic(file, in, IMAGES_MAGIC);
            int count = readDimension(file, in, "image count");
            int rows = readDimension(file, in, "row count");
            int cols = readDimension(file, in, "column count");
            long size = (long) count * rows * cols;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(file + ": " + count + " images of " + rows + "x" + cols + " are too large to load");
            }
            return new IdxImages(count, rows, cols, readBody(file, in, (int) size, "pixel"));
        }
    }

    /** @throws IOException naming the file for a missing file, a wrong magic or truncated data */
    static byte[] readLabels(Path file) throws IOException {
        try (InputStream in = open(file)) {
            expectMagic(file, in, LABELS_MAGIC);
            int count = readDimension(file, in, "label count");
            return readBody(file, in, count, "label");
        }
    }

    private static InputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file.toAbsolutePath() + ": no such file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        if (!file.getFileName().toString().endsWith(".gz")) {
            return raw;
        }
        try {
            return new GZIPInputStream(raw);
        } catch (IOException e) {
            raw.close();
            throw new IOException(file + ": not a gzip file (" + e.getMessage() + ")", e);
        }
    }

    private static void expectMagic(Path file, InputStream in, int expected) throws IOException {
        int magic = readInt(file, in, "magic number");
        if (magic != expected) {
            throw new IOException(String.format("%s: wrong magic number 0x%08x, expected 0x%08x (%s)", file, magic,
                expected, expected == IMAGES_MAGIC ? "unsigned-byte images" : "unsigned-byte labels"));
        }
    }

    private static int readDimension(Path file, InputStream in, String what) throws IOException {
        int value = readInt(file, in, what);
        if (value < 0) {
            throw new IOException(file + ": negative " + what + " " + value);
        }
        return value;
    }

    private static int readInt(Path file, InputStream in, String what) throws IOException {
        byte[] bytes = readUpTo(file, in, Integer.BYTES);
        if (bytes.length < Integer.BYTES) {
            throw new IOException(file + ": truncated header, the " + what + " is missing");
        }
        return ByteBuffer.wrap(bytes).getInt();
    }

    private static byte[] readBody(Path file, InputStream in, int length, String what) throws IOException {
        byte[] body = readUpTo(file, in, length);
        if (body.length < length) {
            throw new IOException(file + ": truncated data, the header announces " + length + " " + what
                + " bytes but only " + body.length + " follow");
        }
        return body;
    }

    private static byte[] readUpTo(Path file, InputStream in, int length) throws IOException {
        try {
            return in.readNBytes(length);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated compressed data (" + e.getMessage() + ")", e);
        }
    }
}
