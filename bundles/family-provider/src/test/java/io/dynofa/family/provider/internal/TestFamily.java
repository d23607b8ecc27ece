package io.dynofa.family.provider.internal;

import io.dynofa.onnx.internal.OnnxFormatException;
import io.dynofa.onnx.internal.ProtoWriter;
import io.dynofa.onnx.internal.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small family folders: one tiny ONNX model file per level and a matching manifest.json. */
final class TestFamily {

    private TestFamily() {
    }

    static Path write(Path folder, String familyId, String... levelIds) throws IOException {
        Files.createDirectories(folder);
        List<String> levels = new ArrayList<>();
        for (String levelId : levelIds) {
            byte[] model = modelBytes(levelId);
            Files.write(folder.resolve(levelId + ".onnx"), model);
            levels.add(level(levelId, levelId + ".onnx", Sha256.of(model)));
        }
        Files.writeString(folder.resolve("manifest.json"), manifest(familyId, "1.0.0", levels));
        return folder;
    }

    /** A well-formed ONNX model, different for each level id (its graph is named after it). */
    static byte[] modelBytes(String levelId) throws OnnxFormatException {
        return TestModels.model(new ProtoWriter().string(2, "level " + levelId));
    }

    static String manifest(String familyId, String version, List<String> levels) {
        return """
            {"schemaVersion": 1,
             "family": {"id": "%s", "version": "%s", "description": "test family"},
             "input": {"name": "input", "shape": [-1, 1, 28, 28], "layout": "NCHW", "dtype": "float32",
                       "normalisation": {"scale": 0.00392156862745098, "mean": [0.0], "std": [1.0], "note": "n"}},
             "output": {"name": "logits", "shape": [-1, 3], "dtype": "float32"},
             "labels": ["a", "b", "c"],
             "levels": [%s],
             "provenance": {"seed": 1}}
            """.formatted(familyId, version, String.join(",\n", levels));
    }

    static String level(String id, String file, String sha256) {
        return """
            {"id": "%s", "series": "ofa",
             "architecture": {"resolution": 28, "stages": [{"depth": 2, "kernel": [3, 5, 7], "expand": [2, 4, 6]},
                                                          {"depth": 1, "kernel": [7], "expand": [6]}]},
             "params": 52410, "macs": 1190000, "top1": 84.1, "sampleTop1": 84.3, "sampleCorrect": 843,
             "file": "%s", "sha256": "%s"}""".formatted(id, file, sha256);
    }
}
