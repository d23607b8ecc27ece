package io.dynofa.bench.internal;

/**
 * What runs the next level right before a bare switch: nothing, another thread (as the runtime's keep-warm
 * does, so the serving thread stays free), or the serving thread itself (untimed; the bound a warm-up can
 * reach on this host, at the price of one run on the thread that serves requests).
 */
enum BareWarmUp {
    NONE("bareOrtFirstOverSteady"),
    OTHER_THREAD("bareOrtWarmedByOtherThread"),
    SERVING_THREAD("bareOrtWarmedOnServingThread");

    /** The prefix of this variant's fields in the report's JSON. */
    final String key;

    BareWarmUp(String key) {
        this.key = key;
    }
}
