package io.dynofa.doctor.internal;

import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import java.io.IOException;
import java.util.List;

/** The registered model families, each level's file and SHA-256, verified by reading the model. */
final class FamilySection {

    private FamilySection() {
    }

    static void write(Report report, List<ModelFamily> families) {
        report.section("Model families (" + families.size() + " registered; refused folders are named in the log)");
        if (families.isEmpty()) {
            report.line("none");
        }
        for (ModelFamily family : families) {
            report.line(family.id() + " " + family.version() + ": " + family.levels().size() + " levels, input "
                + family.input().name() + " " + family.input().shapeText() + " " + family.input().dtype().onnxName());
            for (LevelSpec level : family.levels()) {
                report.line("  " + level.id() + "  " + level.file() + "  sha256 " + level.sha256() + "  "
                    + verified(family, level));
            }
        }
    }

    private static String verified(ModelFamily family, LevelSpec level) {
        try {
            family.model(level.id());
            return "verified";
        } catch (IOException | RuntimeException e) {
            return "FAILED: " + e.getMessage();
        }
    }
}
