package io.dynofa.family.provider.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DirectoryFamilyTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private DirectoryFamily open(Path folder) throws Exception {
        return DirectoryFamily.open(folder, Files.readString(folder.resolve("manifest.json")));
    }

    @Test
    public void servesVerifiedModelBytes() throws Exception {
        Path folder = TestFamily.write(temp.getRoot().toPath().resolve("f"), "fam", "a", "b");
        DirectoryFamily family = open(folder);
        assertEquals("fam", family.id());
        assertEquals("1.0.0", family.version());
        assertEquals(2, family.levels().size());
        assertArrayEquals(TestFamily.modelBytes("b"), family.model("b"));
    }

    @Test
    public void unknownLevelIsAnIllegalArgument() throws Exception {
        DirectoryFamily family = open(TestFamily.write(temp.getRoot().toPath().resolve("f"), "fam", "a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> family.model("zz"));
        assertEquals("family 'fam' has no level 'zz' (levels: a)", e.getMessage());
    }

    @Test
    public void modelReverifiesTheHash() throws Exception {
        Path folder = TestFamily.write(temp.getRoot().toPath().resolve("f"), "fam", "a");
        DirectoryFamily family = open(folder);
        String expected = Sha256.of(folder.resolve("a.onnx"));
        Files.writeString(folder.resolve("a.onnx"), "tampered");
        IOException e = assertThrows(IOException.class, () -> family.model("a"));
        assertEquals("a.onnx: SHA-256 mismatch (expected " + expected.substring(0, 12) + "…, found "
            + Sha256.of("tampered".getBytes(StandardCharsets.UTF_8)).substring(0, 12) + "…)", e.getMessage());
        Files.delete(folder.resolve("a.onnx"));
        e = assertThrows(IOException.class, () -> family.model("a"));
        assertEquals("a.onnx: file missing (level 'a')", e.getMessage());
    }

    @Test
    public void openRejectsMissingAndCorruptFiles() throws Exception {
        Path folder = TestFamily.write(temp.getRoot().toPath().resolve("f"), "fam", "a", "b");
        Files.delete(folder.resolve("b.onnx"));
        assertEquals("b.onnx: file missing (level 'b')",
            assertThrows(FamilyException.class, () -> open(folder)).getMessage());
        Files.writeString(folder.resolve("b.onnx"), "not the model");
        String message = assertThrows(FamilyException.class, () -> open(folder)).getMessage();
        assertTrue(message, message.startsWith("b.onnx: SHA-256 mismatch (expected "));
    }

    @Test
    public void sha256MatchesAKnownDigest() throws Exception {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
        Path file = temp.newFile().toPath();
        Files.writeString(file, "abc");
        assertEquals(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)), Sha256.of(file));
    }
}
