package io.dynofa.policy.api;

/**
 * What a policy wants: stay, or move to a level index. The manager clamps the index into range.
 *
 * @param level the wanted level index, or {@link #STAY}
 * @param reason short explanation, shown in status and logs
 */
public record Decision(int level, String reason) {
    /** Marker for "keep the current level". */
    public static final int STAY = -1;

    public static Decision stay(String reason) {
        return new Decision(STAY, reason);
    }

    public static Decision moveTo(int level, String reason) {
        return new Decision(level, reason);
    }

    public boolean isStay() {
        return level == STAY;
    }
}
