package io.dynofa.policy.api;

/**
 * What a policy wants: stay, move to a level index on the current backend, or move to a level of another
 * backend's levels ({@link #moveTo(String, int, String)}). The manager clamps the index into range.
 *
 * @param level the wanted level index, or {@link #STAY}
 * @param reason short explanation, shown in status and logs
 * @param backendId the backend to serve from, one of {@link PolicyContext#backends()}; null = the current one
 *     (since 1.1)
 */
public record Decision(int level, String reason, String backendId) {
    /** Marker for "keep the current level". */
    public static final int STAY = -1;

    /** A decision on the current backend (the 1.0 form). */
    public Decision(int level, String reason) {
        this(level, reason, null);
    }

    public static Decision stay(String reason) {
        return new Decision(STAY, reason);
    }

    public static Decision moveTo(int level, String reason) {
        return new Decision(level, reason);
    }

    /**
     * Serve from backend {@code backendId} at index {@code level} of that backend's levels.
     *
     * @since 1.1
     */
    public static Decision moveTo(String backendId, int level, String reason) {
        if (backendId == null || level < 0) {
            throw new IllegalArgumentException("a move to another backend needs its id and a level index, got "
                + backendId + " / " + level);
        }
        return new Decision(level, reason, backendId);
    }

    /** Neither the level nor the backend changes. */
    public boolean isStay() {
        return level == STAY && backendId == null;
    }
}
