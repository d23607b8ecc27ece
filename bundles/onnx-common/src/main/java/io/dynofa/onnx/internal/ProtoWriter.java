package io.dynofa.onnx.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes protobuf fields into a growing buffer that refuses to exceed {@link #MAX_BYTES} (the most a Java array,
 * and a protobuf message, can hold) with an {@link OnnxFormatException} rather than an {@link OutOfMemoryError}.
 */
public final class ProtoWriter {
    /** The largest message written: 2 GiB less a little (Java arrays cannot hold more). */
    public static final int MAX_BYTES = Integer.MAX_VALUE - 16;

    private byte[] buffer;
    private int size;

    public ProtoWriter() {
        this(256);
    }

    ProtoWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public ProtoWriter varint(int field, long value) throws OnnxFormatException {
        tag(field, ProtoReader.VARINT);
        return rawVarint(value);
    }

    public ProtoWriter bytes(int field, byte[] value) throws OnnxFormatException {
        return bytes(field, value, 0, value.length);
    }

    public ProtoWriter bytes(int field, byte[] value, int from, int length) throws OnnxFormatException {
        tag(field, ProtoReader.LENGTH_DELIMITED);
        rawVarint(length);
        return raw(value, from, length);
    }

    public ProtoWriter string(int field, String value) throws OnnxFormatException {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public ProtoWriter message(int field, ProtoWriter message) throws OnnxFormatException {
        return bytes(field, message.buffer, 0, message.size);
    }

    public ProtoWriter fixed32(int field, int value) throws OnnxFormatException {
        tag(field, ProtoReader.FIXED32);
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    /** Copies bytes already encoded as protobuf fields. */
    public ProtoWriter raw(byte[] encoded, int from, int length) throws OnnxFormatException {
        ensure(length);
        System.arraycopy(encoded, from, buffer, size, length);
        size += length;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void tag(int field, int wireType) throws OnnxFormatException {
        rawVarint(((long) field << 3) | wireType);
    }

    private ProtoWriter rawVarint(long value) throws OnnxFormatException {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[size++] = (byte) v;
        return this;
    }

    private void ensure(int more) throws OnnxFormatException {
        if (more > MAX_BYTES - size) {
            throw new OnnxFormatException("the model would exceed " + MAX_BYTES + " bytes");
        }
        if (size + more > buffer.length) {
            long grown = Math.max((long) buffer.length * 2, (long) size + more);
            buffer = Arrays.copyOf(buffer, (int) Math.min(grown, MAX_BYTES));
        }
    }
}
