package io.dynofa.itests;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads gzipped unsigned-byte IDX files (the format Fashion-MNIST ships in). */
public final class IdxReader {

    /** An IDX array: its dimensions and the row-major unsigned bytes. */
    public record Idx(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }

        public int sampleSize() {
            return data.length / dims[0];
        }

        public int unsigned(int index) {
            return data[index] & 0xFF;
        }
    }

    private IdxReader() {
    }

    public static Idx read(Path gzipped) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(gzipped), 1 << 16))) {
            int magic = in.readInt();
            if ((magic >>> 8) != 0x08) {
                throw new IOException(gzipped + ": not an unsigned-byte IDX file (magic 0x"
                    + Integer.toHexString(magic) + ")");
            }
            int[] dims = new int[magic & 0xFF];
            long size = 1;
            for (int i = 0; i < dims.length; i++) {
                dims[i] = in.readInt();
                size *= dims[i];
            }
            byte[] data = new byte[Math.toIntExact(size)];
            try {
                in.readFully(data);
            } catch (EOFException e) {
                throw new IOException(gzipped + ": truncated, expected " + size + " data bytes", e);
            }
            if (in.read() >= 0) {
                throw new IOException(gzipped + ": trailing bytes after " + size + " data bytes");
            }
            return new Idx(dims, data);
        }
    }
}
