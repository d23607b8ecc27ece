package io.dynofa.family.provider.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.dynofa.family.api.Sample;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.TensorSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A family's labelled sample: verified IDX files inside the models folder, normalised like the input. */
public class SampleTest {
    private static final int PIXELS = 28 * 28;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path models;
    private Path samples;
    private byte[] pixels;

    @Before
    public void setUp() throws Exception {
        models = temp.getRoot().toPath().resolve("models");
        samples = Files.createDirectories(models.resolve("samples/set"));
        pixels = new byte[3 * PIXELS];
        new Random(5).nextBytes(pixels);
        writeIdx(samples.resolve("images.gz"), true, new int[] {3, 28, 28}, pixels);
        writeIdx(samples.resolve("labels.gz"), true, new int[] {3}, new byte[] {2, 0, 1});
    }

    @Test
    public void readsTheFirstCountInputsNormalisedWithTheirLabelsOnceAndKeepsThem() throws Exception {
        DirectoryFamily family = family("../samples/set/images.gz", "../samples/set/labels.gz", 2);
        Sample sample = family.sample().orElseThrow();
        assertArrayEquals(new long[] {2, 1, 28, 28}, sample.inputs().shape());
        assertArrayEquals(new int[] {2, 0}, sample.labels());
        float[] values = sample.inputs().floats();
        assertEquals(2 * PIXELS, values.length);
        for (int i = 0; i < values.length; i++) {
            assertEquals("element " + i, (pixels[i] & 0xFF) / 255f, values[i], 1e-6f);
        }
        assertSame(sample, family.sample().orElseThrow());
    }

    @Test
    public void theShippedFamilysSampleIsTheFirstThousandTestImagesWithTheirHashes() throws Exception {
        Path shipped = Path.of("../../models/fmnist-ofa").toAbsolutePath().normalize();
        DirectoryFamily family = DirectoryFamily.open(shipped, Files.readString(shipped.resolve("manifest.json")));
        Sample sample = family.sample().orElseThrow();
        assertArrayEquals(new long[] {1000, 1, 28, 28}, sample.inputs().shape());
        assertEquals(1000, sample.size());
        assertEquals("the first test image is an ankle boot", 9, sample.labels()[0]);
        assertEquals(new TensorSpec("logits", new long[] {-1, 10}, DType.FLOAT32), family.output().orElseThrow());
    }

    @Test
    public void uncompressedIdxFilesAreReadToo() throws Exception {
        writeIdx(samples.resolve("images.idx"), false, new int[] {3, 28, 28}, pixels);
        Sample sample = family("../samples/set/images.idx", "../samples/set/labels.gz", 3).sample().orElseThrow();
        assertEquals(3, sample.size());
    }

    @Test
    public void aFamilyWithoutASampleBlockHasNone() throws Exception {
        Path folder = TestFamily.write(models.resolve("plain"), "plain", "a");
        assertEquals(false, DirectoryFamily.open(folder, Files.readString(folder.resolve("manifest.json")))
            .sample().isPresent());
    }

    @Test
    public void aSamplePathOutsideTheModelsFolderKeepsTheFamilyOut() {
        FamilyException e = assertThrows(FamilyException.class,
            () -> family("../../elsewhere/images.gz", "../samples/set/labels.gz", 2));
        assertEquals("manifest.json: sample.images \"../../elsewhere/images.gz\" is outside the models folder "
            + models, e.getMessage());
    }

    @Test
    public void aSymbolicLinkOutOfTheModelsFolderIsRefused() throws Exception {
        Path outside = Files.createDirectories(temp.getRoot().toPath().resolve("outside"));
        writeIdx(outside.resolve("images.gz"), true, new int[] {3, 28, 28}, pixels);
        Files.createSymbolicLink(samples.resolve("link.gz"), outside.resolve("images.gz"));
        assertEquals("sample: ../samples/set/link.gz: outside the models folder " + models,
            failure(family("../samples/set/link.gz", "../samples/set/labels.gz", 2)));
    }

    @Test
    public void anAlteredFileIsRefusedByItsHash() throws Exception {
        DirectoryFamily family = family("../samples/set/images.gz", "../samples/set/labels.gz", 2);
        writeIdx(samples.resolve("labels.gz"), true, new int[] {3}, new byte[] {1, 1, 1});
        String message = failure(family);
        assertTrue(message, message.startsWith("sample: ../samples/set/labels.gz: SHA-256 mismatch (expected "));
    }

    @Test
    public void contentThatDoesNotFitTheFamilyIsRefusedNamingTheFile() throws Exception {
        assertEquals("sample: ../samples/set/images.gz: holds 3 items, fewer than the sample's count 5",
            failure(family("../samples/set/images.gz", "../samples/set/labels.gz", 5)));
        writeIdx(samples.resolve("small.gz"), true, new int[] {3, 5, 5}, new byte[75]);
        assertEquals("sample: ../samples/set/small.gz: holds items of 25 elements, the input [N, 1, 28, 28] takes 784",
            failure(family("../samples/set/small.gz", "../samples/set/labels.gz", 2)));
        writeIdx(samples.resolve("bad-labels.gz"), true, new int[] {3}, new byte[] {0, 7, 1});
        assertEquals("sample: ../samples/set/bad-labels.gz: label 7 of input 1 is not a class (the family has 3 "
            + "labels)", failure(family("../samples/set/images.gz", "../samples/set/bad-labels.gz", 2)));
        Files.write(samples.resolve("text.gz"), "not idx".getBytes(StandardCharsets.US_ASCII));
        assertEquals("sample: ../samples/set/text.gz: not an unsigned-byte IDX file (magic 0x6e6f7420)",
            failure(family("../samples/set/text.gz", "../samples/set/labels.gz", 2)));
        byte[] truncated = Files.readAllBytes(samples.resolve("images.gz"));
        Files.write(samples.resolve("cut.gz"), Arrays.copyOf(truncated, truncated.length / 2));
        String message = failure(family("../samples/set/cut.gz", "../samples/set/labels.gz", 3));
        assertTrue(message, message.startsWith("sample: ../samples/set/cut.gz: "));
    }

    private String failure(DirectoryFamily family) {
        return assertThrows(IOException.class, family::sample).getMessage();
    }

    private DirectoryFamily family(String images, String labels, int count) throws Exception {
        Path folder = TestFamily.write(models.resolve("fam"), "fam", "a");
        Path manifest = folder.resolve("manifest.json");
        String block = "\"sample\": {\"images\": \"" + images + "\", \"imagesSha256\": \"" + sha256(folder, images)
            + "\", \"labels\": \"" + labels + "\", \"labelsSha256\": \"" + sha256(folder, labels) + "\", \"count\": "
            + count + "},\n \"levels\": [";
        Files.writeString(manifest, Files.readString(manifest).replace("\"levels\": [", block));
        return DirectoryFamily.open(folder, Files.readString(manifest));
    }

    private static String sha256(Path folder, String file) throws IOException {
        Path path = folder.resolve(file);
        return Files.exists(path) ? Sha256.of(path) : "0".repeat(64);
    }

    static void writeIdx(Path file, boolean gzip, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream sink = gzip ? new GZIPOutputStream(bytes) : bytes;
             DataOutputStream out = new DataOutputStream(sink)) {
            out.writeInt(0x0800 | dims.length);
            for (int dim : dims) {
                out.writeInt(dim);
            }
            out.write(data);
        }
        Files.write(file, bytes.toByteArray());
    }

}
