package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import io.dynofa.runtime.api.RuntimeControl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.Test;

/**
 * The inference endpoints over real HTTP (Felix HTTP Jetty 12 on a free port): KServe v2 health, model metadata,
 * ready and infer, and image classification of the shipped sample; every bad request a 4xx with a JSON error.
 */
public class HttpInferenceIT extends GatewayIT {
    private static final int IMAGES = 10;
    private static final int MAX_BODY = 64 * 1024;

    @Override
    protected List<String> modules() {
        return HttpCalls.gatewayWithHttp();
    }

    @Override
    protected Map<String, Map<String, String>> configurations() {
        return HttpCalls.configurations(Map.of("maxBodyBytes", String.valueOf(MAX_BODY)));
    }

    @Test
    public void healthSaysLiveAndReadyOnceTheDeploymentServes() {
        ready();
        HttpCalls http = HttpCalls.of(context);
        HttpCalls.Reply live = http.get("/v2/health/live");
        assertEquals(live.toString(), 200, live.status());
        assertTrue(live.object().get("live").getAsBoolean());
        HttpCalls.Reply ready = http.get("/v2/health/ready");
        assertEquals(ready.toString(), 200, ready.status());
        assertTrue(ready.object().get("ready").getAsBoolean());
        JsonObject check = ready.object().getAsJsonArray("checks").get(0).getAsJsonObject();
        assertEquals("deployment default", check.get("name").getAsString());
        assertEquals("READY", check.get("status").getAsString());
        assertEquals(404, http.get("/v2/health/nothing").status());
        assertEquals(405, http.send("POST", "/v2/health/live", null, null).status());
    }

    @Test
    public void modelMetadataAndReadyFollowTheProtocol() {
        ready();
        HttpCalls http = HttpCalls.of(context);
        ModelFamily family = service(ModelFamily.class);
        JsonObject meta = http.get("/v2/models/default").object();
        assertEquals("default", meta.get("name").getAsString());
        assertEquals(family.version(), meta.getAsJsonArray("versions").get(0).getAsString());
        assertEquals("dynofa", meta.get("platform").getAsString());
        JsonObject input = meta.getAsJsonArray("inputs").get(0).getAsJsonObject();
        assertEquals("input", input.get("name").getAsString());
        assertEquals("FP32", input.get("datatype").getAsString());
        assertEquals("[-1,1,28,28]", input.get("shape").toString());
        JsonObject output = meta.getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("logits", output.get("name").getAsString());
        assertEquals("[-1,10]", output.get("shape").toString());
        HttpCalls.Reply modelReady = http.get("/v2/models/default/ready");
        assertEquals(modelReady.toString(), 200, modelReady.status());
        assertTrue(modelReady.object().get("ready").getAsBoolean());
        assertEquals(200, http.get("/v2/models/default/versions/" + family.version() + "/ready").status());
        assertEquals(404, http.get("/v2/models/default/versions/0.0.0-none/ready").status());
        HttpCalls.Reply unknown = http.get("/v2/models/nobody");
        assertEquals(unknown.toString(), 404, unknown.status());
        assertTrue(unknown.error(), unknown.error().contains("nobody"));
    }

    @Test
    public void theShippedSampleIsClassifiedAsItsLabelAndItsTensorGivesTheSameClass() throws Exception {
        ready();
        HttpCalls http = HttpCalls.of(context);
        RuntimeControl control = control();
        List<Level> levels = control.levels();
        Level top = levels.get(levels.size() - 1);
        control.pin(top.id());
        try {
            awaitPinned(control, top.id());
            SampleImages sample = SampleImages.read(modelsDir().resolve(SAMPLE), IMAGES);
            List<String> names = service(ModelFamily.class).labels();
            InputSpec spec = inference().inputSpec().orElseThrow();
            int correct = 0;
            for (int i = 0; i < IMAGES; i++) {
                HttpCalls.Reply classified = http.send("POST", "/dynofa/v1/deployments/default/classify", "image/png",
                    sample.png(i));
                assertEquals(classified.toString(), 200, classified.status());
                JsonObject answer = classified.object();
                int cls = answer.get("class").getAsInt();
                assertEquals(names.get(cls), answer.get("label").getAsString());
                assertEquals(top.id(), answer.get("level").getAsString());
                assertEquals(10, answer.getAsJsonArray("scores").size());
                assertTrue(answer.get("latencyMs").getAsDouble() > 0);
                Tensor tensor = sample.tensor(i, spec);
                assertEquals("in-process class of image " + i, inference().infer(tensor).topClass(), cls);
                JsonObject inferred = http.json("POST", "/v2/models/default/infer", SampleImages.v2Request(tensor))
                    .object();
                JsonObject logits = inferred.getAsJsonArray("outputs").get(0).getAsJsonObject();
                assertEquals("logits", logits.get("name").getAsString());
                assertEquals("[1,10]", logits.get("shape").toString());
                assertEquals("class through /v2 infer of image " + i, cls,
                    SampleImages.argMax(logits.getAsJsonArray("data")));
                assertEquals(top.id(), inferred.getAsJsonObject("parameters").get("level").getAsString());
                correct += cls == sample.label(i) ? 1 : 0;
                if (i == 0) {
                    assertEquals("image 0's label", names.get(sample.label(0)), answer.get("label").getAsString());
                }
            }
            assertTrue(correct + " of " + IMAGES + " labelled right", correct >= IMAGES * 7 / 10);
        } finally {
            control.unpin();
        }
    }

    @Test
    public void badRequestsGetClearFourHundreds() throws IOException {
        ready();
        HttpCalls http = HttpCalls.of(context);
        String infer = "/v2/models/default/infer";
        expect(http.json("POST", infer, "{\"inputs\": [ {"), 400, "malformed JSON");
        expect(http.json("POST", infer, "[1, 2]"), 400, "JSON object");
        expect(http.json("POST", infer, input("FP64", "[1,1,28,28]", 784)), 400, "FP64");
        expect(http.json("POST", infer, input("FP32", "[1,1,28,28]", 700)), 400, "700 elements");
        expect(http.json("POST", infer, input("FP32", "[1,1,27,27]", 729)), 400, "INVALID_INPUT");
        expect(http.json("POST", infer, "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,2],\"datatype\":\"FP32\","
            + "\"data\":[1,\"x\"]}]}"), 400, "not a number");
        expect(http.json("POST", "/v2/models/nobody/infer", input("FP32", "[1,1,28,28]", 784)), 404, "nobody");
        expect(http.get(infer), 405, "GET");
        expect(http.send("POST", infer, "text/plain", "{}".getBytes(StandardCharsets.UTF_8)), 415, "text/plain");
        expect(http.send("POST", infer, "application/json", new byte[MAX_BODY + 1]), 413, "maxBodyBytes");
        String classify = "/dynofa/v1/deployments/default/classify";
        expect(http.send("POST", classify, "text/plain", new byte[10]), 415, "image/png");
        expect(http.send("POST", classify, "image/png", "not an image".getBytes(StandardCharsets.UTF_8)), 400,
            "not a PNG or JPEG");
        expect(http.send("POST", classify, "image/png", pngHeader(60_000, 60_000)), 400, "60000 x 60000");
        expect(http.send("GET", classify, null, null), 405, "POST");
        expect(http.send("POST", "/dynofa/v1/deployments/nobody/classify", "image/png", new byte[10]), 404, "nobody");
        assertEquals("still serving", 200, http.get("/v2/health/ready").status());
    }

    private static void expect(HttpCalls.Reply reply, int status, String inError) {
        reply.assertError(status, inError);
    }

    private static String input(String datatype, String shape, int elements) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < elements; i++) {
            data.append(i == 0 ? "" : ",").append("0.5");
        }
        return "{\"inputs\":[{\"name\":\"input\",\"shape\":" + shape + ",\"datatype\":\"" + datatype + "\",\"data\":["
            + data + "]}]}";
    }

    /** A PNG signature and an IHDR chunk declaring {@code width} x {@code height} grey pixels, and no pixel data. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width)
            .putInt(height).put(new byte[] {8, 0, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(33).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
            .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    private static void awaitPinned(RuntimeControl control, String levelId) {
        await("level " + levelId + " pinned").until(() ->
            levelId.equals(control.status().levelId()));
    }
}
