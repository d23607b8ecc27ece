package io.dynofa.family.provider.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A parsed JSON value plus its path in the manifest, so that type errors say where they are. */
final class ManifestNode {
    private final String path;
    private final Object value;

    private ManifestNode(String path, Object value) {
        this.path = path;
        this.value = value;
    }

    static ManifestNode root(Object value) {
        return new ManifestNode("", value);
    }

    boolean has(String name) {
        return value instanceof Map<?, ?> map && map.get(name) != null;
    }

    Object value() {
        return value;
    }

    ManifestNode field(String name) throws FamilyException {
        String fieldPath = path.isEmpty() ? name : path + "." + name;
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid("must be an object");
        }
        if (!map.containsKey(name) || map.get(name) == null) {
            throw problem(fieldPath + " missing");
        }
        return new ManifestNode(fieldPath, map.get(name));
    }

    List<ManifestNode> list() throws FamilyException {
        if (!(value instanceof List<?> items)) {
            throw wrongType("an array");
        }
        List<ManifestNode> nodes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            nodes.add(new ManifestNode(path + "[" + i + "]", items.get(i)));
        }
        return nodes;
    }

    List<ManifestNode> nonEmptyList() throws FamilyException {
        List<ManifestNode> nodes = list();
        if (nodes.isEmpty()) {
            throw invalid("must not be empty");
        }
        return nodes;
    }

    String string() throws FamilyException {
        if (!(value instanceof String text)) {
            throw wrongType("a string");
        }
        if (text.isBlank()) {
            throw invalid("must not be blank");
        }
        return text;
    }

    double number() throws FamilyException {
        if (!(value instanceof Double number)) {
            throw wrongType("a number");
        }
        return number;
    }

    long integer() throws FamilyException {
        if (!(value instanceof Double number) || number != Math.rint(number) || Math.abs(number) > (1L << 53)) {
            throw wrongType("an integer");
        }
        return number.longValue();
    }

    List<String> strings() throws FamilyException {
        List<String> strings = new ArrayList<>();
        for (ManifestNode node : nonEmptyList()) {
            strings.add(node.string());
        }
        return List.copyOf(strings);
    }

    long[] integers() throws FamilyException {
        List<ManifestNode> nodes = nonEmptyList();
        long[] result = new long[nodes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = nodes.get(i).integer();
        }
        return result;
    }

    double[] numbers() throws FamilyException {
        List<ManifestNode> nodes = nonEmptyList();
        double[] result = new double[nodes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = nodes.get(i).number();
        }
        return result;
    }

    /** A problem with this value: "manifest.json: PATH DETAIL". */
    FamilyException invalid(String detail) {
        return problem(describe() + " " + detail);
    }

    private FamilyException problem(String message) {
        return new FamilyException("manifest.json: " + message);
    }

    private FamilyException wrongType(String expected) {
        return invalid("must be " + expected + ", found " + found());
    }

    private String describe() {
        return path.isEmpty() ? "the document" : path;
    }

    private String found() {
        if (value instanceof String text) {
            return "string \"" + text + "\"";
        }
        if (value instanceof Double number) {
            return "number " + (number == Math.rint(number) ? Long.toString(number.longValue()) : number);
        }
        return value instanceof Map ? "an object" : value instanceof List ? "an array" : String.valueOf(value);
    }
}
