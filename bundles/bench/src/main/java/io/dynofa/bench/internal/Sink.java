package io.dynofa.bench.internal;

/** Where measured calls leave a float of their result, so the JIT cannot drop the work being timed. */
final class Sink {
    private volatile float value;

    void add(float v) {
        value += v;
    }

    float value() {
        return value;
    }
}
