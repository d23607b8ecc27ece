package io.dynofa.family.provider.internal;

/**
 * A file a level's model may take external tensor data from, as the manifest lists it.
 *
 * @param file relative to the family folder (checked by {@link ManifestReader})
 * @param sha256 the file's expected SHA-256, lower-case hex
 */
public record ExternalFile(String file, String sha256) {
}
