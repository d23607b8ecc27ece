package io.dynofa.itests;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small valid ONNX models in the protobuf wire encoding (IR version 8, opset 17), for tests that need
 * hostile or odd models built in the test:
 * <ul>
 *   <li>{@link #classifier}: input float [N, 1, 28, 28] -&gt; Flatten -&gt; MatMul W [784, C] -&gt; Add b -&gt;
 *       output "logits" float [N, C], each of W and b inline or in external data;</li>
 *   <li>{@link #slow}: the same signature over a chain of large MatMuls (seconds per run, a tiny file);</li>
 *   <li>{@link #flipClassifierSigns}: a shipped model with the sign bit of its classifier's weights flipped.</li>
 * </ul>
 */
public final class OnnxBuilder {
    public static final int PIXELS = 28 * 28;

    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_TENSOR = 4;
    private static final int ATTRIBUTE_INTS = 7;

    private OnnxBuilder() {
    }

    /** Where a tensor's data is: inline values, or {@code length} bytes at {@code offset} of a file. */
    public record Data(float[] values, String location, long offset, long length) {
        public static Data inline(float... values) {
            return new Data(values, null, 0, 0);
        }

        public static Data external(String location, long offset, long length) {
            return new Data(null, location, offset, length);
        }
    }

    /** {@code logits = Flatten(input) . W + b} with {@code classes} outputs. */
    public static byte[] classifier(int classes, Data weights, Data bias) {
        Message graph = new Message()
            .message(1, node("Flatten", "flatten", new String[] {"input"}, "flat"))
            .message(1, node("MatMul", "matmul", new String[] {"flat", "W"}, "scores"))
            .message(1, node("Add", "add", new String[] {"scores", "b"}, "logits"))
            .string(2, "classifier-" + classes)
            .message(5, tensor("W", weights, PIXELS, classes))
            .message(5, tensor("b", bias, classes));
        return model(graph, classes);
    }

    /**
     * A model with the classifier's signature whose every run multiplies a [4096, 784] activation through
     * {@code chain} [1024, 1024] matrices (about 3.3 + 4.3 x chain GMAC): seconds per run on one core. Its
     * weights are made by ConstantOfShape at load, so the file stays small.
     */
    public static byte[] slow(int chain) {
        String[] constants = {"spread", "w1", "w2", "w3"};
        long[][] shapes = {{4096, PIXELS}, {PIXELS, 1024}, {1024, 1024}, {1024, 10}};
        Message graph = new Message();
        for (int i = 0; i < constants.length; i++) {
            graph.message(1, constant(constants[i])).message(5, longs(constants[i] + "-shape", shapes[i]));
        }
        graph.message(1, node("Flatten", "flatten", new String[] {"input"}, "flat"))
            .message(1, node("Add", "broadcast", new String[] {"spread", "flat"}, "h0"))
            .message(1, node("MatMul", "m1", new String[] {"h0", "w1"}, "h1"));
        String last = "h1";
        for (int i = 0; i < chain; i++) {
            String next = "c" + i;
            graph.message(1, node("MatMul", "chain" + i, new String[] {last, "w2"}, next));
            last = next;
        }
        graph.message(1, node("ReduceMean", "mean", new String[] {last}, "pooled")
                .message(5, new Message().string(1, "axes").varint(20, ATTRIBUTE_INTS).varint(8, 0))
                .message(5, new Message().string(1, "keepdims").varint(20, ATTRIBUTE_INT).varint(3, 1)))
            .message(1, node("MatMul", "out", new String[] {"pooled", "w3"}, "logits"))
            .string(2, "slow-" + chain);
        return model(graph, 10);
    }

    /**
     * {@code model} (a shipped level) with the sign bit flipped in every float of each initializer whose name
     * starts with {@code classifier.}: the logits are negated, so the top class becomes the least likely one.
     * The file keeps its size and structure; only weight bits change.
     */
    public static byte[] flipClassifierSigns(byte[] model) {
        byte[] damaged = model.clone();
        int flipped = 0;
        for (int[] graph : fields(damaged, 0, damaged.length, 7)) {
            for (int[] tensor : fields(damaged, graph[0], graph[1], 5)) {
                int[] name = fields(damaged, tensor[0], tensor[1], 8).stream().findFirst().orElse(null);
                int[] raw = fields(damaged, tensor[0], tensor[1], 9).stream().findFirst().orElse(null);
                if (name != null && raw != null && new String(damaged, name[0], name[1] - name[0],
                    StandardCharsets.UTF_8).startsWith("classifier.")) {
                    for (int i = raw[0] + 3; i < raw[1]; i += 4) {
                        damaged[i] ^= (byte) 0x80;
                        flipped++;
                    }
                }
            }
        }
        if (flipped == 0) {
            throw new IllegalArgumentException("the model has no classifier.* initializer with raw data");
        }
        return damaged;
    }

    /** The float32 little-endian bytes of {@code values}, as raw_data and external data files hold them. */
    public static byte[] littleEndian(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return bytes.array();
    }

    private static byte[] model(Message graph, int classes) {
        graph.message(11, valueInfo("input", -1, 1, 28, 28)).message(12, valueInfo("logits", -1, classes));
        return new Message().varint(1, 8).string(2, "dynofa-itests")
            .message(8, new Message().string(1, "").varint(2, 17)).message(7, graph).bytes();
    }

    private static Message node(String op, String name, String[] inputs, String output) {
        Message node = new Message();
        for (String input : inputs) {
            node.string(1, input);
        }
        return node.string(2, output).string(3, name).string(4, op);
    }

    /** A ConstantOfShape node making {@code name}, filled with 0.001, of the shape held by {@code name-shape}. */
    private static Message constant(String name) {
        Message value = new Message().varint(1, 1).varint(2, FLOAT).string(8, "fill")
            .raw(9, littleEndian(new float[] {0.001f}));
        return node("ConstantOfShape", name + "-make", new String[] {name + "-shape"}, name)
            .message(5, new Message().string(1, "value").varint(20, ATTRIBUTE_TENSOR).message(5, value));
    }

    private static Message tensor(String name, Data data, long... dims) {
        Message tensor = new Message();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        tensor.varint(2, FLOAT).string(8, name);
        if (data.location() == null) {
            return tensor.raw(9, littleEndian(data.values()));
        }
        return tensor.message(13, entry("location", data.location()))
            .message(13, entry("offset", Long.toString(data.offset())))
            .message(13, entry("length", Long.toString(data.length())))
            .varint(14, 1);
    }

    private static Message longs(String name, long[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return new Message().varint(1, values.length).varint(2, INT64).string(8, name).raw(9, bytes.array());
    }

    private static Message entry(String key, String value) {
        return new Message().string(1, key).string(2, value);
    }

    /** A float value info; a negative dimension is the symbolic batch "N". */
    private static Message valueInfo(String name, long... dims) {
        Message shape = new Message();
        for (long dim : dims) {
            shape.message(1, dim < 0 ? new Message().string(2, "N") : new Message().varint(1, dim));
        }
        Message tensorType = new Message().varint(1, FLOAT).message(2, shape);
        return new Message().string(1, name).message(2, new Message().message(1, tensorType));
    }

    /** Payload ranges {start, end} of every length-delimited field {@code number} in {@code [start, end)}. */
    private static List<int[]> fields(byte[] bytes, int start, int end, int number) {
        List<int[]> found = new ArrayList<>();
        int[] at = {start};
        while (at[0] < end) {
            long tag = readVarint(bytes, at);
            int wire = (int) (tag & 7);
            if (wire == 0) {
                readVarint(bytes, at);
            } else if (wire == 1 || wire == 5) {
                at[0] += wire == 1 ? 8 : 4;
            } else if (wire == 2) {
                int length = (int) readVarint(bytes, at);
                if (tag >>> 3 == number) {
                    found.add(new int[] {at[0], at[0] + length});
                }
                at[0] += length;
            } else {
                throw new IllegalArgumentException("unexpected wire type " + wire);
            }
        }
        return found;
    }

    private static long readVarint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    /** One protobuf message being written, field by field. */
    private static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            key(field, 0);
            writeVarint(value);
            return this;
        }

        Message string(int field, String value) {
            return raw(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, Message message) {
            return raw(field, message.bytes());
        }

        Message raw(int field, byte[] value) {
            key(field, 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void key(int field, int wireType) {
            writeVarint((long) field << 3 | wireType);
        }

        private void writeVarint(long value) {
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                out.write((int) (rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            out.write((int) rest);
        }
    }
}
