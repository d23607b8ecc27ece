package io.dynofa.family.provider.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;

/** A value of the manifest's {@link JsonTree} plus its path, so that type errors say where they are. */
final class ManifestNode {
    private final String path;
    private final JsonElement value;

    private ManifestNode(String path, JsonElement value) {
        this.path = path;
        this.value = value;
    }

    static ManifestNode root(JsonElement value) {
        return new ManifestNode("", value);
    }

    /** Whether this is an object with a non-null member {@code name}. */
    boolean has(String name) {
        return value.isJsonObject() && value.getAsJsonObject().has(name)
            && !value.getAsJsonObject().get(name).isJsonNull();
    }

    JsonElement value() {
        return value;
    }

    boolean isString() {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    ManifestNode field(String name) throws FamilyException {
        String fieldPath = path.isEmpty() ? name : path + "." + name;
        if (!value.isJsonObject()) {
            throw invalid("must be an object");
        }
        if (!has(name)) {
            throw problem(fieldPath + " missing");
        }
        return new ManifestNode(fieldPath, value.getAsJsonObject().get(name));
    }

    List<ManifestNode> list() throws FamilyException {
        if (!value.isJsonArray()) {
            throw wrongType("an array");
        }
        JsonArray items = value.getAsJsonArray();
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
        if (!isString()) {
            throw wrongType("a string");
        }
        String text = value.getAsString();
        if (text.isBlank()) {
            throw invalid("must not be blank");
        }
        return text;
    }

    double number() throws FamilyException {
        if (!isNumber()) {
            throw wrongType("a number");
        }
        return value.getAsDouble();
    }

    long integer() throws FamilyException {
        double number = isNumber() ? value.getAsDouble() : Double.NaN;
        if (number != Math.rint(number) || Math.abs(number) > (1L << 53)) {
            throw wrongType("an integer");
        }
        return (long) number;
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

    private boolean isNumber() {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
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
        if (isString()) {
            return "string \"" + value.getAsString() + "\"";
        }
        if (isNumber()) {
            double number = value.getAsDouble();
            return "number " + (number == Math.rint(number) ? Long.toString((long) number) : number);
        }
        if (value instanceof JsonPrimitive bool) {
            return bool.toString();
        }
        return value.isJsonObject() ? "an object" : value.isJsonArray() ? "an array" : "null";
    }
}
