package io.dynofa.onnx.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX model file treated as untrusted input: which of its tensors refer to external data, and the same
 * model with that data inlined. Every {@code TensorProto} is found wherever onnx.proto allows one: graph
 * initializers and sparse initializers, node attributes ({@code t}, {@code tensors}, {@code sparse_tensor(s)})
 * and, recursively, the subgraphs of attributes ({@code g}, {@code graphs}), model-local functions (their nodes
 * and default attributes) and training-info graphs. Malformed input (a length beyond the bytes that remain,
 * a truncated varint, a wrong wire type where onnx.proto has a message, nesting deeper than 96 messages)
 * gives an {@link OnnxFormatException}; nothing is allocated in proportion to a declared length.
 */
public final class OnnxModel {

    private OnnxModel() {
    }

    /** Every tensor of {@code model} that refers to external data, in file order; empty for a self-contained model. */
    public static List<ExternalRef> externalData(byte[] model) throws OnnxFormatException {
        List<ExternalRef> refs = new ArrayList<>();
        try {
            new ModelWalk(model, (ref, bytes, start, end) -> {
                refs.add(ref);
                return null;
            }).run();
        } catch (OnnxFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("collecting references reads nothing", e);
        }
        return List.copyOf(refs);
    }

    /**
     * {@code model} with every external tensor made self-contained: its {@code raw_data} (field 9) set to the
     * bytes {@code source} gives for it, its {@code data_location}, {@code external_data} and any previous
     * {@code raw_data} removed, and the length of every enclosing message re-encoded. The model itself when no
     * tensor refers to external data.
     *
     * @throws IOException whatever {@code source} throws, or an {@link OnnxFormatException}
     */
    public static byte[] inline(byte[] model, ExternalDataSource source) throws IOException {
        byte[] inlined = new ModelWalk(model, (ref, bytes, start, end) -> selfContained(bytes, start, end,
            source.read(ref))).run();
        return inlined == null ? model : inlined;
    }

    private static byte[] selfContained(byte[] bytes, int start, int end, byte[] data) throws OnnxFormatException {
        ProtoWriter tensor = new ProtoWriter(end - start + data.length + 16);
        ProtoReader reader = new ProtoReader(bytes, start, end);
        while (reader.hasMore()) {
            ProtoReader.Field field = reader.next();
            int number = field.number();
            if (number != TensorFields.RAW_DATA && number != TensorFields.EXTERNAL_DATA
                && number != TensorFields.DATA_LOCATION) {
                tensor.raw(bytes, field.start(), field.end() - field.start());
            }
        }
        return tensor.bytes(TensorFields.RAW_DATA, data).toByteArray();
    }
}
