package io.dynofa.manager.internal;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** The tests' one way to wait: Awaitility, polling often (the fakes act within milliseconds), generous at most. */
final class Waits {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Waits() {
    }

    /** Waits, for at most {@link #TIMEOUT}, for what {@code what} describes (named when it times out). */
    static ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }
}
