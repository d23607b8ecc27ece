package io.dynofa.onnx.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The fields of one {@code TensorProto} that say where its data is. */
final class TensorFields {
    static final int NAME = 8;
    static final int RAW_DATA = 9;
    static final int EXTERNAL_DATA = 13;
    static final int DATA_LOCATION = 14;

    private static final int KEY = 1;
    private static final int VALUE = 2;

    private TensorFields() {
    }

    /** The tensor's external reference, or null when its data is inside the model. */
    static ExternalRef externalRef(byte[] bytes, int start, int end) throws OnnxFormatException {
        String name = "";
        String location = null;
        String offset = null;
        String length = null;
        boolean external = false;
        ProtoReader reader = new ProtoReader(bytes, start, end);
        while (reader.hasMore()) {
            ProtoReader.Field field = reader.next();
            switch (field.number()) {
                case NAME -> name = text(bytes, expect(field, ProtoReader.LENGTH_DELIMITED));
                case DATA_LOCATION ->
                    external |= ProtoReader.varintValue(bytes, expect(field, ProtoReader.VARINT)) != 0;
                case EXTERNAL_DATA -> {
                    external = true;
                    String[] entry = entry(bytes, expect(field, ProtoReader.LENGTH_DELIMITED));
                    switch (entry[0]) {
                        case "location" -> location = single(location, entry, field);
                        case "offset" -> offset = single(offset, entry, field);
                        case "length" -> length = single(length, entry, field);
                        default -> { }
                    }
                }
                default -> { }
            }
        }
        if (!external) {
            return null;
        }
        return new ExternalRef(name, location == null ? "" : location, number(offset, "offset", name, 0),
            number(length, "length", name, -1));
    }

    private static ProtoReader.Field expect(ProtoReader.Field field, int wireType) throws OnnxFormatException {
        if (field.wireType() != wireType) {
            throw ProtoReader.malformed(field.start(), "tensor field " + field.number() + " has wire type "
                + field.wireType() + ", expected " + wireType);
        }
        return field;
    }

    /** A StringStringEntryProto's key and value (empty when absent). */
    private static String[] entry(byte[] bytes, ProtoReader.Field field) throws OnnxFormatException {
        String[] entry = {"", ""};
        ProtoReader reader = new ProtoReader(bytes, field.valueStart(), field.end());
        while (reader.hasMore()) {
            ProtoReader.Field part = reader.next();
            if (part.number() == KEY || part.number() == VALUE) {
                entry[part.number() - 1] = text(bytes, expect(part, ProtoReader.LENGTH_DELIMITED));
            }
        }
        return entry;
    }

    private static String single(String previous, String[] entry, ProtoReader.Field field)
        throws OnnxFormatException {
        if (previous != null && !previous.equals(entry[1])) {
            throw ProtoReader.malformed(field.start(), "a tensor's external data names two different "
                + entry[0] + "s");
        }
        return entry[1];
    }

    private static long number(String text, String key, String tensor, long absent) throws OnnxFormatException {
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OnnxFormatException("not a valid ONNX model: tensor '" + ExternalRef.printable(tensor)
            + "' has external data " + key + " '" + ExternalRef.printable(text) + "', not a non-negative integer");
    }

    private static String text(byte[] bytes, ProtoReader.Field field) throws OnnxFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, field.valueStart(), field.end() - field.valueStart())).toString();
        } catch (CharacterCodingException e) {
            throw ProtoReader.malformed(field.start(), "string field " + field.number() + " is not UTF-8");
        }
    }
}
