package io.dynofa.config.internal;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One attribute of a configuration annotation: its property name, type, default and rules
 * ({@link Range}, {@link NotBlank}, {@link FilePath}; every text at most {@value #MAX_TEXT} characters).
 */
final class Attribute {
    static final int MAX_TEXT = 4096;

    private final Method method;
    private final String key;
    private final Class<?> type;
    private final Range range;
    private final boolean notBlank;
    private final boolean filePath;

    Attribute(Method method) {
        this.method = method;
        this.key = PropertyNames.of(method);
        this.type = method.getReturnType();
        this.range = method.getAnnotation(Range.class);
        this.filePath = method.isAnnotationPresent(FilePath.class);
        this.notBlank = filePath || method.isAnnotationPresent(NotBlank.class);
        Class<?> element = type.isArray() ? type.getComponentType() : type;
        if (!(element == String.class || element == boolean.class || element.isEnum() || isWhole(element)
            || element == double.class || element == float.class)) {
            throw new IllegalArgumentException(method + ": attributes of type " + type.getSimpleName()
                + " are not supported");
        }
        if (method.getDefaultValue() == null) {
            throw new IllegalArgumentException(method + " has no default: every attribute needs one");
        }
    }

    String name() {
        return method.getName();
    }

    String key() {
        return key;
    }

    Object defaultValue() {
        return method.getDefaultValue();
    }

    /** This attribute's value in {@code config}. */
    Object valueIn(Object config) {
        try {
            return method.invoke(config);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + method + " of " + config, e);
        }
    }

    /** {@code raw} converted to this attribute's type, its rules met. */
    Object read(Object raw) throws Rejected {
        if (!type.isArray()) {
            return scalar(type, single(raw));
        }
        List<Object> elements = elements(raw);
        Object array = Array.newInstance(type.getComponentType(), elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Array.set(array, i, scalar(type.getComponentType(), elements.get(i)));
        }
        return array;
    }

    private Object scalar(Class<?> target, Object raw) throws Rejected {
        if (raw == null) {
            throw new Rejected("no value");
        }
        if (target == String.class) {
            return checkedText(Conversion.text(raw));
        }
        if (target == boolean.class) {
            return Conversion.bool(raw);
        }
        if (target.isEnum()) {
            return Conversion.constant(target.asSubclass(Enum.class), raw);
        }
        if (target == double.class || target == float.class) {
            double value = Conversion.real(raw);
            checkRange(value);
            if (target == float.class) {
                if (Math.abs(value) > Float.MAX_VALUE) {
                    throw new Rejected("too large");
                }
                return (float) value;
            }
            return value;
        }
        long value = Conversion.whole(raw);
        checkRange(value);
        return narrowed(target, value);
    }

    private String checkedText(String text) throws Rejected {
        if (text.length() > MAX_TEXT) {
            throw new Rejected("longer than " + MAX_TEXT + " characters");
        }
        if (notBlank && text.isBlank()) {
            throw new Rejected("must not be blank");
        }
        if (filePath) {
            try {
                Path.of(text);
            } catch (InvalidPathException e) {
                throw new Rejected("not a file path: " + e.getReason());
            }
        }
        return text;
    }

    private void checkRange(double value) throws Rejected {
        if (range == null) {
            return;
        }
        boolean low = range.aboveMin() ? value <= range.min() : value < range.min();
        boolean high = range.belowMax() ? value >= range.max() : value > range.max();
        if (low || high) {
            throw new Rejected("must be " + describe(range));
        }
    }

    /** The rule in words, e.g. "from 1 to 3600000", "above 0, at most 1", "at least 0". */
    static String describe(Range range) {
        boolean lower = range.min() != Double.NEGATIVE_INFINITY;
        boolean upper = range.max() != Double.POSITIVE_INFINITY;
        String min = Texts.number(range.min());
        String max = Texts.number(range.max());
        if (lower && upper && !range.aboveMin() && !range.belowMax()) {
            return "from " + min + " to " + max;
        }
        String from = lower ? (range.aboveMin() ? "above " : "at least ") + min : "";
        String to = upper ? (range.belowMax() ? "below " : "at most ") + max : "";
        return lower && upper ? from + ", " + to : from + to;
    }

    private static Object narrowed(Class<?> target, long value) throws Rejected {
        long min;
        long max;
        if (target == long.class) {
            return value;
        } else if (target == int.class) {
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        } else if (target == short.class) {
            min = Short.MIN_VALUE;
            max = Short.MAX_VALUE;
        } else {
            min = Byte.MIN_VALUE;
            max = Byte.MAX_VALUE;
        }
        if (value < min || value > max) {
            throw new Rejected("must be from " + min + " to " + max);
        }
        if (target == int.class) {
            return (int) value;
        }
        if (target == short.class) {
            return (short) value;
        }
        return (byte) value;
    }

    private static boolean isWhole(Class<?> type) {
        return type == int.class || type == long.class || type == short.class || type == byte.class;
    }

    private static Object single(Object raw) throws Rejected {
        if (!(raw instanceof Collection<?> || (raw != null && raw.getClass().isArray()))) {
            return raw;
        }
        List<Object> values = elements(raw);
        if (values.size() != 1) {
            throw new Rejected(values.isEmpty() ? "no value" : values.size() + " values where one is expected");
        }
        return values.get(0);
    }

    private static List<Object> elements(Object raw) {
        Stream<?> values;
        if (raw instanceof Collection<?> collection) {
            values = collection.stream();
        } else if (raw != null && raw.getClass().isArray()) {
            values = IntStream.range(0, Array.getLength(raw)).mapToObj(i -> Array.get(raw, i));
        } else {
            values = Stream.ofNullable(raw);
        }
        return values.map(value -> value == null ? (Object) "" : value).toList();
    }
}
