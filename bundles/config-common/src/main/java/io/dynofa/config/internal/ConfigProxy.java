package io.dynofa.config.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An instance of a configuration annotation holding given values, as Declarative Services would hand to a
 * component; immutable (arrays are copied on the way out), equal to any instance of the same annotation
 * type with the same values.
 */
final class ConfigProxy implements InvocationHandler {
    private final Class<? extends Annotation> type;
    private final Map<String, Object> values;

    private ConfigProxy(Class<? extends Annotation> type, Map<String, Object> values) {
        this.type = type;
        this.values = Map.copyOf(values);
    }

    /** An instance of {@code type} whose method {@code m} returns {@code values.get(m.getName())}. */
    static <A extends Annotation> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
            new ConfigProxy(type, values)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        String name = method.getName();
        if (args != null && args.length == 1 && name.equals("equals")) {
            return sameValues(args[0]);
        }
        if (args == null || args.length == 0) {
            switch (name) {
                case "annotationType":
                    return type;
                case "hashCode":
                    return hash();
                case "toString":
                    return text();
                default:
                    if (values.containsKey(name)) {
                        return copied(values.get(name));
                    }
            }
        }
        throw new UnsupportedOperationException(method.toString());
    }

    private boolean sameValues(Object other) {
        if (!type.isInstance(other)) {
            return false;
        }
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (!Objects.deepEquals(entry.getValue(), valueOf(other, entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private Object valueOf(Object other, String name) {
        try {
            return type.getMethod(name).invoke(other);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    /** As {@link Annotation#hashCode()} specifies. */
    private int hash() {
        int hash = 0;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            int valueHash = value.getClass().isArray() ? Arrays.hashCode(boxed(value)) : value.hashCode();
            hash += (127 * entry.getKey().hashCode()) ^ valueHash;
        }
        return hash;
    }

    private String text() {
        return "@" + type.getName() + values.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + (e.getValue().getClass().isArray()
                ? Arrays.toString(boxed(e.getValue())) : e.getValue()))
            .collect(Collectors.joining(", ", "(", ")"));
    }

    /** An array's elements, boxed: their hash and text are those of the primitive array. */
    private static Object[] boxed(Object array) {
        Object[] elements = new Object[Array.getLength(array)];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = Array.get(array, i);
        }
        return elements;
    }

    private static Object copied(Object value) {
        if (!value.getClass().isArray()) {
            return value;
        }
        int length = Array.getLength(value);
        Object copy = Array.newInstance(value.getClass().getComponentType(), length);
        System.arraycopy(value, 0, copy, 0, length);
        return copy;
    }
}
