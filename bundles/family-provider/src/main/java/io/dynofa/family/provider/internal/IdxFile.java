package io.dynofa.family.provider.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The first items of an unsigned-byte IDX array (the MNIST format), gzipped or not: its dimensions and the bytes
 * of the first {@code count} items. Only what is asked for is decompressed, so a small file that inflates to
 * gigabytes costs no more than the items read.
 *
 * @param dims the dimensions the header declares (the first is the item count)
 * @param data the first {@code count} items, row-major
 */
record IdxFile(int[] dims, byte[] data) {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_DIMS = 8;

    /** Elements of one item: the product of every dimension after the first. */
    static long itemSize(int[] dims) {
        long size = 1;
        for (int i = 1; i < dims.length; i++) {
            size *= dims[i];
        }
        return size;
    }

    /**
     * Reads the header and the first {@code count} items, after {@code check} accepted the dimensions.
     *
     * @throws IOException naming what is wrong: not IDX, not unsigned bytes, fewer items than asked for, truncated
     */
    static IdxFile read(byte[] file, int count, DimensionCheck check) throws IOException {
        try (DataInputStream in = new DataInputStream(open(file))) {
            int magic = in.readInt();
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != UNSIGNED_BYTE || (magic & 0xFF) == 0
                || (magic & 0xFF) > MAX_DIMS) {
                throw new IOException(String.format("not an unsigned-byte IDX file (magic 0x%08x)", magic));
            }
            int[] dims = new int[magic & 0xFF];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) {
                    throw new IOException("negative dimension " + dims[i] + " in the IDX header");
                }
            }
            if (dims[0] < count) {
                throw new IOException("holds " + dims[0] + " items, fewer than the sample's count " + count);
            }
            check.accept(dims);
            byte[] data = new byte[Math.toIntExact(count * itemSize(dims))];
            in.readFully(data);
            return new IdxFile(dims, data);
        } catch (EOFException e) {
            throw new IOException("truncated IDX data", e);
        }
    }

    /** Accepts the declared dimensions before any item is read (bounding what is allocated). */
    @FunctionalInterface
    interface DimensionCheck {
        void accept(int[] dims) throws IOException;
    }

    private static InputStream open(byte[] file) throws IOException {
        InputStream raw = new ByteArrayInputStream(file);
        boolean gzip = file.length >= 2 && (file[0] & 0xFF) == 0x1F && (file[1] & 0xFF) == 0x8B;
        return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
}
