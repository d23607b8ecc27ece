package io.dynofa.metrics.internal;

/** The label names of the endpoint's series. */
final class LabelNames {
    static final String DEPLOYMENT = "deployment";
    static final String LEVEL = "level";
    static final String OUTCOME = "outcome";
    static final String REASON = "reason";
    static final String NAME = "name";
    static final String KIND = "kind";

    private LabelNames() {
    }
}
