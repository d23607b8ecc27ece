package io.dynofa.manager.internal;

/**
 * What a gateway's deployments share when they load levels: where sessions come from, the latencies already
 * measured and the files already seen passing the sample check. A second deployment of a family on a backend
 * then opens no session and times nothing the first one did ({@link MeasuredProfiles#turn}: one load of a family on
 * a backend at a time).
 */
record GatewayLoads(ModelSource models, MeasuredProfiles measured, SampleChecks sampleChecks) {

    /** A manager's own: each load its own session, as the backend makes it, and its own memos (tests). */
    static GatewayLoads own() {
        return new GatewayLoads(ModelSource.DIRECT, new MeasuredProfiles(), new SampleChecks());
    }
}
