package io.dynofa.onnx.internal;

import java.io.IOException;

/** The bytes are not a well-formed ONNX protobuf (or exceed a bound); the message says where and why. */
public final class OnnxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public OnnxFormatException(String message) {
        super(message);
    }
}
