package io.dynofa.launcher.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

/** Proxies of the framework's interfaces, answering only what the launcher support asks. */
final class Fakes {
    final List<BundleListener> listeners = new ArrayList<>();
    final List<Object> registered = new ArrayList<>();
    Bundle[] bundles = new Bundle[0];
    int stopEvent = FrameworkEvent.STOPPED;

    static Bundle bundle(long id, String name, int state) {
        return proxy(Bundle.class, method -> switch (method) {
            case "getBundleId" -> id;
            case "getSymbolicName" -> name;
            case "getState" -> state;
            default -> null;
        });
    }

    Framework framework() {
        Framework[] self = new Framework[1];
        self[0] = proxy(Framework.class, method -> switch (method) {
            case "waitForStop" -> new FrameworkEvent(stopEvent, self[0], null);
            case "getBundleContext" -> context();
            case "getBundleId" -> 0L;
            default -> null;
        });
        return self[0];
    }

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
            new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getBundle" -> framework();
                case "getBundles" -> bundles.clone();
                case "addBundleListener" -> listeners.add((BundleListener) args[0]);
                case "registerService" -> {
                    registered.add(args[1]);
                    registered.add(args[2].toString());
                    yield null;
                }
                default -> null;
            });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Function<String, Object> answers) {
        return (T) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {type},
            (proxy, method, args) -> method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                : method.getName().equals("equals") ? proxy == args[0] : answers.apply(method.getName()));
    }
}
