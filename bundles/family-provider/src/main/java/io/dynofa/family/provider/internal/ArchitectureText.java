package io.dynofa.family.provider.internal;

import java.util.List;

/**
 * The compact form of a manifest architecture. For OFA MobileNetV3-style families (an object with
 * {@code stages}): resolution, per-stage depth, then per stage the kernel sizes and expand ratios of
 * its active blocks, e.g. {@code r28 d2-3-4 k35|537|3775 e32|224|6266}. Any other architecture is
 * free-form: a string is kept, anything else becomes compact JSON (Gson's rendering).
 */
final class ArchitectureText {

    private ArchitectureText() {
    }

    static String of(ManifestNode architecture) throws FamilyException {
        if (architecture.isString()) {
            return architecture.value().getAsString();
        }
        return architecture.has("stages") ? ofaStages(architecture) : architecture.value().toString();
    }

    private static String ofaStages(ManifestNode architecture) throws FamilyException {
        StringBuilder depths = new StringBuilder();
        StringBuilder kernels = new StringBuilder();
        StringBuilder expands = new StringBuilder();
        for (ManifestNode stage : architecture.field("stages").nonEmptyList()) {
            ManifestNode depthNode = stage.field("depth");
            long depth = depthNode.integer();
            if (depth < 1) {
                throw depthNode.invalid("must be at least 1, found " + depth);
            }
            String separator = depths.length() == 0 ? "" : "-";
            depths.append(separator).append(depth);
            kernels.append(separator.isEmpty() ? "" : "|").append(activeBlocks(stage.field("kernel"), depth));
            expands.append(separator.isEmpty() ? "" : "|").append(activeBlocks(stage.field("expand"), depth));
        }
        return "r" + architecture.field("resolution").integer() + " d" + depths + " k" + kernels + " e" + expands;
    }

    private static String activeBlocks(ManifestNode values, long depth) throws FamilyException {
        List<ManifestNode> blocks = values.nonEmptyList();
        if (blocks.size() < depth) {
            throw values.invalid("has " + blocks.size() + " entries, fewer than the stage depth " + depth);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            text.append(blocks.get(i).integer());
        }
        return text.toString();
    }
}
