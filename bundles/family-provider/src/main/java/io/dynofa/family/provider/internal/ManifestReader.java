package io.dynofa.family.provider.internal;

import io.dynofa.family.api.LevelSpec;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import io.dynofa.inference.api.TensorSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the text of a {@code manifest.json} (schemaVersion 1) into a validated {@link Manifest}. */
public final class ManifestReader {
    public static final String FILE_NAME = "manifest.json";
    static final int SCHEMA_VERSION = 1;
    /** The most inputs a {@code sample} block may declare. */
    public static final int MAX_SAMPLE = 10_000;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PATH_SEGMENT = "[A-Za-z0-9_-][A-Za-z0-9._-]*";
    private static final Pattern FILE = Pattern.compile(PATH_SEGMENT + "(/" + PATH_SEGMENT + ")*");
    private static final String SAMPLE_SEGMENT = "(\\.\\.|" + PATH_SEGMENT + ")";
    private static final Pattern SAMPLE_FILE = Pattern.compile(SAMPLE_SEGMENT + "(/" + SAMPLE_SEGMENT + ")*");
    private static final String INSIDE_FAMILY = "must be a relative path inside the family folder";

    private ManifestReader() {
    }

    public static Manifest read(String json) throws FamilyException {
        ManifestNode root;
        try {
            root = ManifestNode.root(JsonTree.parse(json));
        } catch (IllegalArgumentException e) {
            throw new FamilyException(FILE_NAME + ": " + e.getMessage(), e);
        }
        ManifestNode schema = root.field("schemaVersion");
        if (schema.integer() != SCHEMA_VERSION) {
            throw schema.invalid(schema.integer() + " is not supported (this provider reads schemaVersion "
                + SCHEMA_VERSION + ")");
        }
        ManifestNode family = root.field("family");
        List<String> labels = root.field("labels").strings();
        ManifestNode levelsNode = root.field("levels");
        return new Manifest(family.field("id").string(), family.field("version").string(), input(root.field("input")),
            output(root.field("output"), labels.size()), labels, levels(levelsNode), externalData(levelsNode),
            root.has("sample") ? Optional.of(sample(root.field("sample"))) : Optional.empty());
    }

    private static InputSpec input(ManifestNode input) throws FamilyException {
        return new InputSpec(input.field("name").string(), shape(input.field("shape")), input.field("layout").string(),
            dtype(input.field("dtype")), normalisation(input.field("normalisation")));
    }

    private static long[] shape(ManifestNode shapeNode) throws FamilyException {
        long[] shape = shapeNode.integers();
        for (long dim : shape) {
            if (dim == 0 || dim < -1) {
                throw shapeNode.invalid("dimensions must be positive or -1 (free), found " + dim);
            }
        }
        return shape;
    }

    private static DType dtype(ManifestNode node) throws FamilyException {
        try {
            return DType.of(node.string());
        } catch (IllegalArgumentException e) {
            throw node.invalid(e.getMessage());
        }
    }

    private static Normalisation normalisation(ManifestNode node) throws FamilyException {
        ManifestNode stdNode = node.field("std");
        double[] std = stdNode.numbers();
        for (double value : std) {
            if (value == 0) {
                throw stdNode.invalid("must not contain 0");
            }
        }
        double[] mean = node.field("mean").numbers();
        if (mean.length != std.length) {
            throw stdNode.invalid("has " + std.length + " entries but mean has " + mean.length);
        }
        return new Normalisation(node.field("scale").number(), mean, std);
    }

    private static TensorSpec output(ManifestNode output, int labelCount) throws FamilyException {
        ManifestNode shapeNode = output.field("shape");
        long[] shape = shape(shapeNode);
        if (shape[shape.length - 1] != labelCount) {
            throw shapeNode.invalid("ends in " + shape[shape.length - 1] + " classes but labels has " + labelCount);
        }
        return new TensorSpec(output.field("name").string(), shape, dtype(output.field("dtype")));
    }

    private static List<LevelSpec> levels(ManifestNode levelsNode) throws FamilyException {
        List<LevelSpec> levels = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> files = new HashSet<>();
        for (ManifestNode node : levelsNode.nonEmptyList()) {
            LevelSpec level = level(node);
            if (!ids.add(level.id())) {
                throw node.field("id").invalid("duplicates level id '" + level.id() + "'");
            }
            if (!files.add(level.file())) {
                throw node.field("file").invalid("duplicates file '" + level.file() + "'");
            }
            levels.add(level);
        }
        return levels;
    }

    private static LevelSpec level(ManifestNode node) throws FamilyException {
        return new LevelSpec(node.field("id").string(), node.field("series").string(),
            ArchitectureText.of(node.field("architecture")), node.field("params").integer(),
            node.field("macs").integer(), node.field("top1").number(), node.field("sampleTop1").number(),
            matching(node.field("file"), FILE, INSIDE_FAMILY), sha256(node.field("sha256")));
    }

    /** Each level's optional {@code externalData}: a list of {"file", "sha256"}, no file twice. */
    private static Map<String, List<ExternalFile>> externalData(ManifestNode levelsNode) throws FamilyException {
        Map<String, List<ExternalFile>> byLevel = new LinkedHashMap<>();
        for (ManifestNode node : levelsNode.list()) {
            if (!node.has("externalData")) {
                continue;
            }
            List<ExternalFile> files = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (ManifestNode entry : node.field("externalData").nonEmptyList()) {
                ExternalFile file = new ExternalFile(matching(entry.field("file"), FILE, INSIDE_FAMILY),
                    sha256(entry.field("sha256")));
                if (!names.add(file.file())) {
                    throw entry.field("file").invalid("duplicates file '" + file.file() + "'");
                }
                files.add(file);
            }
            byLevel.put(node.field("id").string(), List.copyOf(files));
        }
        return byLevel;
    }

    private static SampleSpec sample(ManifestNode node) throws FamilyException {
        String rule = "must be a relative path (\"..\" allowed) inside the models folder";
        ManifestNode countNode = node.field("count");
        long count = countNode.integer();
        if (count < 1 || count > MAX_SAMPLE) {
            throw countNode.invalid("must be between 1 and " + MAX_SAMPLE + ", found " + count);
        }
        return new SampleSpec(matching(node.field("images"), SAMPLE_FILE, rule), sha256(node.field("imagesSha256")),
            matching(node.field("labels"), SAMPLE_FILE, rule), sha256(node.field("labelsSha256")), (int) count);
    }

    private static String sha256(ManifestNode node) throws FamilyException {
        return matching(node, SHA256, "must be 64 lower-case hex digits");
    }

    private static String matching(ManifestNode node, Pattern pattern, String rule) throws FamilyException {
        String value = node.string();
        if (!pattern.matcher(value).matches()) {
            throw node.invalid(rule + ", found \"" + value + "\"");
        }
        return value;
    }
}
