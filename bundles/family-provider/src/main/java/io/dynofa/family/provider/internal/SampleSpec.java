package io.dynofa.family.provider.internal;

/**
 * The manifest's {@code sample} block: labelled IDX files (gzip allowed) the levels' {@code sampleTop1} figures
 * were measured on.
 *
 * @param images the images file, relative to the family folder, inside the models folder
 * @param imagesSha256 its SHA-256
 * @param labels the labels file, like {@code images}
 * @param labelsSha256 its SHA-256
 * @param count how many of the first images and labels form the sample, 1 to {@link ManifestReader#MAX_SAMPLE}
 */
public record SampleSpec(String images, String imagesSha256, String labels, String labelsSha256, int count) {
}
