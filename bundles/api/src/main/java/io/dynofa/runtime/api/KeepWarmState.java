package io.dynofa.runtime.api;

import java.util.List;

/**
 * What keeping the levels next to the serving one warm does at the moment.
 *
 * @param mode       off by configuration, starting (no round yet), warming, or paused
 * @param pause      why it is paused; null unless {@link Mode#PAUSED}
 * @param levels     ids of the levels warmed in the last round (empty unless {@link Mode#WARMING}, or when the
 *                   family has a single level)
 * @param intervalMs the time between rounds in force, milliseconds (the configured interval, stretched to keep
 *                   warming within its CPU share)
 * @since 1.3
 */
public record KeepWarmState(Mode mode, Pause pause, List<String> levels, long intervalMs) {

    public enum Mode { OFF, STARTING, WARMING, PAUSED }

    public enum Pause {
        /** An operator pinned a level. */
        PINNED,
        /** No request arrived since the last round. */
        NO_REQUESTS,
        /** The system's CPU load is at or above the configured maximum. */
        CPU_LOAD,
        /** No family is active. */
        NO_FAMILY
    }

    public KeepWarmState {
        levels = List.copyOf(levels);
    }
}
