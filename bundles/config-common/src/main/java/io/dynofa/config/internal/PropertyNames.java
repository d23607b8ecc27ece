package io.dynofa.config.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The property name of a configuration annotation method, by the Declarative Services rules (OSGi
 * Compendium 112.8.2.2): {@code $_$} becomes {@code -}, {@code $$} becomes {@code $}, any other single
 * {@code $} is dropped, {@code __} becomes {@code _}, a single {@code _} becomes {@code .}, and the value
 * of a {@code PREFIX_} constant of the annotation goes in front. (Single-element annotations, whose
 * {@code value()} is named after the type, are not supported.)
 */
final class PropertyNames {

    private PropertyNames() {
    }

    static String of(Method method) {
        return prefix(method.getDeclaringClass()) + mapped(method.getName());
    }

    static String mapped(String methodName) {
        StringBuilder name = new StringBuilder(methodName.length());
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            if (c == '$') {
                if (methodName.startsWith("_$", i + 1)) {
                    name.append('-');
                    i += 2;
                } else if (methodName.startsWith("$", i + 1)) {
                    name.append('$');
                    i++;
                }
            } else if (c == '_') {
                if (methodName.startsWith("_", i + 1)) {
                    name.append('_');
                    i++;
                } else {
                    name.append('.');
                }
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static String prefix(Class<?> type) {
        try {
            Field field = type.getField("PREFIX_");
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                return (String) field.get(null);
            }
            return "";
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return "";
        }
    }
}
