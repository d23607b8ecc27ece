package io.dynofa.onnx.internal;

/**
 * One tensor of a model whose data lives outside the model file ({@code TensorProto.external_data} or
 * {@code data_location = EXTERNAL}).
 *
 * @param tensorName the tensor's name, empty when it has none
 * @param location the {@code location} entry as written in the model (untrusted), empty when there is none
 * @param offset the {@code offset} entry, 0 when absent
 * @param length the {@code length} entry, -1 when absent (the data runs to the end of the file)
 */
public record ExternalRef(String tensorName, String location, long offset, long length) {
    private static final int MAX_SHOWN = 200;

    /** The location for messages: control characters escaped, at most 200 characters. */
    public String locationText() {
        return printable(location);
    }

    /** The tensor name for messages, like {@link #locationText()}; {@code (unnamed)} when empty. */
    public String tensorText() {
        return tensorName.isEmpty() ? "(unnamed)" : printable(tensorName);
    }

    /** {@code text} for messages: control characters escaped, at most 200 characters. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < text.length() && b.length() < MAX_SHOWN; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return i < text.length() ? b.append('…').toString() : b.toString();
    }
}
