package io.dynofa.family.api;

/**
 * One sub-network of a family, as its manifest describes it.
 *
 * @param id unique within the family, e.g. {@code ofa-07}
 * @param series {@code ofa} for searched candidates, {@code width-only} for the slimmable-style series
 * @param architecture compact description, e.g. {@code r24 d3-2-4 k[357|..] e[46|..]}
 * @param params parameter count
 * @param macs multiply-accumulates of one sample
 * @param top1 top-1 accuracy in percent on the full test set
 * @param sampleTop1 top-1 accuracy in percent on the shipped sample
 * @param file model file name inside the family folder
 * @param sha256 expected SHA-256 of the model file, lower-case hex
 */
public record LevelSpec(String id, String series, String architecture, long params, long macs, double top1,
                        double sampleTop1, String file, String sha256) {
}
