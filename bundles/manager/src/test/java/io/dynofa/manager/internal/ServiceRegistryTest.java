package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.dynofa.policy.api.SwitchingPolicy;
import io.dynofa.runtime.api.Problem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.framework.Constants;

public class ServiceRegistryTest {
    private final ServiceRegistry<SwitchingPolicy> registry = new ServiceRegistry<>(ServiceKind.POLICY);

    private static Map<String, Object> props(String name, long serviceId, Integer ranking) {
        return ranking == null ? Map.of(SwitchingPolicy.POLICY_NAME, name, Constants.SERVICE_ID, serviceId)
            : Map.of(SwitchingPolicy.POLICY_NAME, name, Constants.SERVICE_ID, serviceId, Constants.SERVICE_RANKING,
                ranking);
    }

    private static FakePolicy policy(String name) {
        return FakePolicy.movingTo(name, 0);
    }

    @Test
    public void theHighestRankingThenTheLowestServiceIdIsUsedForAnId() {
        FakePolicy late = policy("p");
        FakePolicy early = policy("p");
        FakePolicy ranked = policy("p");
        registry.add(late, props("p", 9, null));
        registry.add(early, props("p", 3, null));
        assertSame(early, registry.get("p"));

        registry.add(ranked, props("p", 12, 2));
        assertSame(ranked, registry.get("p"));
        assertEquals(List.of("p"), registry.ids());
        assertEquals(3, registry.all().size());

        registry.remove(ranked, props("p", 12, 2));
        assertSame(early, registry.get("p"));
        registry.remove(early, props("p", 3, null));
        assertSame(late, registry.get("p"));
    }

    @Test
    public void aServiceBoundTwiceIsOneRegistrationAndOneUnbindForgetsIt() {
        FakePolicy policy = policy("p");
        registry.add(policy, props("p", 7, null));
        registry.add(policy, props("p", 7, null));

        assertEquals(1, registry.all().size());
        assertSame(policy, registry.remove(policy, props("p", 7, null)).service());
        assertTrue(registry.isEmpty());
    }

    @Test
    public void valuesHoldTheServiceUsedForEachIdInIdOrder() {
        FakePolicy b = policy("b");
        FakePolicy a = policy("a");
        FakePolicy standby = policy("a");
        registry.add(b, props("b", 1, null));
        registry.add(standby, props("a", 5, null));
        registry.add(a, props("a", 2, null));

        assertEquals(List.of(a, b), registry.values());
        assertEquals(List.of("a", "b"), registry.ids());
    }

    @Test
    public void anUpdateReordersAndAnUnknownRemovalChangesNothing() {
        FakePolicy first = policy("p");
        FakePolicy second = policy("p");
        registry.add(first, props("p", 1, null));
        registry.add(second, props("p", 2, null));

        ServiceRegistry.Update<SwitchingPolicy> update = registry.update(first, props("p", 1, -5));

        assertEquals(0, update.before().ranking());
        assertEquals(-5, update.after().ranking());
        assertSame(second, registry.get("p"));
        assertNull(registry.remove(policy("p"), props("p", 77, null)));
        assertNull("the same object under another service id is another registration",
            registry.remove(second, props("p", 3, null)));
        assertEquals(2, registry.all().size());
    }

    @Test
    public void aServiceWithoutAUsableIdIsNotUsedAndStatusSaysWhy() {
        SwitchingPolicy nameless = new FakePolicy(" ", c -> null);
        FakePolicy numbered = policy("by-method");
        registry.add(nameless, Map.of(Constants.SERVICE_ID, 4L));
        registry.add(numbered, Map.of(SwitchingPolicy.POLICY_NAME, 42, Constants.SERVICE_ID, 5L));

        assertEquals(List.of("by-method"), registry.ids());
        List<Problem> problems = registry.problems();
        assertEquals(Arrays.asList("by-method", null), problems.stream().map(Problem::subject).toList());
        assertTrue(problems.toString(), problems.stream().allMatch(p -> p.code().equals(Problem.SERVICE_UNNAMED)
            && p.text().contains(SwitchingPolicy.POLICY_NAME)));
    }
}
