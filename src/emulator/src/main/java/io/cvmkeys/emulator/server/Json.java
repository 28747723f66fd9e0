package io.cvmkeys.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** The shared Jackson mapper and the few JSON operations ARM semantics need. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Returns the object at {@code field}, creating it when it is missing or not an object. */
    public static ObjectNode child(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(field);
    }

    /** Returns the text at a dotted path such as {@code properties.source}, or {@code null}. */
    public static String text(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String field : dottedPath.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(field);
        }
        return current != null && current.isValueNode() && !current.isNull() ? current.asText() : null;
    }

    /**
     * Merges {@code patch} into {@code target} as a JSON merge patch (RFC 7396), the semantics ARM PATCH uses:
     * objects merge, {@code null} removes, anything else replaces.
     */
    public static void mergePatch(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(field.getKey());
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && existing instanceof ObjectNode existingObject) {
                mergePatch(existingObject, value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    /**
     * Compares two JSON values the way a service compares request parameters: numbers by value (so 3072 equals
     * 3072.0), object fields in any order, arrays in order, {@code null} fields the same as missing ones.
     */
    public static boolean semanticallyEqual(JsonNode left, JsonNode right) {
        boolean leftMissing = left == null || left.isNull() || left.isMissingNode();
        boolean rightMissing = right == null || right.isNull() || right.isMissingNode();
        if (leftMissing || rightMissing) {
            return leftMissing && rightMissing;
        }
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue()) == 0;
        }
        if (left.isObject() && right.isObject()) {
            return objectFieldsEqual(left, right) && objectFieldsEqual(right, left);
        }
        if (left.isArray() && right.isArray()) {
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!semanticallyEqual(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return left.equals(right);
    }

    private static boolean objectFieldsEqual(JsonNode left, JsonNode right) {
        Iterator<String> names = left.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!semanticallyEqual(left.get(name), right.get(name))) {
                return false;
            }
        }
        return true;
    }

    /** Applies {@code casing} to every string in {@code node} that is a resource id. */
    public static JsonNode mapIds(JsonNode node, java.util.function.UnaryOperator<String> casing) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    field.setValue(MAPPER.getNodeFactory().textNode(casing.apply(field.getValue().asText())));
                } else {
                    mapIds(field.getValue(), casing);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, MAPPER.getNodeFactory().textNode(casing.apply(array.get(i).asText())));
                } else {
                    mapIds(array.get(i), casing);
                }
            }
        }
        return node;
    }
}
