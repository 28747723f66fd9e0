package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.Map;

/** Conversions and comparisons of template values (Jackson nodes) with ARM's rules. */
final class ArmValues {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ArmValues() {
    }

    /**
     * Returns an integer node, as an {@code IntNode} when the value fits, so results compare equal with
     * {@code equals()} to integers Jackson parsed from template JSON.
     */
    static JsonNode integer(long value) {
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            return NODES.numberNode((int) value);
        }
        return NODES.numberNode(value);
    }

    /**
     * Converts a value to text the way {@code string()}, {@code concat()} and {@code format()} do: strings as they
     * are, booleans as .NET prints them ({@code True}), objects and arrays as compact JSON, null as empty text.
     */
    static String toText(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        return value.toString();
    }

    /** Returns the ARM type name of a value as ARM prints it in errors, such as {@code String} or {@code Integer}. */
    static String typeName(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "Null";
        }
        if (value.isTextual()) {
            return "String";
        }
        if (value.isIntegralNumber()) {
            return "Integer";
        }
        if (value.isNumber()) {
            return "Float";
        }
        if (value.isBoolean()) {
            return "Boolean";
        }
        if (value.isArray()) {
            return "Array";
        }
        return "Object";
    }

    /**
     * Compares two values structurally. Numbers compare by value (Jackson's {@code IntNode} and {@code LongNode}
     * are not equal otherwise), strings and property names compare case-sensitively.
     */
    static boolean jsonEquals(JsonNode left, JsonNode right) {
        if (left == null || left.isMissingNode()) {
            return right == null || right.isMissingNode();
        }
        if (right == null || right.isMissingNode()) {
            return false;
        }
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue()) == 0;
        }
        if (left.getNodeType() != right.getNodeType()) {
            return false;
        }
        if (left.isArray()) {
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!jsonEquals(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left.isObject()) {
            if (left.size() != right.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = left.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!right.has(field.getKey()) || !jsonEquals(field.getValue(), right.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return left.equals(right);
    }

    /** Returns a property by name, preferring an exact match and falling back to a case-insensitive one, as ARM. */
    static JsonNode property(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return object.get(candidate);
            }
        }
        return null;
    }
}
