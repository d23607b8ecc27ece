package io.dynofa.family.provider.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.dynofa.onnx.internal.ExternalRef;
import io.dynofa.onnx.internal.OnnxModel;
import io.dynofa.onnx.internal.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A level's external tensor data: only listed, hashed files inside the family folder are inlined. */
public class ExternalDataTest {
    private static final long[] SQUARE = {2, 2};
    private static final byte[] WEIGHTS = TestModels.floats(1, 2, 3, 4);

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path folder;

    @Before
    public void setUp() throws Exception {
        folder = Files.createDirectories(temp.getRoot().toPath().resolve("models/fam"));
        Files.write(folder.resolve("w.bin"), WEIGHTS);
    }

    @Test
    public void aListedHashedFileInsideTheFolderIsInlined() throws Exception {
        byte[] model = family("w.bin", 0, 16, listed("w.bin", Sha256.of(WEIGHTS))).model("a");
        assertEquals(List.of(), OnnxModel.externalData(model));
        assertArrayEquals(TestModels.matMul(TestModels.tensor("W", SQUARE, 1, 2, 3, 4)), model);
    }

    @Test
    public void anotherSpellingOfTheListedFileIsTheSameFile() throws Exception {
        Files.createDirectories(folder.resolve("sub"));
        byte[] model = family("./sub/../w.bin", 0, 16, listed("w.bin", Sha256.of(WEIGHTS))).model("a");
        assertArrayEquals(TestModels.matMul(TestModels.tensor("W", SQUARE, 1, 2, 3, 4)), model);
    }

    @Test
    public void aPathOutOfTheFolderIsRefusedNamingTheLevelAndTheLocation() throws Exception {
        assertRefused("../../../../../../etc/passwd", "", "level 'a': external data '../../../../../../etc/passwd' "
            + "is outside the family folder");
        assertRefused("../fam-other/w.bin", listed("w.bin", Sha256.of(WEIGHTS)),
            "level 'a': external data '../fam-other/w.bin' is outside the family folder");
    }

    @Test
    public void absoluteAndEmptyLocationsAreRefused() throws Exception {
        assertRefused("/etc/passwd", "", "level 'a': external data '/etc/passwd' is not a plain relative path");
        assertRefused("", "", "level 'a': external data '' is not a plain relative path");
    }

    @Test
    public void aFileInsideTheFolderThatIsNotListedIsRefused() throws Exception {
        assertRefused("w.bin", "", "level 'a': external data 'w.bin' is not listed in the manifest with its sha256");
        Files.write(folder.resolve("other.bin"), WEIGHTS);
        assertRefused("other.bin", listed("w.bin", Sha256.of(WEIGHTS)),
            "level 'a': external data 'other.bin' is not listed in the manifest with its sha256");
    }

    @Test
    public void aListedFileWithAnotherHashIsRefused() throws Exception {
        String wrong = Sha256.of(new byte[16]);
        assertRefused("w.bin", listed("w.bin", wrong), "level 'a': external data 'w.bin' does not match its sha256 "
            + "in the manifest (expected " + wrong.substring(0, 12) + "…, found "
            + Sha256.of(WEIGHTS).substring(0, 12) + "…)");
    }

    @Test
    public void aListedFileThatIsMissingOrASymbolicLinkOutOfTheFolderIsRefused() throws Exception {
        assertRefused("gone.bin", listed("gone.bin", Sha256.of(WEIGHTS)),
            "level 'a': external data 'gone.bin' is missing");
        Path secret = Files.write(temp.getRoot().toPath().resolve("secret.bin"), WEIGHTS);
        Files.createSymbolicLink(folder.resolve("link.bin"), secret);
        assertRefused("link.bin", listed("link.bin", Sha256.of(WEIGHTS)),
            "level 'a': external data 'link.bin' is outside the family folder");
    }

    @Test
    public void aTensorAskingForBytesBeyondTheFileIsRefused() throws Exception {
        DirectoryFamily family = family("w.bin", 8, 16, listed("w.bin", Sha256.of(WEIGHTS)));
        IOException e = assertThrows(IOException.class, () -> family.model("a"));
        assertEquals("level 'a': external data 'w.bin' holds 16 bytes but tensor W asks for 16 bytes at 8",
            e.getMessage());
    }

    @Test
    public void whatALevelMayInlineIsBounded() throws Exception {
        ExternalData data = new ExternalData(folder, "a", List.of(new ExternalFile("w.bin", Sha256.of(WEIGHTS))), 8);
        IOException e = assertThrows(IOException.class, () -> data.read(new ExternalRef("W", "w.bin", 0, -1)));
        assertEquals("level 'a': external data 'w.bin' is 16 bytes: the level's external data would exceed the limit "
            + "of 8 bytes", e.getMessage());
    }

    @Test
    public void aModelThatIsNotOnnxIsRefusedNamingTheFile() throws Exception {
        Files.write(folder.resolve("a.onnx"), new byte[] {0x3A, 9});
        writeManifest("");
        IOException e = assertThrows(IOException.class, () -> open().model("a"));
        assertEquals("a.onnx: not a valid ONNX model: field 7 declares 9 bytes but only 0 remain at byte 0 "
            + "(level 'a')", e.getMessage());
    }

    private void assertRefused(String location, String externalData, String message) throws Exception {
        DirectoryFamily family = family(location, 0, 16, externalData);
        IOException e = assertThrows(IOException.class, () -> family.model("a"));
        assertEquals(message, e.getMessage());
    }

    /** A family whose level "a" takes W from {@code location}, with {@code externalData} in its manifest entry. */
    private DirectoryFamily family(String location, long offset, long length, String externalData) throws Exception {
        Files.write(folder.resolve("a.onnx"),
            TestModels.matMul(TestModels.externalTensor("W", SQUARE, location, offset, length)));
        writeManifest(externalData);
        return open();
    }

    private void writeManifest(String externalData) throws Exception {
        String level = TestFamily.level("a", "a.onnx", Sha256.of(folder.resolve("a.onnx")));
        if (!externalData.isEmpty()) {
            level = level.substring(0, level.length() - 1) + ", \"externalData\": [" + externalData + "]}";
        }
        Files.writeString(folder.resolve("manifest.json"), TestFamily.manifest("fam", "1.0.0", List.of(level)));
    }

    private DirectoryFamily open() throws Exception {
        DirectoryFamily family = DirectoryFamily.open(folder, Files.readString(folder.resolve("manifest.json")));
        assertTrue(family.folder().endsWith("fam"));
        return family;
    }

    private static String listed(String file, String sha256) {
        return "{\"file\": \"" + file + "\", \"sha256\": \"" + sha256 + "\"}";
    }
}
