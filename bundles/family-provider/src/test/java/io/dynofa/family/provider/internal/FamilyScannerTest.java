package io.dynofa.family.provider.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.family.api.ModelFamily;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FamilyScannerTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    /** Records what the scanner offers: the live families by id, and every event in order. */
    private static final class RecordingRegistry implements FamilyRegistry {
        final Map<String, ModelFamily> live = new TreeMap<>();
        final List<String> events = new ArrayList<>();

        @Override
        public Registration register(ModelFamily family) {
            live.put(family.id(), family);
            events.add("+" + family.id() + "@" + family.version());
            return () -> {
                live.remove(family.id());
                events.add("-" + family.id() + "@" + family.version());
            };
        }
    }

    private final RecordingRegistry registry = new RecordingRegistry();
    private Path models;
    private FamilyScanner scanner;

    @Before
    public void setUp() {
        models = temp.getRoot().toPath().resolve("models");
        scanner = new FamilyScanner(models, registry);
    }

    @Test
    public void offersNewFamiliesAndWithdrawsRemovedOnes() throws Exception {
        scanner.scan();
        assertEquals(Map.of(models, "models folder does not exist"), scanner.problems());
        TestFamily.write(models.resolve("one"), "fam-one", "a", "b");
        TestFamily.write(models.resolve("two"), "fam-two", "a");
        Files.createDirectories(models.resolve("not-a-family"));
        scanner.scan();
        assertEquals(List.of("fam-one", "fam-two"), List.copyOf(registry.live.keySet()));
        assertEquals(Map.of(), scanner.problems());
        assertEquals(2, registry.live.get("fam-one").levels().size());

        scanner.scan();
        assertEquals(List.of("+fam-one@1.0.0", "+fam-two@1.0.0"), registry.events);

        Files.delete(models.resolve("two/manifest.json"));
        scanner.scan();
        assertEquals(List.of("fam-one"), List.copyOf(registry.live.keySet()));
        deleteTree(models.resolve("one"));
        scanner.scan();
        assertEquals(Map.of(), registry.live);
    }

    @Test
    public void reoffersAFamilyWhoseManifestChanged() throws Exception {
        Path folder = TestFamily.write(models.resolve("one"), "fam", "a");
        scanner.scan();
        Path manifest = folder.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"1.0.0\"", "\"1.0.1\""));
        scanner.scan();
        assertEquals(List.of("+fam@1.0.0", "-fam@1.0.0", "+fam@1.0.1"), registry.events);
        assertEquals("1.0.1", registry.live.get("fam").version());
    }

    @Test
    public void corruptFileKeepsTheFamilyOutAndNamesTheFile() throws Exception {
        Path folder = TestFamily.write(models.resolve("one"), "fam", "a", "b");
        Files.writeString(folder.resolve("b.onnx"), "corrupt");
        scanner.scan();
        assertEquals(Map.of(), registry.live);
        String reason = scanner.problems().get(folder);
        assertTrue(reason, reason.startsWith("b.onnx: SHA-256 mismatch"));

        TestFamily.write(folder, "fam", "a", "b");
        scanner.scan();
        assertEquals(List.of("fam"), List.copyOf(registry.live.keySet()));
        assertEquals(Map.of(), scanner.problems());
    }

    @Test
    public void brokenManifestAndDuplicateIdsAreNotOffered() throws Exception {
        TestFamily.write(models.resolve("a-first"), "fam", "x");
        TestFamily.write(models.resolve("b-second"), "fam", "y");
        Files.createDirectories(models.resolve("c-broken"));
        Files.writeString(models.resolve("c-broken/manifest.json"), "{\"schemaVersion\": 1");
        scanner.scan();
        assertEquals(List.of("+fam@1.0.0"), registry.events);
        assertEquals("x", registry.live.get("fam").levels().get(0).id());
        Map<Path, String> problems = scanner.problems();
        assertEquals("family id 'fam' is already provided by " + models.resolve("a-first"),
            problems.get(models.resolve("b-second")));
        assertTrue(problems.get(models.resolve("c-broken")),
            problems.get(models.resolve("c-broken")).startsWith("manifest.json: JSON error at line 1"));

        deleteTree(models.resolve("a-first"));
        scanner.scan();
        assertEquals("y", registry.live.get("fam").levels().get(0).id());
        assertEquals(List.of(models.resolve("c-broken")), List.copyOf(scanner.problems().keySet()));
    }

    @Test
    public void aBrokenManifestOfAnOfferedFamilyKeepsTheLastGoodOneUntilAGoodOneAppears() throws Exception {
        Path folder = TestFamily.write(models.resolve("one"), "fam", "a");
        Path manifest = folder.resolve("manifest.json");
        String good = Files.readString(manifest);
        scanner.scan();
        Files.writeString(manifest, "{\"schemaVersion\": 1");
        scanner.scan();
        scanner.scan();
        assertEquals(List.of("+fam@1.0.0"), registry.events);
        assertEquals("manifest.json changed but is invalid: manifest.json: JSON error at line 1, column 20: "
            + "end of input (at $.schemaVersion); keeping the last good version 1.0.0",
            scanner.problems().get(folder));

        Files.writeString(manifest, good.replace("\"1.0.0\"", "\"1.0.1\""));
        scanner.scan();
        assertEquals(List.of("+fam@1.0.0", "-fam@1.0.0", "+fam@1.0.1"), registry.events);
        assertEquals(Map.of(), scanner.problems());
    }

    @Test
    public void aNewManifestWhoseFilesDoNotMatchKeepsTheLastGoodOne() throws Exception {
        Path folder = TestFamily.write(models.resolve("one"), "fam", "a", "b");
        Path manifest = folder.resolve("manifest.json");
        String good = Files.readString(manifest);
        scanner.scan();
        Files.write(folder.resolve("b.onnx"), TestFamily.modelBytes("changed"));
        Files.writeString(manifest, good.replace("\"1.0.0\"", "\"2.0.0\""));
        scanner.scan();
        assertEquals(List.of("+fam@1.0.0"), registry.events);
        String reason = scanner.problems().get(folder);
        assertTrue(reason, reason.startsWith("manifest.json changed but is invalid: b.onnx: SHA-256 mismatch"));
        assertTrue(reason, reason.endsWith("; keeping the last good version 1.0.0"));

        Files.writeString(manifest, good);
        scanner.scan();
        assertEquals("the same manifest again is the same family", List.of("+fam@1.0.0"), registry.events);
        assertEquals(Map.of(), scanner.problems());
        deleteTree(folder);
        scanner.scan();
        assertEquals(List.of("+fam@1.0.0", "-fam@1.0.0"), registry.events);
    }

    @Test
    public void aManifestAboveTheLimitIsRefusedWithoutReadingItAndKeepsAnOfferedFamily() throws Exception {
        Path folder = TestFamily.write(models.resolve("one"), "fam", "a");
        scanner.scan();
        Path big = Files.createDirectories(models.resolve("big")).resolve("manifest.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(50L << 20);
        }
        try (RandomAccessFile file = new RandomAccessFile(folder.resolve("manifest.json").toFile(), "rw")) {
            file.setLength(ManifestSnapshot.MAX_BYTES + 1);
        }
        scanner.scan();
        assertEquals(List.of("+fam@1.0.0"), registry.events);
        assertEquals("manifest.json is 52428800 bytes, above the limit of 1048576 bytes (1 MiB): refused without "
            + "reading it", scanner.problems().get(models.resolve("big")));
        assertEquals("manifest.json changed but is invalid: manifest.json is 1048577 bytes, above the limit of "
            + "1048576 bytes (1 MiB): refused without reading it; keeping the last good version 1.0.0",
            scanner.problems().get(folder));
    }

    @Test
    public void touchingAManifestReloadsNothing() throws Exception {
        Path folder = TestFamily.write(models.resolve("one"), "fam", "a");
        scanner.scan();
        Files.setLastModifiedTime(folder.resolve("manifest.json"), FileTime.fromMillis(1_000_000));
        scanner.scan();
        assertEquals(List.of("+fam@1.0.0"), registry.events);
    }

    @Test
    public void closeWithdrawsEverything() throws Exception {
        TestFamily.write(models.resolve("one"), "fam-one", "a");
        TestFamily.write(models.resolve("two"), "fam-two", "a");
        scanner.scan();
        scanner.close();
        assertEquals(Map.of(), registry.live);
        assertEquals(4, registry.events.size());
    }

    private static void deleteTree(Path folder) throws Exception {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted((x, y) -> y.compareTo(x)).toList()) {
                Files.delete(path);
            }
        }
    }
}
