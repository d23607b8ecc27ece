package io.dynofa.demo.internal;

import io.dynofa.util.internal.Idx;
import io.dynofa.util.internal.IdxReader;
import io.dynofa.util.internal.IdxReader.DimensionCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The labelled images the demo camera replays: one label per image. */
final class Sample {
    static final String IMAGES_FILE = "t10k-images-idx3-ubyte.gz";
    static final String LABELS_FILE = "t10k-labels-idx1-ubyte.gz";

    private final Idx images;
    private final byte[] labels;

    private Sample(Idx images, byte[] labels) {
        this.images = images;
        this.labels = labels;
    }

    /**
     * Loads {@value #IMAGES_FILE} and {@value #LABELS_FILE} from {@code folder}.
     *
     * @throws IOException naming the folder or file for a missing folder or file, corrupt data, an
     *     empty sample or a different number of images and labels
     */
    static Sample load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("sample folder " + folder.toAbsolutePath() + " does not exist");
        }
        Path imagesFile = folder.resolve(IMAGES_FILE);
        Path labelsFile = folder.resolve(LABELS_FILE);
        Idx images = IdxReader.readAll(imagesFile, DimensionCheck.rank(3, "an image file"));
        byte[] labels = IdxReader.readAll(labelsFile, DimensionCheck.rank(1, "a label file")).data();
        if (images.count() != labels.length) {
            throw new IOException("count mismatch: " + imagesFile + " holds " + images.count() + " images but "
                + labelsFile + " holds " + labels.length + " labels");
        }
        if (images.count() == 0 || images.itemSize() == 0) {
            throw new IOException(imagesFile + " holds no pixels");
        }
        return new Sample(images, labels);
    }

    int size() {
        return labels.length;
    }

    int label(int index) {
        return Byte.toUnsignedInt(labels[index]);
    }

    /** The images: {@code size()} items of rows x columns unsigned bytes. */
    Idx images() {
        return images;
    }
}
