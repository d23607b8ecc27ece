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
 * @param backends the backend each deployment is placed on, by {@link Claim#deployment()}, for those placed on
 *     another backend than {@link Claim#backendId()} (one of its {@link Claim#placements()}; its level in
 *     {@code levels} is then an index into that placement's levels); a deployment missing here stays where it is
 *     (unmodifiable; since 1.2)
 */
public record Arbitration(Map<String, Integer> levels, String reason, Map<String, String> backends) {

    public Arbitration {
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        reason = reason == null ? "" : reason;
        backends = backends == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(backends));
    }

    /** An answer that places no deployment elsewhere. */
    public Arbitration(Map<String, Integer> levels, String reason) {
        this(levels, reason, Map.of());
    }
}
