package io.dynofa.onnx.internal;

/**
 * Reads the fields of one protobuf message held in {@code bytes[start, end)}, checking every varint and every
 * length against the bytes that remain: malformed input ends in an {@link OnnxFormatException}, never in an
 * out-of-bounds read or a large allocation (nothing is copied).
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private static final int MAX_FIELD_NUMBER = (1 << 29) - 1;
    private static final int MAX_VARINT_BYTES = 10;

    /**
     * One field: its number and wire type, where it starts (at its tag) and ends, and where its value starts
     * (for a length-delimited field, the payload is {@code [valueStart, end)}).
     */
    record Field(int number, int wireType, int start, int valueStart, int end) {
    }

    private final byte[] bytes;
    private final int end;
    private int position;

    ProtoReader(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    boolean hasMore() {
        return position < end;
    }

    /** Reads the next field and moves past it. */
    Field next() throws OnnxFormatException {
        int start = position;
        long tag = varint();
        int wireType = (int) (tag & 7);
        long number = tag >>> 3;
        if (number == 0 || number > MAX_FIELD_NUMBER) {
            throw malformed(start, "invalid field number " + number);
        }
        int valueStart = position;
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> skip(8, start);
            case FIXED32 -> skip(4, start);
            case LENGTH_DELIMITED -> {
                long length = varint();
                valueStart = position;
                if (length < 0 || length > end - position) {
                    throw malformed(start, "field " + number + " declares " + Long.toUnsignedString(length)
                        + " bytes but only " + (end - position) + " remain");
                }
                position += (int) length;
            }
            default -> throw malformed(start, "field " + number + " has unsupported wire type " + wireType);
        }
        return new Field((int) number, wireType, start, valueStart, position);
    }

    /** The value of a varint field read by {@link #next()}. */
    static long varintValue(byte[] bytes, Field field) throws OnnxFormatException {
        return new ProtoReader(bytes, field.valueStart(), field.end()).varint();
    }

    private long varint() throws OnnxFormatException {
        int start = position;
        long value = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            if (position >= end) {
                throw malformed(start, "truncated varint");
            }
            int b = bytes[position++] & 0xFF;
            if (i == MAX_VARINT_BYTES - 1 && b > 1) {
                throw malformed(start, "varint longer than 64 bits");
            }
            value |= (long) (b & 0x7F) << (7 * i);
            if (b < 0x80) {
                return value;
            }
        }
        throw malformed(start, "varint longer than 10 bytes");
    }

    private void skip(int count, int fieldStart) throws OnnxFormatException {
        if (count > end - position) {
            throw malformed(fieldStart, "truncated fixed-width field");
        }
        position += count;
    }

    static OnnxFormatException malformed(int offset, String detail) {
        return new OnnxFormatException("not a valid ONNX model: " + detail + " at byte " + offset);
    }
}
