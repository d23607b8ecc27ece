package io.dynofa.http.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import io.dynofa.inference.api.Tensor;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class V2TensorsTest {
    private static final InputSpec SPEC = new InputSpec("input", new long[] {-1, 1, 2, 2}, "NCHW", DType.FLOAT32,
        new Normalisation(1, new double[] {0}, new double[] {1}));

    @Test
    public void readsAFlatOrNestedFp32Input() throws HttpError {
        Tensor flat = V2Tensors.input(request("[1,1,2,2]", "FP32", "[0.5, 1, -2, 3e2]"), SPEC);
        assertArrayEquals(new long[] {1, 1, 2, 2}, flat.shape());
        assertArrayEquals(new float[] {0.5f, 1, -2, 300}, flat.floats(), 0f);
        Tensor nested = V2Tensors.input(request("[1,1,2,2]", "FP32", "[[[[0.5, 1], [-2, 3e2]]]]"), SPEC);
        assertArrayEquals(flat.floats(), nested.floats(), 0f);
    }

    @Test
    public void readsUint8AndInt64() throws HttpError {
        assertArrayEquals(new byte[] {0, (byte) 255}, V2Tensors.input(request("[1,2]", "UINT8", "[0, 255]"), SPEC)
            .bytes());
        assertArrayEquals(new long[] {-5, 9_007_199_254_740_993L}, V2Tensors.input(request("[2]", "INT64",
            "[-5, 9007199254740993]"), SPEC).longs());
    }

    @Test
    public void refusesWhatIsMissingMistypedOrInconsistent() {
        refused(json("{}"), "inputs");
        refused(json("{\"inputs\": []}"), "one input");
        refused(request("[1,1,2,2]", "FP16", "[1,2,3,4]"), "FP16");
        refused(request("[1,1,2,2]", "FP32", "[1,2,3]"), "3 elements");
        refused(request("[1,1,2,2]", "FP32", "[1,2,3,4,5]"), "more elements");
        refused(request("[1,1,2,2]", "FP32", "[1,2,3,\"4\"]"), "not a number");
        refused(request("[1,1,2,2]", "FP32", "[1,2,3,null]"), "not a number");
        refused(request("[1,-1,2,2]", "FP32", "[1,2,3,4]"), "shape[1]");
        refused(request("[1,2.5]", "FP32", "[1,2]"), "shape[1]");
        refused(request("[65536,65536]", "FP32", "[1]"), "too many elements");
        refused(request("[2]", "UINT8", "[1, 256]"), "outside 0 to 255");
        refused(request("[2]", "UINT8", "[1, 0.5]"), "whole number");
        refused(request("[1]", "INT64", "[1" + "0".repeat(50) + "]"), "whole number");
        refused(json("{\"inputs\": [{\"name\": \"other\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [1]}]}"),
            "'other'");
        refused(json("{\"inputs\": [{\"shape\": [1], \"datatype\": \"FP32\", \"data\": [1]}]}"), "name");
    }

    @Test
    public void writesOutputsWithTheirShapeAndDatatype() {
        JsonObject out = V2Tensors.output("logits", Tensor.ofFloats(new float[] {1.5f, Float.NaN}, 1, 2));
        assertEquals("{\"name\":\"logits\",\"shape\":[1,2],\"datatype\":\"FP32\",\"data\":[1.5,null]}",
            Json.GSON.toJson(out));
    }

    private static void refused(JsonObject request, String inMessage) {
        HttpError e = assertThrows(HttpError.class, () -> V2Tensors.input(request, SPEC));
        assertEquals(400, e.status());
        assertTrue(e.getMessage(), e.getMessage().contains(inMessage));
    }

    private static JsonObject request(String shape, String datatype, String data) {
        return json("{\"inputs\": [{\"name\": \"input\", \"shape\": " + shape + ", \"datatype\": \"" + datatype
            + "\", \"data\": " + data + "}]}");
    }

    private static JsonObject json(String text) {
        try {
            return Json.parse(text.getBytes(StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (HttpError e) {
            throw new AssertionError(e);
        }
    }
}
