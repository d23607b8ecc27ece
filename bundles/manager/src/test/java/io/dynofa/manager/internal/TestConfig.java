package io.dynofa.manager.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** {@link ManagerConfig} instances for tests: the annotation's defaults, overridden by a map. */
final class TestConfig {

    private TestConfig() {
    }

    /**
     * The properties (as DS hands them over) of defaults suited to fast tests (no warm-up, 3 profile runs, 10 ms
     * decisions, no wait for a profile store) plus {@code overrides}.
     */
    static Map<String, Object> fast(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of("warmupRuns", 0, "profileRuns", 3, "decisionIntervalMs", 10,
            "profileWaitMs", 0));
        values.putAll(overrides);
        of(values);
        return values;
    }

    static ManagerConfig of(Map<String, Object> overrides) {
        Map<String, Object> values = Map.copyOf(overrides);
        for (String name : values.keySet()) {
            try {
                ManagerConfig.class.getMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("ManagerConfig has no attribute " + name, e);
            }
        }
        return (ManagerConfig) Proxy.newProxyInstance(ManagerConfig.class.getClassLoader(),
            new Class<?>[] {ManagerConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                case "annotationType" -> ManagerConfig.class;
                case "toString" -> "ManagerConfig" + values;
                case "hashCode" -> values.hashCode();
                case "equals" -> proxy == args[0];
                default -> values.containsKey(method.getName())
                    ? coerce(values.get(method.getName()), method.getReturnType()) : method.getDefaultValue();
            });
    }

    private static Object coerce(Object value, Class<?> type) {
        if (value instanceof Number n) {
            if (type == double.class) {
                return n.doubleValue();
            }
            if (type == long.class) {
                return n.longValue();
            }
            if (type == int.class) {
                return n.intValue();
            }
        }
        return value;
    }
}
