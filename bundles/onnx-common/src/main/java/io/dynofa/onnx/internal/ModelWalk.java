package io.dynofa.onnx.internal;

import java.io.IOException;

/**
 * Walks every message of a model that can hold a {@code TensorProto} (see {@link MessageType}) and lets a
 * {@link TensorVisitor} replace each tensor that refers to external data; the enclosing messages are re-encoded
 * with their new lengths, everything else is copied byte for byte. Recursion is bounded by {@link #MAX_DEPTH}.
 */
final class ModelWalk {
    /** Deepest nesting of messages followed (a subgraph costs three: attribute, graph, node). */
    static final int MAX_DEPTH = 96;

    /** Sees each external tensor; answers its new encoding, or null to keep it. */
    @FunctionalInterface
    interface TensorVisitor {
        byte[] visit(ExternalRef ref, byte[] bytes, int start, int end) throws IOException;
    }

    private final byte[] bytes;
    private final TensorVisitor visitor;

    ModelWalk(byte[] bytes, TensorVisitor visitor) {
        this.bytes = bytes;
        this.visitor = visitor;
    }

    /** The rewritten model, or null when the visitor kept every tensor. */
    byte[] run() throws IOException {
        return walk(MessageType.MODEL, 0, bytes.length, 0);
    }

    private byte[] walk(MessageType type, int start, int end, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw ProtoReader.malformed(start, "messages nested deeper than " + MAX_DEPTH);
        }
        if (type == MessageType.TENSOR) {
            ExternalRef ref = TensorFields.externalRef(bytes, start, end);
            return ref == null ? null : visitor.visit(ref, bytes, start, end);
        }
        ProtoWriter rewritten = null;
        int copied = start;
        ProtoReader reader = new ProtoReader(bytes, start, end);
        while (reader.hasMore()) {
            ProtoReader.Field field = reader.next();
            MessageType child = type.child(field.number());
            if (child == null) {
                continue;
            }
            if (field.wireType() != ProtoReader.LENGTH_DELIMITED) {
                throw ProtoReader.malformed(field.start(), type + " field " + field.number() + " must hold a "
                    + child + " message, found wire type " + field.wireType());
            }
            byte[] replaced = walk(child, field.valueStart(), field.end(), depth + 1);
            if (replaced != null) {
                if (rewritten == null) {
                    long capacity = (long) end - start + replaced.length;
                    rewritten = new ProtoWriter((int) Math.min(capacity, ProtoWriter.MAX_BYTES));
                }
                rewritten.raw(bytes, copied, field.start() - copied).bytes(field.number(), replaced);
                copied = field.end();
            }
        }
        return rewritten == null ? null : rewritten.raw(bytes, copied, end - copied).toByteArray();
    }
}
