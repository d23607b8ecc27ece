package io.dynofa.util.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests. */
final class IdxFiles {

    private IdxFiles() {
    }

    /** The byte every test item holds at {@code offset}: distinct per item and offset. */
    static int pixel(int item, int offset) {
        return (item * 31 + offset * 7) % 256;
    }

    /** An unsigned-byte IDX file of these dimensions, item bytes by {@link #pixel}. */
    static byte[] idx(int... dims) {
        long items = dims.length == 0 ? 0 : dims[0];
        long size = 1;
        for (int i = 1; i < dims.length; i++) {
            size *= dims[i];
        }
        byte[] data = new byte[Math.toIntExact(items * size)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) pixel((int) (i / size), (int) (i % size));
        }
        return idx(0x0800 | dims.length, dims, data);
    }

    /** A file with this magic, header dimensions and data (they need not agree). */
    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int dim : dims) {
                out.writeInt(dim);
            }
            out.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(zipped)) {
            out.write(content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return zipped.toByteArray();
    }
}
