package io.dynofa.bench.internal;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import io.dynofa.util.internal.Idx;
import io.dynofa.util.internal.IdxReader;
import io.dynofa.util.internal.Stats;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The HTTP path against the in-process call, the level pinned: {@link InferenceService#infer} of a tensor, the same
 * tensor as Open Inference Protocol JSON to {@code POST /v2/models/default/infer}, and the sample image as PNG to
 * {@code POST /dynofa/v1/deployments/default/classify}, over one reused HTTP/1.1 client on the loopback, in
 * interleaved blocks (the order rotating each round). The request bodies are built before the timing, so the added
 * latency is the server's (parse, decode, tensor, JSON answer) and the loopback's, not the client's encoding.
 */
final class HttpPathMeasurement {
    private static final String[] NAMES = {"inProcess", "httpTensor", "httpImage"};

    private final Gateway gateway;
    private final Workload work;
    private final BenchSettings settings;
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    HttpPathMeasurement(Gateway gateway, Workload work, BenchSettings settings, int port) {
        this.gateway = gateway;
        this.work = work;
        this.settings = settings;
        this.base = "http://127.0.0.1:" + port;
    }

    Map<String, Object> measure(String which, Level level) throws Exception {
        InferenceService service = gateway.service();
        Tensor[] tensors = work.tensors();
        gateway.pinAndWait(level, tensors[0]);
        String inputName = service.inputSpec().orElseThrow().name();
        String[] tensorBodies = new String[Workload.IMAGES];
        byte[][] pngs = pngs(settings.sample());
        for (int i = 0; i < Workload.IMAGES; i++) {
            tensorBodies[i] = v2Body(inputName, work.shape(), work.images()[i]);
        }
        URI infer = URI.create(base + "/v2/models/default/infer");
        URI classify = URI.create(base + "/dynofa/v1/deployments/default/classify");
        Call[] calls = {
            i -> service.infer(tensors[i % Workload.IMAGES]).output().floats()[0],
            i -> post(infer, "application/json", HttpRequest.BodyPublishers.ofString(tensorBodies[i % Workload.IMAGES])),
            i -> post(classify, "image/png", HttpRequest.BodyPublishers.ofByteArray(pngs[i % Workload.IMAGES]))
        };
        int rounds = settings.quick() ? 5 : 20;
        int block = 50;
        List<List<Long>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Call call : calls) {
            for (int i = 0; i < block; i++) {
                call.run(i);
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < calls.length; k++) {
                int v = (round + k) % calls.length;
                for (int i = 0; i < block; i++) {
                    long t0 = System.nanoTime();
                    calls[v].run(i);
                    times.get(v).add(System.nanoTime() - t0);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("which", which);
        out.put("level", level.id());
        out.put("requestsEach", rounds * block);
        double[] medians = new double[NAMES.length];
        for (int k = 0; k < NAMES.length; k++) {
            long[] t = times.get(k).stream().mapToLong(Long::longValue).toArray();
            medians[k] = Stats.median(t, t.length) / 1e3;
            out.put(NAMES[k] + "MedianUs", medians[k]);
            out.put(NAMES[k] + "P95Us", Stats.percentile(t, t.length, 0.95) / 1e3);
        }
        out.put("httpTensorAddedUs", medians[1] - medians[0]);
        out.put("httpImageAddedUs", medians[2] - medians[0]);
        return out;
    }

    /** POSTs {@code body}; the first byte of the answer (it must be 200). */
    private float post(URI uri, String type, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", type).POST(body)
            .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode() + ": "
                + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.body().length;
    }

    private static String v2Body(String name, long[] shape, float[] data) {
        return "{\"inputs\":[{\"name\":\"" + name + "\",\"shape\":" + Arrays.toString(shape).replace(" ", "")
            + ",\"datatype\":\"FP32\",\"data\":[" + floats(data) + "]}]}";
    }

    private static String floats(float[] data) {
        StringBuilder text = new StringBuilder(data.length * 8);
        for (int i = 0; i < data.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(data[i]);
        }
        return text.toString();
    }

    /** The first sample images as grey PNGs, as a camera would send them. */
    private static byte[][] pngs(Path idx) throws IOException {
        Idx images = IdxReader.read(idx, Workload.IMAGES, IdxReader.DimensionCheck.ANY);
        int rows = images.dims()[1];
        int cols = images.dims()[2];
        byte[][] pngs = new byte[Workload.IMAGES][];
        for (int i = 0; i < Workload.IMAGES; i++) {
            BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < rows * cols; p++) {
                image.getRaster().setSample(p % cols, p / cols, 0, images.unsigned(i, p));
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            pngs[i] = png.toByteArray();
        }
        return pngs;
    }
}
