package io.dynofa.bench.internal;

/** First-over-steady ratios of measured switches, each with the level it switched to. */
record TargetedRatios(String[] targets, double[] ratios) {

    static TargetedRatios of(int switches) {
        return new TargetedRatios(new String[switches], new double[switches]);
    }

    void set(int i, String target, double ratio) {
        targets[i] = target;
        ratios[i] = ratio;
    }
}
