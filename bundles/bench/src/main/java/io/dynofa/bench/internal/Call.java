package io.dynofa.bench.internal;

/** One measured variant of a request: runs request {@code i} and returns a float of its result. */
interface Call {
    float run(int i) throws Exception;
}
