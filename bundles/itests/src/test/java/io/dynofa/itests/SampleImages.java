package io.dynofa.itests;

import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import io.dynofa.util.internal.Idx;
import io.dynofa.util.internal.IdxReader;
import io.dynofa.util.internal.IdxReader.DimensionCheck;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The first images of the shipped Fashion-MNIST sample as the HTTP ITs send them: a grey PNG for {@code classify},
 * the demo camera's tensor and its KServe v2 JSON request for {@code infer}.
 */
final class SampleImages {
    static final int SIDE = 28;

    private final Idx images;
    private final Idx labels;

    private SampleImages(Idx images, Idx labels) {
        this.images = images;
        this.labels = labels;
    }

    /** The first {@code count} images and labels of the sample in {@code sampleDir}. */
    static SampleImages read(Path sampleDir, int count) {
        try {
            Idx images = IdxReader.read(sampleDir.resolve("t10k-images-idx3-ubyte.gz"), count,
                DimensionCheck.rank(3, "images"));
            Idx labels = IdxReader.read(sampleDir.resolve("t10k-labels-idx1-ubyte.gz"), count,
                DimensionCheck.rank(1, "labels"));
            return new SampleImages(images, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample in " + sampleDir, e);
        }
    }

    /** The class index image {@code i} is labelled with. */
    int label(int i) {
        return labels.unsigned(i);
    }

    /** Image {@code i} as a 28 x 28 grey PNG. */
    byte[] png(int i) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < SIDE * SIDE; p++) {
            image.getRaster().setSample(p % SIDE, p / SIDE, 0, images.unsigned(i, p));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, "png", out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The tensor the demo camera sends for image {@code i}: each pixel normalised, NCHW, one channel. */
    Tensor tensor(int i, InputSpec spec) {
        float[] values = new float[SIDE * SIDE];
        for (int p = 0; p < values.length; p++) {
            values[p] = spec.normalisation().apply(images.unsigned(i, p), 0);
        }
        return Tensor.ofFloats(values, 1, 1, SIDE, SIDE);
    }

    /** The KServe v2 infer request of {@code tensor} as input {@code input}, FP32. */
    static String v2Request(Tensor tensor) {
        JsonObject input = new JsonObject();
        input.addProperty("name", "input");
        JsonArray shape = new JsonArray();
        for (long d : tensor.shape()) {
            shape.add(d);
        }
        input.add("shape", shape);
        input.addProperty("datatype", "FP32");
        JsonArray data = new JsonArray();
        for (float v : tensor.floats()) {
            data.add(v);
        }
        input.add("data", data);
        JsonArray inputs = new JsonArray();
        inputs.add(input);
        JsonObject request = new JsonObject();
        request.add("inputs", inputs);
        return request.toString();
    }

    /** The index of the largest value. */
    static int argMax(JsonArray values) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i).getAsDouble() > values.get(best).getAsDouble()) {
                best = i;
            }
        }
        return best;
    }
}
