package io.dynofa.onnx.internal;

/**
 * The ONNX messages (onnx.proto, IR version 10 / ONNX 1.15+) on a path from {@code ModelProto} to a
 * {@code TensorProto}, and which of their fields hold which of them. Fields not listed cannot contain a tensor
 * and are skipped unread.
 */
enum MessageType {
    MODEL, TRAINING_INFO, FUNCTION, GRAPH, NODE, ATTRIBUTE, SPARSE_TENSOR, TENSOR;

    /** The message type field {@code number} holds, or null when it holds no tensor. */
    MessageType child(int number) {
        return switch (this) {
            // graph = 7, training_info = 20, functions = 25
            case MODEL -> number == 7 ? GRAPH : number == 20 ? TRAINING_INFO : number == 25 ? FUNCTION : null;
            // initialization = 1, algorithm = 2
            case TRAINING_INFO -> number == 1 || number == 2 ? GRAPH : null;
            // attribute_proto = 11, node = 7
            case FUNCTION -> number == 11 ? ATTRIBUTE : number == 7 ? NODE : null;
            // node = 1, initializer = 5, sparse_initializer = 15
            case GRAPH -> number == 1 ? NODE : number == 5 ? TENSOR : number == 15 ? SPARSE_TENSOR : null;
            // attribute = 5
            case NODE -> number == 5 ? ATTRIBUTE : null;
            // t = 5, tensors = 10, g = 6, graphs = 11, sparse_tensor = 22, sparse_tensors = 23
            case ATTRIBUTE -> number == 5 || number == 10 ? TENSOR : number == 6 || number == 11 ? GRAPH
                : number == 22 || number == 23 ? SPARSE_TENSOR : null;
            // values = 1, indices = 2
            case SPARSE_TENSOR -> number == 1 || number == 2 ? TENSOR : null;
            case TENSOR -> null;
        };
    }
}
