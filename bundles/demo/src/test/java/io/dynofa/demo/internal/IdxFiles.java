package io.dynofa.demo.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests, gzipped when the name ends in .gz. */
final class IdxFiles {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {
    }

    /** The pixel every test image holds at {@code offset}: distinct per image and offset. */
    static int pixel(int image, int offset) {
        return (image * 31 + offset * 7) % 256;
    }

    static byte[] images(int count, int rows, int cols) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * cols);
        buffer.putInt(IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int image = 0; image < count; image++) {
            for (int offset = 0; offset < rows * cols; offset++) {
                buffer.put((byte) pixel(image, offset));
            }
        }
        return buffer.array();
    }

    static byte[] labels(int... labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(LABELS_MAGIC).putInt(labels.length);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    static Path write(Path file, byte[] content) throws IOException {
        if (file.getFileName().toString().endsWith(".gz")) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(zipped)) {
                out.write(content);
            }
            content = zipped.toByteArray();
        }
        return Files.write(file, content);
    }

    /** A sample folder of {@code labels.length} images of rows x cols with the given labels. */
    static Path sample(Path folder, int rows, int cols, int... labels) throws IOException {
        write(folder.resolve(Sample.IMAGES_FILE), images(labels.length, rows, cols));
        write(folder.resolve(Sample.LABELS_FILE), labels(labels));
        return folder;
    }
}
