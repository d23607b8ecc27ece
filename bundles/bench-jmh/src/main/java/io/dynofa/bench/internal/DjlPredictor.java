package io.dynofa.bench.internal;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a Java developer writes with DJL for the same job: a {@link Predictor} on DJL's ONNX Runtime engine over the
 * level's ONNX file, with a translator that does what our service does (a float[] of the input shape in, the logits
 * out), and the CPU backend's session options (1 intra-op and 1 inter-op thread, ALL_OPT, sequential).
 */
final class DjlPredictor implements AutoCloseable {
    private final ZooModel<float[], float[]> model;
    private final Predictor<float[], float[]> predictor;

    DjlPredictor(Path modelDir, String levelId, long[] shape) throws IOException, ModelNotFoundException,
        MalformedModelException {
        Criteria<float[], float[]> criteria = Criteria.builder()
            .setTypes(float[].class, float[].class)
            .optEngine("OnnxRuntime")
            .optModelPath(modelDir)
            .optModelName(levelId)
            .optOption("intraOpNumThreads", "1")
            .optOption("interOpNumThreads", "1")
            .optOption("optLevel", "ALL_OPT")
            .optOption("executionMode", "SEQUENTIAL")
            .optTranslator(new Floats(new Shape(shape)))
            .build();
        model = criteria.loadModel();
        predictor = model.newPredictor();
    }

    float[] run(float[] input) throws TranslateException {
        return predictor.predict(input);
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }

    /** float[] of one shape in, the first output's floats out. */
    private record Floats(Shape shape) implements Translator<float[], float[]> {
        @Override
        public NDList processInput(TranslatorContext ctx, float[] input) {
            NDArray array = ctx.getNDManager().create(input, shape);
            return new NDList(array);
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return list.get(0).toFloatArray();
        }

        /** The input already holds the batch: nothing to stack (DJL's default stacks, which its ORT arrays lack). */
        @Override
        public Batchifier getBatchifier() {
            return null;
        }
    }
}
