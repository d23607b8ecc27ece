package io.dynofa.util.internal;

/**
 * Items read from an unsigned-byte IDX file ({@link IdxReader}): images of rows x columns, labels of one byte.
 *
 * @param dims the dimensions of what was read: the first is the number of items held (at most what the header
 *     declares), the others the header's
 * @param data the items' bytes, row-major
 */
public record Idx(int[] dims, byte[] data) {

    /** The number of items held. */
    public int count() {
        return dims[0];
    }

    /** Bytes of one item: the product of the dimensions after the first. */
    public int itemSize() {
        return (int) IdxReader.itemSize(dims);
    }

    /** Byte {@code index} of the data, 0..255. */
    public int unsigned(int index) {
        return Byte.toUnsignedInt(data[index]);
    }

    /** Byte {@code offset} (row-major) of item {@code item}, 0..255. */
    public int unsigned(int item, int offset) {
        return Byte.toUnsignedInt(raw(item, offset));
    }

    /** Byte {@code offset} (row-major) of item {@code item}, as stored. */
    public byte raw(int item, int offset) {
        return data[item * itemSize() + offset];
    }
}
