package io.dynofa.policy.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.policy.api.Decision;

/** Assertions on a policy's decision (the api test-jar). */
public final class DecisionAssert {

    private DecisionAssert() {
    }

    /** {@code d} moves to {@code level} for a reason containing {@code reasonPart}. */
    public static void assertMove(int level, Decision d, String reasonPart) {
        assertEquals(d.toString(), level, d.level());
        assertTrue(d.reason(), d.reason().contains(reasonPart));
    }

    /** {@code d} stays for a reason containing {@code reasonPart}. */
    public static void assertStay(Decision d, String reasonPart) {
        assertTrue(d.toString(), d.isStay());
        assertTrue(d.reason(), d.reason().contains(reasonPart));
    }
}
