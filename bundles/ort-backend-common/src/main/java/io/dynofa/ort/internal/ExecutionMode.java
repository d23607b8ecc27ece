package io.dynofa.ort.internal;

import ai.onnxruntime.OrtSession.SessionOptions;

public enum ExecutionMode {
    SEQUENTIAL(SessionOptions.ExecutionMode.SEQUENTIAL),
    PARALLEL(SessionOptions.ExecutionMode.PARALLEL);

    private final SessionOptions.ExecutionMode ortMode;

    ExecutionMode(SessionOptions.ExecutionMode ortMode) {
        this.ortMode = ortMode;
    }

    SessionOptions.ExecutionMode ortMode() {
        return ortMode;
    }
}
