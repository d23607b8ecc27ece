package io.dynofa.util.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.stream.Collectors;
import java.util.zip.ZipException;

/**
 * Reads unsigned-byte IDX files (the format of MNIST and Fashion-MNIST), gzipped or plain (told apart by their
 * first bytes, not their names). The input is untrusted: the header is checked (magic, 1 to
 * {@value #MAX_DIMENSIONS} dimensions, none negative), {@code check} accepts the dimensions before anything is
 * allocated, at most {@value #MAX_DATA_BYTES} data bytes are read, and only bytes actually present are held
 * (a header announcing gigabytes over a short file costs the file's size). Only the items asked for are
 * decompressed. Every problem is an {@link IOException} saying what is wrong (prefixed with the file when read
 * from a path).
 */
public final class IdxReader {
    /** The most dimensions a header may declare. */
    public static final int MAX_DIMENSIONS = 8;
    /** The most data bytes read from one file: 256 MiB. */
    public static final long MAX_DATA_BYTES = 1L << 28;

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /** Accepts the dimensions a header declares (the first is the item count) before any item is read. */
    @FunctionalInterface
    public interface DimensionCheck {
        /** Any dimensions. */
        DimensionCheck ANY = dims -> { };

        /** @throws IOException saying why these dimensions are refused */
        void accept(int[] dims) throws IOException;

        /** Exactly {@code rank} dimensions, else "is not {@code what} (n dimensions, expected rank)". */
        static DimensionCheck rank(int rank, String what) {
            return dims -> {
                if (dims.length != rank) {
                    throw new IOException("is not " + what + " (" + dims.length + " dimensions, expected " + rank
                        + ")");
                }
            };
        }
    }

    /** The first {@code items} items of {@code file}; fewer in the file is an error. */
    public static Idx read(Path file, int items, DimensionCheck check) throws IOException {
        return fromFile(file, items, false, check);
    }

    /** Every item of {@code file}, which must end where its header says. */
    public static Idx readAll(Path file, DimensionCheck check) throws IOException {
        return fromFile(file, -1, true, check);
    }

    /** The first {@code items} items of a file's {@code content}; fewer in the file is an error. */
    public static Idx read(byte[] content, int items, DimensionCheck check) throws IOException {
        requireItems(items, false);
        try (InputStream in = open(new ByteArrayInputStream(content))) {
            return read(in, items, false, check);
        }
    }

    /**
     * Bytes of one item of these dimensions: the product of the dimensions after the first, or
     * {@code MAX_DATA_BYTES + 1} when it is larger (so it never overflows).
     */
    public static long itemSize(int[] dims) {
        long size = 1;
        for (int i = 1; i < dims.length; i++) {
            if (dims[i] == 0) {
                return 0;
            }
            size = Math.min(size * dims[i], MAX_DATA_BYTES + 1);
        }
        return size;
    }

    private static Idx fromFile(Path file, int items, boolean whole, DimensionCheck check) throws IOException {
        requireItems(items, whole);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file.toAbsolutePath() + ": no such file");
        }
        try (InputStream in = open(new BufferedInputStream(Files.newInputStream(file)))) {
            return read(in, items, whole, check);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static String itemShape(int[] dims) {
        return Arrays.stream(dims, 1, dims.length).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }

    private static void requireItems(int items, boolean whole) {
        if (!whole && items < 0) {
            throw new IllegalArgumentException("a negative number of items: " + items);
        }
    }

    private static InputStream open(InputStream raw) throws IOException {
        raw.mark(2);
        boolean gzip = raw.read() == 0x1F && raw.read() == 0x8B;
        raw.reset();
        if (!gzip) {
            return raw;
        }
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (IOException e) {
            raw.close();
            throw new IOException("corrupt gzip header (" + e.getMessage() + ")", e);
        }
    }

    private static Idx read(InputStream in, int items, boolean whole, DimensionCheck check) throws IOException {
        try {
            int magic = readInt(in, "magic number");
            int rank = magic & 0xFF;
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != UNSIGNED_BYTE || rank == 0 || rank > MAX_DIMENSIONS) {
                throw new IOException(String.format("not an unsigned-byte IDX file (magic 0x%08x)", magic));
            }
            int[] dims = new int[rank];
            for (int i = 0; i < rank; i++) {
                dims[i] = readInt(in, "dimension " + (i + 1) + " of " + rank);
                if (dims[i] < 0) {
                    throw new IOException("negative dimension " + dims[i] + " in the IDX header");
                }
            }
            check.accept(dims.clone());
            int count = whole ? dims[0] : items;
            if (dims[0] < count) {
                throw new IOException("holds " + dims[0] + " items, fewer than the " + count + " asked for");
            }
            long length = count * itemSize(dims);
            if (length > MAX_DATA_BYTES) {
                throw new IOException(count + " items of " + itemShape(dims) + " bytes are more than the "
                    + MAX_DATA_BYTES + " bytes an IDX file may hold");
            }
            byte[] data = in.readNBytes((int) length);
            if (data.length < length) {
                throw new IOException("truncated data, the header announces " + length + " data bytes but only "
                    + data.length + " follow");
            }
            if (whole && in.read() >= 0) {
                throw new IOException("trailing bytes after the " + length + " data bytes the header announces");
            }
            dims[0] = count;
            return new Idx(dims, data);
        } catch (EOFException | ZipException e) {
            throw new IOException("truncated or corrupt compressed data (" + e.getMessage() + ")", e);
        }
    }

    private static int readInt(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(Integer.BYTES);
        if (bytes.length < Integer.BYTES) {
            throw new IOException("truncated header, the " + what + " is missing");
        }
        return ByteBuffer.wrap(bytes).getInt();
    }
}
