package io.dynofa.arbiter.api;

import io.dynofa.policy.api.Level;
import io.dynofa.policy.api.Slowdown;
import java.util.List;

/**
 * One backend a deployment's family is resident on, where an arbiter may place the deployment: its levels as
 * profiled there and what a run there takes from the machine.
 *
 * <p>Backends on the same {@link #device()} share it: those on {@link #CPU} share the processors of
 * {@link Capacity#cores()}; those on any other device (a GPU) share that device, which runs one request at a time
 * (a capacity of one device-second per second, apart from the processors).
 *
 * @param backendId the backend's id ({@link io.dynofa.backend.api.DeviceBackend#BACKEND_ID})
 * @param device the device the backend runs on ({@link io.dynofa.backend.api.DeviceBackend#DEVICE}); null or
 *     blank counts as {@link #CPU}
 * @param threads the device's share a run keeps busy while it runs: processor threads on the CPU (a backend of 2
 *     intra-op threads takes 2 cores for its runs' time), 1 on another device; not a number or below 1 counts as 1
 * @param levels its levels, fastest first, as in {@link Claim#levels()} (null = none: not a place to go)
 * @param slowdown the slowdown observed on that backend (observed latency over profiled); not
 *     {@linkplain Slowdown#isUsable usable} = unknown (an arbiter counts the claim's own slowdown for a backend on
 *     the claim's device, else 1)
 * @since 1.2
 */
public record Placement(String backendId, String device, double threads, List<Level> levels, double slowdown) {

    /** The device of the processors. */
    public static final String CPU = "cpu";

    /** Copies {@code levels} (null = none; it must hold no null); a blank device becomes {@link #CPU}. */
    public Placement {
        levels = levels == null ? List.of() : List.copyOf(levels);
        device = device == null || device.isBlank() ? CPU : device;
    }

    /** Whether the backend runs on the processors ({@link #CPU}). */
    public boolean onCpu() {
        return CPU.equals(device);
    }

    /**
     * The processors a run on this backend keeps busy while it runs: its {@link #threads()} on the CPU (1 when that
     * is not a number or below 1), 0 on another device.
     */
    public double cpuThreads() {
        if (!onCpu()) {
            return 0;
        }
        return threads >= 1 && Double.isFinite(threads) ? threads : 1;
    }
}
