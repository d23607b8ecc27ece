package io.dynofa.headless.internal;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

public class OrderlyExitTest {
    private final List<String> events = new ArrayList<>();

    private Bundle bundle(long id, int state, boolean failsToStop) {
        return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getBundleId" -> id;
                case "getState" -> state;
                case "getSymbolicName" -> "b" + id;
                case "stop" -> {
                    events.add("stop b" + id + (args != null && (int) args[0] == Bundle.STOP_TRANSIENT ? " transient" : ""));
                    if (failsToStop) {
                        throw new BundleException("b" + id + " refuses");
                    }
                    yield null;
                }
                case "hashCode" -> (int) id;
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    private BundleContext context(Bundle self, Bundle... all) {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getBundle" -> self;
                case "getBundles" -> all.clone();
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    @Test
    public void stopsEveryActiveBundleNewestFirstThenExitsWithTheStatus() {
        Bundle self = bundle(3, Bundle.ACTIVE, false);
        BundleContext context = context(self, bundle(0, Bundle.ACTIVE, false), bundle(1, Bundle.ACTIVE, false),
            bundle(5, Bundle.ACTIVE, false), self, bundle(2, Bundle.RESOLVED, false), bundle(4, Bundle.STARTING, false));

        OrderlyExit.stopThenExit(context, 7, status -> events.add("exit " + status));

        assertEquals(List.of("stop b5 transient", "stop b4 transient", "stop b1 transient", "exit 7"), events);
    }

    @Test
    public void aBundleThatFailsToStopDoesNotKeepTheOthersRunningOrTheJvmAlive() {
        Bundle self = bundle(1, Bundle.ACTIVE, false);
        BundleContext context = context(self, bundle(0, Bundle.ACTIVE, false), self, bundle(2, Bundle.ACTIVE, false),
            bundle(3, Bundle.ACTIVE, true));

        OrderlyExit.stopThenExit(context, 0, status -> events.add("exit " + status));

        assertEquals(List.of("stop b3 transient", "stop b2 transient", "exit 0"), events);
    }
}
