package io.dynofa.ort.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.Tensor;
import io.dynofa.inference.api.TensorSpec;
import io.dynofa.onnx.internal.OnnxModel;
import io.dynofa.onnx.internal.TestModels;
import java.util.List;
import org.junit.Test;

public class SelfContainedModelTest {
    private static final long[] SQUARE = {2, 2};
    private static final String TRAVERSAL = "../../../../../../etc/passwd";

    private final OrtSessionFactory factory =
        new OrtSessionFactory(OrtEnvironment.getEnvironment(), OrtSettings.defaults("cpu"), ExecutionProvider.CPU);

    @Test
    public void aModelReferringToExternalDataIsRefusedBeforeOnnxRuntimeSeesIt() throws Exception {
        byte[] evil = TestModels.matMul(TestModels.externalTensor("W", SQUARE, TRAVERSAL, 0, 16));
        BackendException e = assertThrows(BackendException.class, () -> factory.load("evil", evil));
        assertEquals("model 'evil' refused: it refers to external data '" + TRAVERSAL + "' (tensor W); external "
            + "data must be inlined by the family provider", e.getMessage());
    }

    @Test
    public void bytesThatAreNotOnnxFailWithTheModelNameAndTheReason() {
        BackendException e = assertThrows(BackendException.class, () -> factory.load("junk", new byte[] {0x3A, 9}));
        assertEquals("model 'junk' could not be loaded: not a valid ONNX model: field 7 declares 9 bytes but only 0 "
            + "remain at byte 0", e.getMessage());
    }

    @Test
    public void theSameModelInlinedLoadsAndComputesWithTheInlinedWeights() throws Exception {
        byte[] external = TestModels.matMul(TestModels.externalTensor("W", SQUARE, "w.bin", 0, 16));
        byte[] inlined = OnnxModel.inline(external, ref -> TestModels.floats(1, 2, 3, 4));
        try (LoadedModel model = factory.load("inlined", inlined)) {
            Tensor y = model.run(Tensor.ofFloats(new float[] {1, 1, 0, 1}, 2, 2));
            assertArrayEquals(new float[] {4, 6, 3, 4}, y.floats(), 0f);
            assertEquals(List.of(new TensorSpec("x", new long[] {-1, 2}, DType.FLOAT32)), model.inputs());
            assertEquals(List.of(new TensorSpec("y", new long[] {-1, 2}, DType.FLOAT32)), model.outputs());
            assertTrue(model.outputs().get(0).shapeMatches(y.shape()));
        }
    }
}
