package io.dynofa.util.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.dynofa.util.internal.IdxReader.DimensionCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class IdxReaderTest {
    private static final DimensionCheck IMAGES = DimensionCheck.rank(3, "images");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void readsPlainAndGzippedImagesWhateverTheFileIsCalled() throws IOException {
        byte[] plain = IdxFiles.idx(3, 2, 4);
        assertImages(IdxReader.readAll(write("images.idx", plain), IMAGES));
        assertImages(IdxReader.readAll(write("images.idx.gz", IdxFiles.gzip(plain)), IMAGES));
        assertImages(IdxReader.readAll(write("plain-named.gz", plain), IMAGES));
        assertImages(IdxReader.read(IdxFiles.gzip(plain), 3, IMAGES));
    }

    @Test
    public void readsLabels() throws IOException {
        byte[] labels = IdxFiles.idx(0x0801, new int[] {3}, new byte[] {9, 0, (byte) 255});
        Idx idx = IdxReader.readAll(write("labels.gz", IdxFiles.gzip(labels)), DimensionCheck.rank(1, "labels"));
        assertArrayEquals(new int[] {3}, idx.dims());
        assertArrayEquals(new byte[] {9, 0, (byte) 255}, idx.data());
        assertEquals(255, idx.unsigned(2));
        assertEquals(1, idx.itemSize());
    }

    @Test
    public void readsOnlyTheFirstItemsAskedFor() throws IOException {
        Idx first = IdxReader.read(write("images.gz", IdxFiles.gzip(IdxFiles.idx(50, 28, 28))), 2, IMAGES);
        assertArrayEquals(new int[] {2, 28, 28}, first.dims());
        assertEquals(2 * 28 * 28, first.data().length);
        assertEquals(IdxFiles.pixel(1, 500), first.unsigned(1, 500));
        assertEquals((byte) IdxFiles.pixel(1, 500), first.raw(1, 500));
        assertEquals(0, IdxReader.read(IdxFiles.idx(50, 28, 28), 0, IMAGES).count());
    }

    @Test
    public void theCheckSeesTheDeclaredDimensionsBeforeAnythingIsRead() {
        int[][] seen = new int[1][];
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(IdxFiles.idx(5, 3, 3), 2, dims -> {
            seen[0] = dims;
            throw new IOException("refused");
        }));
        assertEquals("refused", e.getMessage());
        assertArrayEquals(new int[] {5, 3, 3}, seen[0]);
        IOException labels = assertThrows(IOException.class, () -> IdxReader.read(IdxFiles.idx(5), 1, IMAGES));
        assertEquals("is not images (1 dimensions, expected 3)", labels.getMessage());
    }

    @Test
    public void aWrongMagicIsRefused() {
        byte[] text = "not idx at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("not an unsigned-byte IDX file (magic 0x6e6f7420)", failure(text, 1));
        assertEquals("float data", "not an unsigned-byte IDX file (magic 0x00000d03)",
            failure(IdxFiles.idx(0x0D03, new int[] {1, 1, 1}, new byte[4]), 1));
        assertEquals("no dimensions", "not an unsigned-byte IDX file (magic 0x00000800)",
            failure(IdxFiles.idx(0x0800, new int[0], new byte[0]), 0));
        assertEquals("too many dimensions", "not an unsigned-byte IDX file (magic 0x00000809)",
            failure(IdxFiles.idx(0x0809, new int[9], new byte[0]), 0));
    }

    @Test
    public void hugeDimensionsAreRefusedBeforeAllocating() {
        int max = Integer.MAX_VALUE;
        assertEquals(max + " items of " + max + "x" + max + "x" + max + " bytes are more than the 268435456 bytes an IDX file may hold",
            failure(IdxFiles.idx(0x0804, new int[] {max, max, max, max}, new byte[0]), max));
        assertEquals("10000 items of 256x256 bytes are more than the 268435456 bytes an IDX file may hold",
            failure(IdxFiles.idx(0x0803, new int[] {10_000, 256, 256}, new byte[0]), 10_000));
        assertEquals("negative dimension -1 in the IDX header",
            failure(IdxFiles.idx(0x0803, new int[] {1, -1, 28}, new byte[0]), 1));
    }

    @Test
    public void aHeaderAnnouncingMoreThanTheFileHoldsCostsOnlyTheFileAndIsNamedTruncated() {
        byte[] lying = IdxFiles.idx(0x0803, new int[] {1 << 20, 16, 16}, new byte[100]);
        assertEquals("truncated data, the header announces 268435456 data bytes but only 100 follow",
            failure(lying, 1 << 20));
        assertEquals("truncated data, the header announces 268435456 data bytes but only 100 follow",
            failure(IdxFiles.gzip(lying), 1 << 20));
    }

    @Test
    public void fewerItemsThanAskedForAreRefused() {
        assertEquals("holds 3 items, fewer than the 5 asked for", failure(IdxFiles.idx(3, 2, 2), 5));
        assertThrows(IllegalArgumentException.class, () -> IdxReader.read(IdxFiles.idx(3, 2, 2), -1, IMAGES));
    }

    @Test
    public void truncatedFilesAreNamedWithWhatIsMissing() throws IOException {
        byte[] whole = IdxFiles.idx(3, 2, 4);
        assertEquals("truncated data, the header announces 24 data bytes but only 19 follow",
            failure(Arrays.copyOf(whole, whole.length - 5), 3));
        assertEquals("truncated header, the dimension 2 of 3 is missing", failure(Arrays.copyOf(whole, 10), 3));
        assertEquals("truncated header, the magic number is missing", failure(new byte[0], 0));

        byte[] zipped = IdxFiles.gzip(IdxFiles.idx(50, 28, 28));
        Path cut = write("cut.gz", Arrays.copyOf(zipped, zipped.length / 2));
        IOException e = assertThrows(IOException.class, () -> IdxReader.readAll(cut, IMAGES));
        assertTrue(e.getMessage(), e.getMessage().startsWith(cut + ": truncated"));
    }

    @Test
    public void readingAllRefusesBytesAfterTheDataTheHeaderAnnounces() throws IOException {
        byte[] whole = IdxFiles.idx(3, 2, 4);
        Path longer = write("longer.idx", Arrays.copyOf(whole, whole.length + 1));
        IOException e = assertThrows(IOException.class, () -> IdxReader.readAll(longer, IMAGES));
        assertEquals(longer + ": trailing bytes after the 24 data bytes the header announces", e.getMessage());
        assertEquals(3, IdxReader.read(longer, 3, IMAGES).count());
    }

    @Test
    public void aCorruptGzipStreamIsNamed() throws IOException {
        byte[] zipped = IdxFiles.gzip(IdxFiles.idx(3, 2, 4));
        zipped[zipped.length / 2] ^= (byte) 0xFF;
        zipped[zipped.length / 2 + 1] ^= (byte) 0xFF;
        Path corrupt = write("corrupt.gz", zipped);
        IOException e = assertThrows(IOException.class, () -> IdxReader.readAll(corrupt, IMAGES));
        assertTrue(e.getMessage(), e.getMessage().startsWith(corrupt + ": "));
    }

    @Test
    public void namesAMissingFile() {
        Path missing = tmp.getRoot().toPath().resolve("missing.gz");
        IOException e = assertThrows(IOException.class, () -> IdxReader.readAll(missing, DimensionCheck.ANY));
        assertEquals(missing.toAbsolutePath() + ": no such file", e.getMessage());
    }

    private static String failure(byte[] content, int items) {
        return assertThrows(IOException.class, () -> IdxReader.read(content, items, DimensionCheck.ANY))
            .getMessage();
    }

    private static void assertImages(Idx images) {
        assertArrayEquals(new int[] {3, 2, 4}, images.dims());
        assertEquals(3, images.count());
        assertEquals(8, images.itemSize());
        for (int image = 0; image < 3; image++) {
            for (int offset = 0; offset < 8; offset++) {
                assertEquals(IdxFiles.pixel(image, offset), images.unsigned(image, offset));
            }
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(tmp.getRoot().toPath().resolve(name), content);
    }
}
