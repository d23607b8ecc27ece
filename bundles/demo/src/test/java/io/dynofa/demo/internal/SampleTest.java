package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SampleTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void loadsImagesAndLabelsFromAFolder() throws IOException {
        Sample sample = Sample.load(IdxFiles.sample(tmp.getRoot().toPath(), 28, 28, 9, 2, 1));
        assertEquals(3, sample.size());
        assertEquals(9, sample.label(0));
        assertEquals(1, sample.label(2));
        assertEquals(784, sample.images().itemSize());
        assertEquals(IdxFiles.pixel(2, 500), sample.images().unsigned(2, 500));
    }

    @Test
    public void rejectsACountMismatch() throws IOException {
        Path folder = tmp.getRoot().toPath();
        IdxFiles.write(folder.resolve(Sample.IMAGES_FILE), IdxFiles.images(3, 2, 2));
        IdxFiles.write(folder.resolve(Sample.LABELS_FILE), IdxFiles.labels(1, 2));
        IOException e = assertThrows(IOException.class, () -> Sample.load(folder));
        assertTrue(e.getMessage(), e.getMessage().startsWith("count mismatch: "));
        assertTrue(e.getMessage(), e.getMessage().contains("holds 3 images but"));
        assertTrue(e.getMessage(), e.getMessage().contains("holds 2 labels"));
    }

    @Test
    public void rejectsAnEmptySample() throws IOException {
        IOException e = assertThrows(IOException.class, () -> Sample.load(IdxFiles.sample(tmp.getRoot().toPath(), 2, 2)));
        assertTrue(e.getMessage(), e.getMessage().endsWith("holds no pixels"));
    }

    @Test
    public void namesAMissingFolder() {
        Path missing = tmp.getRoot().toPath().resolve("nowhere");
        IOException e = assertThrows(IOException.class, () -> Sample.load(missing));
        assertEquals("sample folder " + missing.toAbsolutePath() + " does not exist", e.getMessage());
    }

    @Test
    public void aLabelFileWhereTheImagesBelongIsNamed() throws IOException {
        Path folder = tmp.getRoot().toPath();
        IdxFiles.write(folder.resolve(Sample.IMAGES_FILE), IdxFiles.labels(1, 2));
        IdxFiles.write(folder.resolve(Sample.LABELS_FILE), IdxFiles.labels(1, 2));
        IOException e = assertThrows(IOException.class, () -> Sample.load(folder));
        assertEquals(folder.resolve(Sample.IMAGES_FILE) + ": is not an image file (1 dimensions, expected 3)",
            e.getMessage());
    }

    @Test
    public void namesAMissingLabelsFile() throws IOException {
        Path folder = tmp.getRoot().toPath();
        IdxFiles.write(folder.resolve(Sample.IMAGES_FILE), IdxFiles.images(1, 2, 2));
        IOException e = assertThrows(IOException.class, () -> Sample.load(folder));
        assertTrue(e.getMessage(), e.getMessage().contains(Sample.LABELS_FILE + ": no such file"));
    }
}
