package io.dynofa.manager.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa runtime manager",
    description = "Latency target, accuracy floor and which family, backend and policy serve requests")
public @interface ManagerConfig {

    @AttributeDefinition(description = "Latency target per request, milliseconds")
    double targetLatencyMs() default 1.0;

    @AttributeDefinition(description = "Lowest acceptable top-1 accuracy in percent (0 = none)")
    double accuracyFloor() default 0.0;

    @AttributeDefinition(description = "Family id to serve; empty = the first registered family")
    String family() default "fmnist-ofa";

    @AttributeDefinition(description = "Backend id to serve from; falls back to any usable backend")
    String backend() default "cpu";

    @AttributeDefinition(description = "Switching policy name")
    String policy() default "dynofa-step";

    @AttributeDefinition(description = "Policy used when the configured one is not installed")
    String fallbackPolicy() default "dynofa-step";

    @AttributeDefinition(description = "Family served while `family` is not registered; empty = any registered family")
    String fallbackFamily() default "";

    @AttributeDefinition(description = "Level id to hold regardless of the policy; empty = let the policy choose")
    String pinnedLevel() default "";

    @AttributeDefinition(description = "Interval between policy decisions, milliseconds")
    long decisionIntervalMs() default 100;

    @AttributeDefinition(description = "Untimed runs per level before it is measured")
    int warmupRuns() default 30;

    @AttributeDefinition(description = "Timed runs per level when a family loads (median is kept)")
    int profileRuns() default 60;

    @AttributeDefinition(description = "Levels on each side of the serving one kept warm in the processor caches, "
        + "so that a switch to them runs at full speed at once; 0 = off")
    int keepWarmNeighbours() default 1;

    @AttributeDefinition(description = "How often the neighbouring levels are run to keep them warm, milliseconds")
    long keepWarmIntervalMs() default 10;

    @AttributeDefinition(description = "Runs of each neighbouring level per keep-warm round")
    int keepWarmRuns() default 2;

    @AttributeDefinition(description = "Largest share of one core that keeping levels warm may take (0-1]; "
        + "the interval is stretched to stay under it")
    double keepWarmMaxCpuShare() default 0.1;

    @AttributeDefinition(description = "System CPU load (0-1, monitor cpu.load) at or above which keeping levels warm "
        + "pauses, leaving the CPU to serving and other applications; 1 = never pause")
    double keepWarmMaxCpuLoad() default 0.9;

    @AttributeDefinition(description = "At start, how long to wait for a profile store (the profiler bundle) before "
        + "measuring the family's levels on load, milliseconds; 0 = do not wait")
    long profileWaitMs() default 300;

    @AttributeDefinition(description = "Worker threads for inferAsync")
    int asyncThreads() default 2;

    @AttributeDefinition(description = "Longest a request may wait for its turn (infer) or in the queue (inferAsync) "
        + "before it fails with DEADLINE_EXCEEDED without being run, milliseconds (1 to 60000)")
    long requestTimeoutMs() default 1000;

    @AttributeDefinition(description = "Requests inferAsync may hold queued; when full, a request fails at once "
        + "with OVERLOADED (1 to 65536)")
    int asyncQueueSize() default 256;

    @AttributeDefinition(description = "Model runs at once across every caller (infer and inferAsync); 0 = one per "
        + "available processor (0 to 1024)")
    int maxConcurrentRuns() default 0;

    @AttributeDefinition(description = "Callers of infer that may wait for a turn; one more fails at once with "
        + "OVERLOADED (0 to 65536)")
    int maxWaitingCallers() default 256;

    @AttributeDefinition(description = "Longest loading, checking and timing one level may take when a family "
        + "loads; a level that takes longer is refused and named in status, milliseconds (100 to 600000)")
    long levelLoadTimeoutMs() default 10000;

    @AttributeDefinition(description = "Images of the family's labelled sample each level classifies at load; its "
        + "top-1 must match the manifest's sampleTop1 within sampleTolerancePct (0 = no sample check, up to 10000)")
    int sampleCheckSize() default 200;

    @AttributeDefinition(description = "Largest difference in percentage points between a level's top-1 on the "
        + "checked images and the manifest's sampleTop1 (0 to 100)")
    double sampleTolerancePct() default 10.0;

    @AttributeDefinition(description = "Check every response for NaN or infinite values (a failed request with "
        + "BACKEND_FAILURE rather than a wrong answer)")
    boolean checkOutputs() default true;

    @AttributeDefinition(description = "How long the resident levels of a family that went away keep serving while no "
        + "other family is registered (its provider bundle being updated, say), milliseconds; 0 = stop at once "
        + "(0 to 600000)")
    long familyGraceMs() default 10000;
}
