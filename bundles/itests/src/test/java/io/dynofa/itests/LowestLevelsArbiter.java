package io.dynofa.itests;

import io.dynofa.arbiter.api.Arbiter;
import io.dynofa.arbiter.api.Arbitration;
import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A second arbiter for the tests, replacing the shipped one by name: grants every deployment its fastest level. */
final class LowestLevelsArbiter implements Arbiter {
    static final String REASON = "everyone at the fastest level";

    private final String name;

    LowestLevelsArbiter(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Arbitration arbitrate(List<Claim> claims, Capacity capacity) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        claims.forEach(claim -> levels.putIfAbsent(claim.deployment(), 0));
        return new Arbitration(levels, REASON);
    }
}
