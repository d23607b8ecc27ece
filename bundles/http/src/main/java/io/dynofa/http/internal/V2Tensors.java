package io.dynofa.http.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

/**
 * Tensors in the Open Inference Protocol's (KServe v2) JSON form: {@code {"name","shape","datatype","data"}}, data
 * in row-major order, flat or nested. Datatypes FP32, UINT8 and INT64, the element types of {@link DType}.
 */
final class V2Tensors {
    private static final Map<DType, String> NAMES = Map.of(DType.FLOAT32, "FP32", DType.UINT8, "UINT8",
        DType.INT64, "INT64");

    /** Longest text of a whole number read (a longer one is no int64 however written). */
    private static final int MAX_INTEGER_TEXT = 40;

    private V2Tensors() {
    }

    /** The protocol's datatype name of {@code dtype}, e.g. FP32; null for null. */
    static String datatype(DType dtype) {
        return dtype == null ? null : NAMES.get(dtype);
    }

    /**
     * The one input tensor of an inference request {@code {"inputs":[{...}]}} for a family expecting {@code spec}.
     * Whether the tensor fits the spec beyond its name is the inference service's to check.
     *
     * @throws HttpError 400 naming what is missing, of the wrong type or inconsistent
     */
    static Tensor input(JsonObject request, InputSpec spec) throws HttpError {
        JsonArray inputs = array(request.get("inputs"), "inputs");
        if (inputs.size() != 1) {
            throw HttpError.badRequest("inputs: the model takes one input ('" + spec.name() + "'), got "
                + inputs.size());
        }
        if (!inputs.get(0).isJsonObject()) {
            throw HttpError.badRequest("inputs[0] must be an object {name, shape, datatype, data}");
        }
        JsonObject input = inputs.get(0).getAsJsonObject();
        String name = string(input.get("name"), "inputs[0].name");
        if (!name.equals(spec.name())) {
            throw HttpError.badRequest("inputs[0].name '" + name + "' is not the model's input '" + spec.name() + "'");
        }
        long[] shape = shape(array(input.get("shape"), "inputs[0].shape"));
        DType dtype = dtype(string(input.get("datatype"), "inputs[0].datatype"));
        int elements = elements(shape);
        Object data = switch (dtype) {
            case FLOAT32 -> new float[elements];
            case UINT8 -> new byte[elements];
            case INT64 -> new long[elements];
        };
        int filled = fill(array(input.get("data"), "inputs[0].data"), data, dtype, 0, 1);
        if (filled != elements) {
            throw HttpError.badRequest("inputs[0].data holds " + filled + " elements, shape " + Arrays.toString(shape)
                + " needs " + elements);
        }
        return switch (dtype) {
            case FLOAT32 -> Tensor.ofFloats((float[]) data, shape);
            case UINT8 -> Tensor.ofBytes((byte[]) data, shape);
            case INT64 -> Tensor.ofLongs((long[]) data, shape);
        };
    }

    /** {@code tensor} as an output tensor named {@code name}. */
    static JsonObject output(String name, Tensor tensor) {
        JsonObject out = new JsonObject();
        out.addProperty("name", name);
        out.add("shape", Json.GSON.toJsonTree(tensor.shape()));
        out.addProperty("datatype", datatype(tensor.dtype()));
        JsonArray data = new JsonArray();
        switch (tensor.dtype()) {
            case FLOAT32 -> {
                for (float v : tensor.floats()) {
                    data.add(Json.number(v));
                }
            }
            case UINT8 -> {
                for (byte v : tensor.bytes()) {
                    data.add(Byte.toUnsignedInt(v));
                }
            }
            case INT64 -> {
                for (long v : tensor.longs()) {
                    data.add(v);
                }
            }
        }
        out.add("data", data);
        return out;
    }

    /** A tensor's metadata entry {@code {"name","datatype","shape"}}. */
    static JsonObject metadata(String name, DType dtype, long[] shape) {
        JsonObject entry = new JsonObject();
        entry.addProperty("name", name);
        entry.addProperty("datatype", datatype(dtype));
        entry.add("shape", Json.GSON.toJsonTree(shape));
        return entry;
    }

    private static DType dtype(String datatype) throws HttpError {
        return NAMES.entrySet().stream().filter(e -> e.getValue().equals(datatype)).map(Map.Entry::getKey)
            .findFirst().orElseThrow(() -> HttpError.badRequest("inputs[0].datatype '" + datatype
                + "' not supported (FP32, UINT8, INT64)"));
    }

    private static long[] shape(JsonArray dims) throws HttpError {
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = integer(dims.get(i), "inputs[0].shape[" + i + "]", 0, Integer.MAX_VALUE);
        }
        return shape;
    }

    private static int elements(long[] shape) throws HttpError {
        long n = 1;
        for (long d : shape) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw HttpError.badRequest("inputs[0].shape " + Arrays.toString(shape) + " holds too many elements");
            }
        }
        return (int) n;
    }

    /** Copies the numbers of a (nested) array into {@code data} from {@code at}; returns the count reached. */
    private static int fill(JsonArray values, Object data, DType dtype, int at, int depth) throws HttpError {
        int next = at;
        for (JsonElement value : values) {
            if (value.isJsonArray()) {
                if (depth >= Json.MAX_NESTING) {
                    throw HttpError.badRequest("inputs[0].data nests too deep");
                }
                next = fill(value.getAsJsonArray(), data, dtype, next, depth + 1);
                continue;
            }
            if (next >= Array.getLength(data)) {
                throw HttpError.badRequest("inputs[0].data holds more elements than its shape's " + next);
            }
            String where = "inputs[0].data element " + next;
            switch (dtype) {
                case FLOAT32 -> ((float[]) data)[next] = (float) Double.parseDouble(number(value, where));
                case UINT8 -> ((byte[]) data)[next] = (byte) integer(value, where, 0, 255);
                case INT64 -> ((long[]) data)[next] = integer(value, where, Long.MIN_VALUE, Long.MAX_VALUE);
            }
            next++;
        }
        return next;
    }

    /** The number's JSON text (strict JSON: a valid number). */
    private static String number(JsonElement value, String where) throws HttpError {
        if (!(value instanceof JsonPrimitive p) || !p.isNumber()) {
            throw HttpError.badRequest(where + " is not a number: " + Json.shortened(value));
        }
        return p.getAsString();
    }

    private static long integer(JsonElement value, String where, long min, long max) throws HttpError {
        String text = number(value, where);
        if (text.length() > MAX_INTEGER_TEXT) {
            throw HttpError.badRequest(where + " is not a whole number within " + min + " to " + max);
        }
        try {
            long v = new BigDecimal(text).longValueExact();
            if (v < min || v > max) {
                throw HttpError.badRequest(where + " is " + v + ", outside " + min + " to " + max);
            }
            return v;
        } catch (ArithmeticException e) {
            throw HttpError.badRequest(where + " is not a whole number within " + min + " to " + max + ": " + text);
        }
    }

    private static JsonArray array(JsonElement value, String where) throws HttpError {
        if (value == null || !value.isJsonArray()) {
            throw HttpError.badRequest(where + " must be an array" + (value == null ? " (missing)"
                : ", got " + Json.shortened(value)));
        }
        return value.getAsJsonArray();
    }

    private static String string(JsonElement value, String where) throws HttpError {
        if (!(value instanceof JsonPrimitive p) || !p.isString()) {
            throw HttpError.badRequest(where + " must be a string" + (value == null ? " (missing)"
                : ", got " + Json.shortened(value)));
        }
        return p.getAsString();
    }
}
