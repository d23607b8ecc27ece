package io.dynofa.manager.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The manager's configuration (PID {@value RuntimeManager#PID}, and each deployment's, factory PID
 * {@code io.dynofa.deployment}): the only place its defaults and valid ranges are
 * written. {@link io.dynofa.config.internal.ConfigReader} refuses a value outside its {@link Range} and keeps the
 * one in force.
 */
@ObjectClassDefinition(name = "Dynofa runtime manager",
    description = "Latency target, accuracy floor and which family, backend and policy serve requests")
public @interface ManagerConfig {

    @AttributeDefinition(description = "Latency target per request, milliseconds")
    @Range(min = 0, aboveMin = true, max = 60_000)
    double targetLatencyMs() default 1.0;

    @AttributeDefinition(description = "Lowest acceptable top-1 accuracy in percent (0 = none)")
    @Range(min = 0, max = 100)
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
    @Range(min = 10, max = Range.HOUR_MS)
    long decisionIntervalMs() default 100;

    @AttributeDefinition(description = "Untimed runs per level before it is measured")
    @Range(min = 0, max = 10_000)
    int warmupRuns() default 30;

    @AttributeDefinition(description = "Timed runs per level when a family loads (median is kept)")
    @Range(min = 1, max = 10_000)
    int profileRuns() default 60;

    @AttributeDefinition(description = "Items per request the levels are timed at when measured on load: the frame "
        + "workload's items per frame, so that the latencies and the Pareto front are those of its requests; above 1 "
        + "a stored (batch-1) profile is not used (1 to 4096)")
    @Range(min = 1, max = 4_096)
    int profileBatch() default 1;

    @AttributeDefinition(description = "Levels on each side of the serving one kept warm in the processor caches, "
        + "so that a switch to them runs at full speed at once; 0 = off")
    @Range(min = 0, max = 64)
    int keepWarmNeighbours() default 1;

    @AttributeDefinition(description = "How often the neighbouring levels are run to keep them warm, milliseconds")
    @Range(min = 1, max = Range.HOUR_MS)
    long keepWarmIntervalMs() default 10;

    @AttributeDefinition(description = "Runs of each neighbouring level per keep-warm round")
    @Range(min = 1, max = 1_000)
    int keepWarmRuns() default 2;

    @AttributeDefinition(description = "Largest share of one core that keeping levels warm may take (0-1]; "
        + "the interval is stretched to stay under it")
    @Range(min = 0, aboveMin = true, max = 1)
    double keepWarmMaxCpuShare() default 0.1;

    @AttributeDefinition(description = "System CPU load (0-1, monitor cpu.load) at or above which keeping levels warm "
        + "pauses, leaving the CPU to serving and other applications; 1 = never pause")
    @Range(min = 0, aboveMin = true, max = 1)
    double keepWarmMaxCpuLoad() default 0.9;

    @AttributeDefinition(description = "At start, how long to wait for a profile store (the profiler bundle) before "
        + "measuring the family's levels on load, milliseconds; 0 = do not wait")
    @Range(min = 0, max = 60_000)
    long profileWaitMs() default 300;

    @AttributeDefinition(description = "Worker threads for inferAsync")
    @Range(min = 1, max = 256)
    int asyncThreads() default 2;

    @AttributeDefinition(description = "Longest a request may wait for its turn (infer) or in the queue (inferAsync) "
        + "before it fails with DEADLINE_EXCEEDED without being run, milliseconds (1 to 60000)")
    @Range(min = 1, max = 60_000)
    long requestTimeoutMs() default 1000;

    @AttributeDefinition(description = "Requests inferAsync may hold queued; when full, a request fails at once "
        + "with OVERLOADED (1 to 65536)")
    @Range(min = 1, max = 65_536)
    int asyncQueueSize() default 256;

    @AttributeDefinition(description = "Model runs at once across every caller (infer and inferAsync); 0 = one per "
        + "available processor (0 to 1024)")
    @Range(min = 0, max = 1_024)
    int maxConcurrentRuns() default 0;

    @AttributeDefinition(description = "Callers of infer that may wait for a turn; one more fails at once with "
        + "OVERLOADED (0 to 65536)")
    @Range(min = 0, max = 65_536)
    int maxWaitingCallers() default 256;

    @AttributeDefinition(description = "Longest loading, checking and timing one level may take when a family "
        + "loads; a level that takes longer is refused and named in status, milliseconds (100 to 600000)")
    @Range(min = 100, max = 600_000)
    long levelLoadTimeoutMs() default 10000;

    @AttributeDefinition(description = "Images of the family's labelled sample each level classifies at load; its "
        + "top-1 must match the manifest's sampleTop1 within sampleTolerancePct (0 = no sample check, up to 10000)")
    @Range(min = 0, max = 10_000)
    int sampleCheckSize() default 200;

    @AttributeDefinition(description = "Largest difference in percentage points between a level's top-1 on the "
        + "checked images and the manifest's sampleTop1 (0 to 100)")
    @Range(min = 0, max = 100)
    double sampleTolerancePct() default 10.0;

    @AttributeDefinition(description = "Check every response for NaN or infinite values (a failed request with "
        + "BACKEND_FAILURE rather than a wrong answer)")
    boolean checkOutputs() default true;

    @AttributeDefinition(description = "While nothing serves (at start), serve the family's first level that passes"
        + " its checks as soon as it has, and the whole Pareto set once it is resident: the first result comes"
        + " after one level's load instead of all of them; status says LOADING (and lists that one level) until"
        + " the Pareto set serves")
    boolean serveWhileLoading() default false;

    @AttributeDefinition(description = "How long the resident levels of a family that went away keep serving while no "
        + "other family is registered (its provider bundle being updated, say), milliseconds; 0 = stop at once "
        + "(0 to 600000)")
    @Range(min = 0, max = 600_000)
    long familyGraceMs() default 10000;

    @AttributeDefinition(description = "The deployment's name (io.dynofa.deployment configurations only; empty = the"
        + " file's or PID's name: io.dynofa.deployment-<name>.cfg). The io.dynofa.runtime deployment is 'default'")
    String name() default "";

    @AttributeDefinition(description = "The deployment's priority when deployments are arbitrated: a higher one"
        + " keeps its level first (1 to 1000)")
    @Range(min = 1, max = 1000)
    int priority() default 1;

    @AttributeDefinition(description = "The frames' deadline, milliseconds: 0 = the one the application's frames"
        + " report (frame.deadline.ms), else the target (0 to 60000)")
    @Range(min = 0, max = 60_000)
    double deadlineMs() default 0;
}
