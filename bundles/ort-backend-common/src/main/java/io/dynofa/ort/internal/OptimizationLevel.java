package io.dynofa.ort.internal;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;

public enum OptimizationLevel {
    NO_OPT(OptLevel.NO_OPT),
    BASIC_OPT(OptLevel.BASIC_OPT),
    EXTENDED_OPT(OptLevel.EXTENDED_OPT),
    ALL_OPT(OptLevel.ALL_OPT);

    private final OptLevel ortLevel;

    OptimizationLevel(OptLevel ortLevel) {
        this.ortLevel = ortLevel;
    }

    OptLevel ortLevel() {
        return ortLevel;
    }
}
