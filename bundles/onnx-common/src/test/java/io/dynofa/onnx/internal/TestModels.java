package io.dynofa.onnx.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds ONNX messages field by field for tests (onnx.proto field numbers), and one small runnable model:
 * {@code y = MatMul(x, W)} with x float [N, 2] and W a float [2, 2] initializer (opset 17, IR version 8).
 */
public final class TestModels {
    public static final int FLOAT = 1;

    private TestModels() {
    }

    /** A float tensor holding {@code values} in raw_data. */
    public static ProtoWriter tensor(String name, long[] dims, float... values) throws OnnxFormatException {
        return header(name, dims).bytes(TensorFields.RAW_DATA, floats(values));
    }

    /** A float tensor whose data is {@code length} bytes at {@code offset} of {@code location}. */
    public static ProtoWriter externalTensor(String name, long[] dims, String location, long offset, long length)
        throws OnnxFormatException {
        return header(name, dims).message(TensorFields.EXTERNAL_DATA, entry("location", location))
            .message(TensorFields.EXTERNAL_DATA, entry("offset", Long.toString(offset)))
            .message(TensorFields.EXTERNAL_DATA, entry("length", Long.toString(length)))
            .varint(TensorFields.DATA_LOCATION, 1);
    }

    public static ProtoWriter entry(String key, String value) throws OnnxFormatException {
        return new ProtoWriter().string(1, key).string(2, value);
    }

    /** The float32 little-endian encoding of {@code values}, as raw_data and external files hold it. */
    public static byte[] floats(float... values) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            data.putFloat(v);
        }
        return data.array();
    }

    /** A model (IR 8, opset 17) around {@code graph}. */
    public static byte[] model(ProtoWriter graph) throws OnnxFormatException {
        return new ProtoWriter().varint(1, 8).string(2, "dynofa-test")
            .message(8, new ProtoWriter().string(1, "").varint(2, 17)).message(7, graph).toByteArray();
    }

    /** {@code y = MatMul(x, W)}: x float [N, 2], y float [N, 2], {@code weight} the initializer "W" [2, 2]. */
    public static byte[] matMul(ProtoWriter weight) throws OnnxFormatException {
        ProtoWriter node = new ProtoWriter().string(1, "x").string(1, "W").string(2, "y").string(3, "mm")
            .string(4, "MatMul");
        ProtoWriter graph = new ProtoWriter().message(1, node).string(2, "matmul").message(5, weight)
            .message(11, valueInfo("x", -1, 2)).message(12, valueInfo("y", -1, 2));
        return model(graph);
    }

    /** A float tensor value info; -1 is the symbolic batch dimension "N". */
    public static ProtoWriter valueInfo(String name, long... dims) throws OnnxFormatException {
        ProtoWriter shape = new ProtoWriter();
        for (long dim : dims) {
            shape.message(1, dim < 0 ? new ProtoWriter().string(2, "N") : new ProtoWriter().varint(1, dim));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }

    private static ProtoWriter header(String name, long[] dims) throws OnnxFormatException {
        ProtoWriter tensor = new ProtoWriter();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        return tensor.varint(2, FLOAT).string(TensorFields.NAME, name);
    }
}
