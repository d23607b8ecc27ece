package io.dynofa.arbiter.priority.internal;

import static io.dynofa.arbiter.priority.internal.Tables.feasible;
import static io.dynofa.arbiter.priority.internal.Tables.levels;
import static io.dynofa.arbiter.priority.internal.Tables.value;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.arbiter.api.Arbitration;
import io.dynofa.arbiter.api.Capacity;
import io.dynofa.arbiter.api.Claim;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** The exhaustive and the greedy search on seeded random tables of Pareto-shaped levels. */
public class SearchAgreementTest {
    private final PriorityWeightedRule exhaustive = new PriorityWeightedRule(2_000_000);
    private final PriorityWeightedRule greedy = new PriorityWeightedRule(1);

    @Test
    public void theGreedySearchAgreesWithTheExhaustiveOneOnMidSizeTables() {
        Random random = new Random(15);
        int tables = 300;
        int same = 0;
        int searched = 0;
        for (int t = 0; t < tables; t++) {
            List<Claim> claims = table(random, 4, 6 + random.nextInt(7));
            Capacity capacity = capacity(random, claims);
            Arbitration best = exhaustive.arbitrate(claims, capacity);
            Arbitration found = greedy.arbitrate(claims, capacity);
            if (best.reason().startsWith("no grant fits")) {
                assertEquals(best, found);
                continue;
            }
            searched++;
            assertTrue(best.reason(), feasible(claims, capacity, best.levels()));
            assertTrue(found.reason(), feasible(claims, capacity, found.levels()));
            assertFalse(best.reason(), best.reason().contains("greedy"));
            double loss = value(claims, best.levels()) - value(claims, found.levels());
            assertTrue("exhaustive is best, lost " + loss, loss >= -1e-6);
            assertTrue("greedy within 1 % of the best, lost " + loss, loss <= 0.01 * value(claims, best.levels()));
            same += best.levels().equals(found.levels()) ? 1 : 0;
        }
        assertTrue("most tables fit: " + searched, searched > tables / 2);
        assertTrue(same + " of " + searched + " the same", same >= 0.9 * searched);
    }

    @Test
    public void eightDeploymentsOfTwentyLevelsAreSearchedGreedily() {
        Random random = new Random(8);
        PriorityWeightedRule rule = new PriorityWeightedRule(200_000);
        for (int t = 0; t < 20; t++) {
            List<Claim> claims = table(random, 8, 20);
            Capacity capacity = capacity(random, claims);
            Arbitration a = rule.arbitrate(claims, capacity);
            if (!a.reason().startsWith("no grant fits") && !a.reason().equals(Reasons.FIT)) {
                assertTrue(a.reason(), a.reason().contains("; greedy search"));
                assertTrue(a.reason(), feasible(claims, capacity, a.levels()));
            }
        }
    }

    /** {@code n} deployments of {@code size} levels: latency and top-1 rising, top-1 with diminishing returns. */
    static List<Claim> table(Random random, int n, int size) {
        List<Claim> claims = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            double[] top1 = new double[size];
            double[] latency = new double[size];
            double accuracy = 80 + 5 * random.nextDouble();
            double ms = 0.5 + random.nextDouble();
            for (int i = 0; i < size; i++) {
                top1[i] = Math.round(accuracy * 100) / 100.0;
                latency[i] = ms;
                accuracy += (12.0 / size) * (1.5 - (double) i / size) * random.nextDouble();
                ms *= 1.05 + 0.25 * random.nextDouble();
            }
            int proposed = size / 2 + random.nextInt(size - size / 2);
            double deadline = latency[proposed] * (0.7 + random.nextDouble());
            double slowdown = 0.8 + 0.6 * random.nextDouble();
            claims.add(new Claim("d" + d, 1 + random.nextInt(3), levels(top1, latency), proposed, proposed, deadline,
                20 + 180 * random.nextDouble(), slowdown, 0));
        }
        return claims;
    }

    /** Cores between the demand of the fastest levels and that of the proposals. */
    static Capacity capacity(Random random, List<Claim> claims) {
        double least = 0;
        double proposed = 0;
        for (Claim c : claims) {
            least += c.requestsPerSecond() * c.levels().get(0).latencyMs() / 1000;
            proposed += c.requestsPerSecond() * c.levels().get(c.proposed()).latencyMs() / 1000;
        }
        return new Capacity(least + (proposed - least) * random.nextDouble(), 0.9);
    }
}
