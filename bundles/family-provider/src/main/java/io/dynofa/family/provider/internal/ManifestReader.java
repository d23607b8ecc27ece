package io.dynofa.family.provider.internal;

import io.dynofa.family.api.LevelSpec;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Normalisation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the text of a {@code manifest.json} (schemaVersion 1) into a validated {@link Manifest}. */
public final class ManifestReader {
    public static final String FILE_NAME = "manifest.json";
    static final int SCHEMA_VERSION = 1;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PATH_SEGMENT = "[A-Za-z0-9_-][A-Za-z0-9._-]*";
    private static final Pattern FILE = Pattern.compile(PATH_SEGMENT + "(/" + PATH_SEGMENT + ")*");

    private ManifestReader() {
    }

    public static Manifest read(String json) throws FamilyException {
        ManifestNode root;
        try {
            root = ManifestNode.root(Json.parse(json));
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
        checkOutput(root.field("output"), labels.size());
        return new Manifest(family.field("id").string(), family.field("version").string(), input(root.field("input")),
            labels, levels(root.field("levels")));
    }

    private static InputSpec input(ManifestNode input) throws FamilyException {
        ManifestNode shapeNode = input.field("shape");
        long[] shape = shapeNode.integers();
        for (long dim : shape) {
            if (dim == 0 || dim < -1) {
                throw shapeNode.invalid("dimensions must be positive or -1 (free), found " + dim);
            }
        }
        return new InputSpec(input.field("name").string(), shape, input.field("layout").string(),
            dtype(input.field("dtype")), normalisation(input.field("normalisation")));
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

    private static void checkOutput(ManifestNode output, int labelCount) throws FamilyException {
        ManifestNode shapeNode = output.field("shape");
        long[] shape = shapeNode.integers();
        if (shape[shape.length - 1] != labelCount) {
            throw shapeNode.invalid("ends in " + shape[shape.length - 1] + " classes but labels has " + labelCount);
        }
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
            matching(node.field("file"), FILE, "must be a relative path inside the family folder"),
            matching(node.field("sha256"), SHA256, "must be 64 lower-case hex digits"));
    }

    private static String matching(ManifestNode node, Pattern pattern, String rule) throws FamilyException {
        String value = node.string();
        if (!pattern.matcher(value).matches()) {
            throw node.invalid(rule + ", found \"" + value + "\"");
        }
        return value;
    }
}
