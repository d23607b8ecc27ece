package io.dynofa.arbiter.priority.internal;

import static org.junit.Assert.assertTrue;

import io.dynofa.arbiter.api.Arbitration;
import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import io.dynofa.policy.api.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.Test;

/** Seeded random claims full of odd numbers: the rule never throws and never grants above a proposal. */
public class OddInputTest {
    private static final double[] ODD = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1, 0,
        1e-300, 1e300};
    private static final String[] NAMES = {"a", "b", "c", "", null};

    @Test
    public void oddClaimsNeverThrowAndNeverGetMoreThanTheirProposals() {
        Random random = new Random(15);
        for (PriorityWeightedRule rule : List.of(new PriorityWeightedRule(200_000), new PriorityWeightedRule(1))) {
            for (int t = 0; t < 2000; t++) {
                List<Claim> claims = new ArrayList<>();
                int n = random.nextInt(5);
                for (int d = 0; d < n; d++) {
                    claims.add(random.nextInt(20) == 0 ? null : claim(random));
                }
                Capacity capacity = random.nextInt(20) == 0 ? null : new Capacity(number(random, 4), number(random, 1));
                Arbitration a = rule.arbitrate(claims, capacity);
                assertTrue(a.reason(), !a.reason().isEmpty() && !a.reason().contains("\n"));
                Set<String> seen = new HashSet<>();
                for (Claim c : claims) {
                    Integer g = c == null || !seen.add(c.deployment()) ? null : a.levels().get(c.deployment());
                    if (g != null) {
                        int proposed = Math.max(0, Math.min(c.levels().size() - 1, c.proposed()));
                        assertTrue(a.reason(), g >= 0 && g <= proposed);
                    }
                }
            }
        }
    }

    private static Claim claim(Random random) {
        List<Level> levels = new ArrayList<>();
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) {
            levels.add(new Level(i, "l" + i, number(random, 100), number(random, 10)));
        }
        return new Claim(NAMES[random.nextInt(NAMES.length)], random.nextInt(5) - 1, levels, random.nextInt(8) - 1,
            random.nextInt(8) - 1, number(random, 30), number(random, 500), number(random, 3), number(random, 95));
    }

    private static double number(Random random, double scale) {
        return random.nextInt(4) == 0 ? ODD[random.nextInt(ODD.length)] : scale * random.nextDouble();
    }
}
