package io.dynofa.arbiter.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An arbiter's answer.
 *
 * @param levels the level index granted to each deployment, by {@link Claim#deployment()} (unmodifiable, in the
 *     order of the claims)
 * @param reason one line for people: who stepped down and why, or {@code "proposals fit"}
 */
public record Arbitration(Map<String, Integer> levels, String reason) {

    public Arbitration {
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        reason = reason == null ? "" : reason;
    }
}
