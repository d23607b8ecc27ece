package io.dynofa.http.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.ImageTensors;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /dynofa/v1/deployments/{d}/classify}: a PNG or JPEG image through {@link ImageTensors} to the
 * deployment's family, answered with {@code {"label","class","scores","level","backend","latencyMs","family"}}:
 * the top class, its label, the softmax of the model's output in label order, who served it and how long the model
 * ran.
 */
final class Classifier {
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/jpg");

    private final DeploymentDirectory deployments;

    Classifier(DeploymentDirectory deployments) {
        this.deployments = deployments;
    }

    JsonObject classify(Deployment d, Call call) throws HttpError {
        if (!IMAGE_TYPES.contains(call.mediaType())) {
            throw new HttpError(415, "content type '" + call.mediaType() + "' not accepted: send image/png or"
                + " image/jpeg");
        }
        byte[] body = call.body();
        InputSpec spec = d.inference().inputSpec().orElseThrow(() -> new HttpError(503, "deployment '" + d.name()
            + "' has no active family yet"));
        Tensor input;
        try {
            BufferedImage image = ImageTensors.decode(body, call.config().maxImagePixels());
            input = ImageTensors.toTensor(image, spec);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        InferenceResult result;
        try {
            result = d.inference().infer(input);
        } catch (InferenceException e) {
            throw HttpError.of(e);
        }
        if (result.output().dtype() != DType.FLOAT32) {
            throw new HttpError(500, "the model's output is " + result.output().dtype().onnxName() + ", not scores");
        }
        float[] logits = result.output().floats();
        int top = result.topClass();
        List<String> labels = deployments.family(result.familyId()).map(f -> f.labels()).orElse(List.of());
        JsonObject answer = new JsonObject();
        answer.addProperty("label", top < labels.size() ? labels.get(top) : Integer.toString(top));
        answer.addProperty("class", top);
        JsonArray scores = new JsonArray();
        for (double p : softmax(logits)) {
            scores.add(Json.number(p));
        }
        answer.add("scores", scores);
        answer.addProperty("level", result.levelId());
        answer.addProperty("backend", result.backendId());
        answer.add("latencyMs", Json.number(result.latencyMillis()));
        answer.addProperty("family", result.familyId());
        return answer;
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
