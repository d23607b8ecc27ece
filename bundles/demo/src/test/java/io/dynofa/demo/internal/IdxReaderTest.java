package io.dynofa.demo.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class IdxReaderTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void readsPlainImages() throws IOException {
        assertImages(IdxFiles.write(file("images.idx"), IdxFiles.images(3, 2, 4)));
    }

    @Test
    public void readsGzippedImages() throws IOException {
        assertImages(IdxFiles.write(file("images.idx.gz"), IdxFiles.images(3, 2, 4)));
    }

    @Test
    public void readsPlainAndGzippedLabels() throws IOException {
        byte[] content = IdxFiles.labels(9, 0, 255);
        assertArrayEquals(new byte[] {9, 0, (byte) 255}, IdxReader.readLabels(IdxFiles.write(file("l.idx"), content)));
        assertArrayEquals(new byte[] {9, 0, (byte) 255}, IdxReader.readLabels(IdxFiles.write(file("l.gz"), content)));
    }

    @Test
    public void rejectsAWrongMagicNamingBoth() throws IOException {
        Path labels = IdxFiles.write(file("labels.gz"), IdxFiles.labels(1, 2));
        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(labels));
        assertTrue(e.getMessage(), e.getMessage().contains("labels.gz"));
        assertTrue(e.getMessage(), e.getMessage().contains("wrong magic number 0x00000801, expected 0x00000803"));
    }

    @Test
    public void rejectsTruncatedPixels() throws IOException {
        byte[] whole = IdxFiles.images(3, 2, 4);
        Path images = IdxFiles.write(file("images.gz"), Arrays.copyOf(whole, whole.length - 5));
        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(images));
        assertTrue(e.getMessage(), e.getMessage().contains("truncated data, the header announces 24 pixel bytes but only 19"));
    }

    @Test
    public void rejectsATruncatedHeader() throws IOException {
        Path labels = IdxFiles.write(file("labels.idx"), Arrays.copyOf(IdxFiles.labels(1, 2), 6));
        IOException e = assertThrows(IOException.class, () -> IdxReader.readLabels(labels));
        assertTrue(e.getMessage(), e.getMessage().contains("truncated header, the label count is missing"));
    }

    @Test
    public void rejectsATruncatedGzipStream() throws IOException {
        Path images = IdxFiles.write(file("images.gz"), IdxFiles.images(50, 28, 28));
        byte[] zipped = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(zipped, zipped.length / 2));
        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(images));
        assertTrue(e.getMessage(), e.getMessage().startsWith(images.toString()));
        assertTrue(e.getMessage(), e.getMessage().contains("truncated"));
    }

    @Test
    public void rejectsAPlainFileNamedGz() throws IOException {
        Path images = IdxFiles.write(file("images.idx"), IdxFiles.images(1, 2, 2));
        Path misnamed = Files.move(images, images.resolveSibling("images.gz"));
        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(misnamed));
        assertTrue(e.getMessage(), e.getMessage().contains("not a gzip file"));
    }

    @Test
    public void namesAMissingFile() {
        Path missing = tmp.getRoot().toPath().resolve("missing.gz");
        IOException e = assertThrows(IOException.class, () -> IdxReader.readLabels(missing));
        assertEquals(missing.toAbsolutePath() + ": no such file", e.getMessage());
    }

    private void assertImages(Path file) throws IOException {
        IdxImages images = IdxReader.readImages(file);
        assertEquals(3, images.count());
        assertEquals(2, images.rows());
        assertEquals(4, images.cols());
        assertEquals(8, images.imageSize());
        for (int image = 0; image < 3; image++) {
            for (int offset = 0; offset < 8; offset++) {
                assertEquals(IdxFiles.pixel(image, offset), images.pixel(image, offset));
            }
        }
    }

    private Path file(String name) {
        return tmp.getRoot().toPath().resolve(name);
    }
}
