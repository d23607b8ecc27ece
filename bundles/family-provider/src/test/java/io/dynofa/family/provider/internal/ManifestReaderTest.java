package io.dynofa.family.provider.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.dynofa.family.api.LevelSpec;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.TensorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

public class ManifestReaderTest {
    private static final String SHA = "ab".repeat(32);
    private static final String SHA2 = "cd".repeat(32);
    private static final String GOOD = TestFamily.manifest("fam", "2.1.0",
        List.of(TestFamily.level("l1", "l1.onnx", SHA), TestFamily.level("l2", "l2.onnx", SHA2)));

    @Test
    public void readsAGoodManifest() throws Exception {
        Manifest manifest = ManifestReader.read(GOOD);
        assertEquals("fam", manifest.familyId());
        assertEquals("2.1.0", manifest.version());
        assertEquals(List.of("a", "b", "c"), manifest.labels());
        InputSpec input = manifest.input();
        assertEquals("input", input.name());
        assertArrayEquals(new long[] {-1, 1, 28, 28}, input.shape());
        assertEquals("NCHW", input.layout());
        assertEquals(DType.FLOAT32, input.dtype());
        assertEquals(1.0f, input.normalisation().apply(255, 0), 1e-6f);
        assertEquals(new LevelSpec("l1", "ofa", "r28 d2-1 k35|7 e24|6", 52410, 1190000, 84.1, 84.3, "l1.onnx", SHA),
            manifest.levels().get(0));
        assertEquals("l2", manifest.level("l2").orElseThrow().id());
    }

    @Test
    public void readsTheProjectsRealManifest() throws Exception {
        Manifest manifest = ManifestReader.read(resource("/fmnist-ofa-manifest.json"));
        assertEquals("fmnist-ofa", manifest.familyId());
        assertEquals(12, manifest.levels().size());
        assertEquals(10, manifest.labels().size());
        LevelSpec ofa03 = manifest.level("ofa-03").orElseThrow();
        assertEquals("r24 d2-3-3 k35|533|355 e32|224|626", ofa03.architecture());
        assertEquals("ofa-03.onnx", ofa03.file());
        assertEquals("r28 d4-4-4 k7777|7777|7777 e6666|6666|6666",
            manifest.level("width-666").orElseThrow().architecture());
    }

    @Test
    public void acceptsFreeFormArchitecturesAndFilesInSubfolders() throws Exception {
        String architecture = GOOD.substring(GOOD.indexOf("{\"resolution\""), GOOD.indexOf("}]}") + 3);
        String freeForm = "{\"width\": 1.5, \"blocks\": [3, \"b\"]}";
        Manifest manifest = ManifestReader.read(GOOD
            .replaceFirst(Pattern.quote(architecture), Matcher.quoteReplacement(freeForm))
            .replace(architecture, "\"resnet-18\"")
            .replace("\"l2.onnx\"", "\"onnx/l2.onnx\""));
        assertEquals("{\"width\":1.5,\"blocks\":[3,\"b\"]}", manifest.levels().get(0).architecture());
        assertEquals("resnet-18", manifest.levels().get(1).architecture());
        assertEquals("onnx/l2.onnx", manifest.levels().get(1).file());
    }

    @Test
    public void namesTheMissingField() {
        assertProblem(GOOD.replace("\"sha256\": \"" + SHA2 + "\"}", "\"x\": 1}"), "levels[1].sha256 missing");
        assertProblem(GOOD.replace("\"version\": \"2.1.0\", ", ""), "family.version missing");
        assertProblem(GOOD.replace("\"depth\": 1, ", ""), "levels[0].architecture.stages[1].depth missing");
    }

    @Test
    public void namesTheWrongType() {
        assertProblem(GOOD.replace("\"params\": 52410", "\"params\": \"many\""),
            "levels[0].params must be an integer, found string \"many\"");
        assertProblem(GOOD.replace("\"macs\": 1190000", "\"macs\": 1.5"),
            "levels[0].macs must be an integer, found number 1.5");
        assertProblem(GOOD.replace("\"labels\": [\"a\", \"b\", \"c\"]", "\"labels\": \"abc\""),
            "labels must be an array, found string \"abc\"");
        assertProblem(GOOD.replaceFirst("\"float32\"", "\"float16\""),
            "input.dtype unknown dtype 'float16'");
    }

    @Test
    public void rejectsInconsistentContent() {
        assertProblem(GOOD.replace("\"l2.onnx\"", "\"../l2.onnx\""), "levels[1].file must be a relative path");
        assertProblem(GOOD.replace("\"l2.onnx\"", "\"/tmp/l2.onnx\""), "levels[1].file must be a relative path");
        assertProblem(GOOD.replace("\"l2.onnx\"", "\"a/./l2.onnx\""), "levels[1].file must be a relative path");
        assertProblem(GOOD.replace("\"id\": \"l2\"", "\"id\": \"l1\""), "levels[1].id duplicates level id 'l1'");
        assertProblem(GOOD.replace(SHA2, "AB" + SHA2.substring(2)), "levels[1].sha256 must be 64 lower-case hex");
        assertProblem(GOOD.replace("\"shape\": [-1, 3]", "\"shape\": [-1, 4]"),
            "output.shape ends in 4 classes but labels has 3");
        assertProblem(GOOD.replace("\"kernel\": [7]", "\"kernel\": []"),
            "levels[0].architecture.stages[1].kernel must not be empty");
        assertProblem(GOOD.replace("\"depth\": 2, \"kernel\": [3, 5, 7]", "\"depth\": 4, \"kernel\": [3, 5, 7]"),
            "levels[0].architecture.stages[0].kernel has 3 entries, fewer than the stage depth 4");
        assertProblem(GOOD.replace("\"levels\": [", "\"levels\": [], \"x\": ["), "levels must not be empty");
    }

    @Test
    public void readsTheOutputSpec() throws Exception {
        assertEquals(new TensorSpec("logits", new long[] {-1, 3}, DType.FLOAT32), ManifestReader.read(GOOD).output());
        assertProblem(GOOD.replace("\"dtype\": \"float32\"}", "\"dtype\": \"float64\"}"),
            "output.dtype unknown dtype 'float64'");
        assertProblem(GOOD.replace("\"shape\": [-1, 3]", "\"shape\": [0, 3]"),
            "output.shape dimensions must be positive or -1 (free), found 0");
    }

    @Test
    public void readsEachLevelsExternalData() throws Exception {
        Manifest manifest = ManifestReader.read(withExternalData("{\"file\": \"data/l2.bin\", \"sha256\": \"" + SHA
            + "\"}"));
        assertEquals(List.of(new ExternalFile("data/l2.bin", SHA)), manifest.externalData("l2"));
        assertEquals(List.of(), manifest.externalData("l1"));
    }

    @Test
    public void rejectsExternalDataOutsideTheFolderUnhashedOrTwice() {
        assertProblem(withExternalData("{\"file\": \"../x.bin\", \"sha256\": \"" + SHA + "\"}"),
            "levels[1].externalData[0].file must be a relative path inside the family folder, found \"../x.bin\"");
        assertProblem(withExternalData("{\"file\": \"x.bin\"}"), "levels[1].externalData[0].sha256 missing");
        String entry = "{\"file\": \"x.bin\", \"sha256\": \"" + SHA + "\"}";
        assertProblem(withExternalData(entry + ", " + entry), "levels[1].externalData[1].file duplicates file 'x.bin'");
        assertProblem(withExternalData(""), "levels[1].externalData must not be empty");
    }

    @Test
    public void readsTheSampleBlock() throws Exception {
        Manifest manifest = ManifestReader.read(withSample("../samples/i.gz", "../samples/l.gz", 1000));
        assertEquals(new SampleSpec("../samples/i.gz", SHA, "../samples/l.gz", SHA2, 1000),
            manifest.sample().orElseThrow());
        assertEquals(false, ManifestReader.read(GOOD).sample().isPresent());
    }

    @Test
    public void rejectsABadSampleBlock() {
        assertProblem(withSample("/etc/i.gz", "l.gz", 10), "sample.images must be a relative path (\"..\" allowed)");
        assertProblem(withSample("i.gz", "a/./l.gz", 10), "sample.labels must be a relative path");
        assertProblem(withSample("i.gz", "l.gz", 0), "sample.count must be between 1 and 10000, found 0");
        assertProblem(withSample("i.gz", "l.gz", 10001), "sample.count must be between 1 and 10000, found 10001");
        assertProblem(withSample("i.gz", "l.gz", 10).replace("\"imagesSha256\"", "\"imagesHash\""),
            "sample.imagesSha256 missing");
    }

    private static String withExternalData(String entries) {
        return GOOD.replace("\"sha256\": \"" + SHA2 + "\"}", "\"sha256\": \"" + SHA2 + "\", \"externalData\": ["
            + entries + "]}");
    }

    private static String withSample(String images, String labels, long count) {
        return GOOD.replace("\"levels\": [", "\"sample\": {\"images\": \"" + images + "\", \"imagesSha256\": \"" + SHA
            + "\", \"labels\": \"" + labels + "\", \"labelsSha256\": \"" + SHA2 + "\", \"count\": " + count
            + "},\n \"levels\": [");
    }

    @Test
    public void rejectsOtherSchemaVersions() {
        assertProblem(GOOD.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"),
            "manifest.json: schemaVersion 2 is not supported (this provider reads schemaVersion 1)");
        assertProblem(GOOD.replace("{\"schemaVersion\": 1,", "{"), "manifest.json: schemaVersion missing");
    }

    @Test
    public void reportsJsonSyntaxErrorsWithPosition() {
        assertProblem("{\"schemaVersion\": 1,,}", "manifest.json: JSON error at line 1, column 22: malformed JSON");
    }

    private static void assertProblem(String json, String expectedPart) {
        FamilyException e = assertThrows(FamilyException.class, () -> ManifestReader.read(json));
        if (!e.getMessage().startsWith("manifest.json: ") || !e.getMessage().contains(expectedPart)) {
            throw new AssertionError("expected a message containing <" + expectedPart + "> but was <"
                + e.getMessage() + ">");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ManifestReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
