package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The template functions the emulator supports, except the lazily evaluated {@code if}, {@code and} and {@code or}
 * that {@link ExpressionEvaluator} handles itself. Function names match case-insensitively, as in ARM. Any other
 * function is rejected with an error rather than guessed.
 */
final class TemplateFunctions {

    static final Set<String> SUPPORTED = new TreeSet<>(List.of(
            "and", "base64", "bool", "concat", "contains", "copyIndex", "createArray", "createObject", "deployment",
            "empty", "equals", "extensionResourceId", "false", "first", "format", "guid", "if", "int", "json", "last",
            "length", "not", "null", "or", "parameters", "reference", "replace", "resourceGroup", "resourceId",
            "split", "string", "subscription", "subscriptionResourceId", "tenant", "tenantResourceId", "toLower",
            "toUpper", "true", "union", "uniqueString", "variables"));

    private TemplateFunctions() {
    }

    static JsonNode invoke(String name, FunctionArguments arguments, ExpressionEvaluator evaluator) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "parameters":
                return evaluator.bindings().parameter(arguments.requireCount(1, 1).string(0));
            case "variables":
                return evaluator.bindings().variable(arguments.requireCount(1, 1).string(0));
            case "copyindex":
                return copyIndex(arguments, evaluator);
            case "true":
                arguments.requireCount(0, 0);
                return ArmValues.NODES.booleanNode(true);
            case "false":
                arguments.requireCount(0, 0);
                return ArmValues.NODES.booleanNode(false);
            case "null":
                arguments.requireCount(0, 0);
                return ArmValues.NODES.nullNode();
            case "format":
                return TextNode.valueOf(CompositeFormat.format(arguments.requireCount(1, Integer.MAX_VALUE)));
            case "concat":
                return concat(arguments);
            case "string":
                return TextNode.valueOf(ArmValues.toText(arguments.requireCount(1, 1).get(0)));
            case "int":
                return toInteger(arguments.requireCount(1, 1));
            case "bool":
                return toBoolean(arguments.requireCount(1, 1));
            case "json":
                return parseJson(arguments.requireCount(1, 1));
            case "base64":
                return TextNode.valueOf(Base64.getEncoder().encodeToString(
                        arguments.requireCount(1, 1).string(0).getBytes(StandardCharsets.UTF_8)));
            case "tolower":
                return TextNode.valueOf(arguments.requireCount(1, 1).string(0).toLowerCase(Locale.ROOT));
            case "toupper":
                return TextNode.valueOf(arguments.requireCount(1, 1).string(0).toUpperCase(Locale.ROOT));
            case "replace":
                arguments.requireCount(3, 3);
                return TextNode.valueOf(arguments.string(0).replace(arguments.string(1), arguments.string(2)));
            case "split":
                return split(arguments.requireCount(2, 2));
            case "not":
                return ArmValues.NODES.booleanNode(!arguments.requireCount(1, 1).bool(0));
            case "equals":
                arguments.requireCount(2, 2);
                return ArmValues.NODES.booleanNode(ArmValues.jsonEquals(arguments.get(0), arguments.get(1)));
            case "empty":
                return ArmValues.NODES.booleanNode(isEmpty(arguments.requireCount(1, 1)));
            case "length":
                return ArmValues.integer(length(arguments.requireCount(1, 1)));
            case "first":
                return firstOrLast(arguments.requireCount(1, 1), true);
            case "last":
                return firstOrLast(arguments.requireCount(1, 1), false);
            case "contains":
                return ArmValues.NODES.booleanNode(contains(arguments.requireCount(2, 2)));
            case "createarray":
                return createArray(arguments);
            case "createobject":
                return createObject(arguments);
            case "union":
                return union(arguments.requireCount(1, Integer.MAX_VALUE));
            case "guid":
                return TextNode.valueOf(ArmGuid.guid(arguments.requireCount(1, Integer.MAX_VALUE).strings(0)));
            case "uniquestring":
                return TextNode.valueOf(UniqueString.of(arguments.requireCount(1, Integer.MAX_VALUE).strings(0)));
            default:
                return ResourceFunctions.invoke(name, arguments, evaluator);
        }
    }

    static ArmExpressionException unsupported(String name) {
        return ArmExpressionException.invalidTemplate("The template function '" + name
                + "' is not supported by the cvmkeys emulator. Supported functions: " + String.join(", ", SUPPORTED)
                + ".");
    }

    private static JsonNode copyIndex(FunctionArguments arguments, ExpressionEvaluator evaluator) {
        arguments.requireCount(0, 2);
        String loopName = null;
        long offset = 0;
        if (arguments.size() == 2) {
            loopName = arguments.string(0);
            offset = arguments.integer(1);
        } else if (arguments.size() == 1 && arguments.get(0).isTextual()) {
            loopName = arguments.string(0);
        } else if (arguments.size() == 1) {
            offset = arguments.integer(0);
        }
        return ArmValues.integer(evaluator.copyIndex(loopName) + offset);
    }

    private static JsonNode concat(FunctionArguments arguments) {
        arguments.requireCount(1, Integer.MAX_VALUE);
        if (arguments.get(0).isArray()) {
            ArrayNode result = ArmValues.NODES.arrayNode();
            for (int i = 0; i < arguments.size(); i++) {
                if (!arguments.get(i).isArray()) {
                    throw arguments.typeError(i, "Array", arguments.get(i));
                }
                result.addAll((ArrayNode) arguments.get(i).deepCopy());
            }
            return result;
        }

        StringBuilder result = new StringBuilder();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).isArray() || arguments.get(i).isObject()) {
                throw arguments.error("argument " + (i + 1) + " is of type '" + ArmValues.typeName(arguments.get(i))
                        + "', but concat joins either strings and integers or only arrays");
            }
            result.append(ArmValues.toText(arguments.get(i)));
        }
        return TextNode.valueOf(result.toString());
    }

    private static JsonNode toInteger(FunctionArguments arguments) {
        JsonNode value = arguments.get(0);
        if (value.isIntegralNumber()) {
            return value;
        }
        if (value.isTextual()) {
            try {
                return ArmValues.integer(Long.parseLong(value.textValue().trim()));
            } catch (NumberFormatException e) {
                throw arguments.error("the string '" + value.textValue() + "' is not an integer");
            }
        }
        throw arguments.typeError(0, "String' or 'Integer", value);
    }

    private static JsonNode toBoolean(FunctionArguments arguments) {
        JsonNode value = arguments.get(0);
        if (value.isBoolean()) {
            return value;
        }
        if (value.isIntegralNumber()) {
            return ArmValues.NODES.booleanNode(value.longValue() != 0);
        }
        if (value.isTextual() && (value.textValue().equalsIgnoreCase("true")
                || value.textValue().equalsIgnoreCase("false"))) {
            return ArmValues.NODES.booleanNode(value.textValue().equalsIgnoreCase("true"));
        }
        throw arguments.error("the value '" + ArmValues.toText(value) + "' can't be converted to a boolean."
                + " Use 'true', 'false', 0 or 1");
    }

    private static JsonNode parseJson(FunctionArguments arguments) {
        String text = arguments.string(0);
        try {
            return ArmValues.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw arguments.error("the string is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode split(FunctionArguments arguments) {
        String input = arguments.string(0);
        List<String> delimiters = new ArrayList<>();
        if (arguments.get(1).isArray()) {
            for (JsonNode delimiter : arguments.get(1)) {
                delimiters.add(ArmValues.toText(delimiter));
            }
        } else {
            delimiters.add(arguments.string(1));
        }

        ArrayNode parts = ArmValues.NODES.arrayNode();
        int start = 0;
        int i = 0;
        while (i <= input.length()) {
            String matched = matchDelimiter(input, i, delimiters);
            if (matched != null) {
                parts.add(input.substring(start, i));
                i += matched.length();
                start = i;
            } else {
                i++;
            }
        }
        parts.add(input.substring(start));
        return parts;
    }

    private static String matchDelimiter(String input, int position, List<String> delimiters) {
        for (String delimiter : delimiters) {
            if (!delimiter.isEmpty() && input.startsWith(delimiter, position)) {
                return delimiter;
            }
        }
        return null;
    }

    private static boolean isEmpty(FunctionArguments arguments) {
        JsonNode value = arguments.get(0);
        if (value.isNull()) {
            return true;
        }
        if (value.isTextual()) {
            return value.textValue().isEmpty();
        }
        if (value.isContainerNode()) {
            return value.isEmpty();
        }
        throw arguments.typeError(0, "String', 'Array' or 'Object", value);
    }

    private static long length(FunctionArguments arguments) {
        JsonNode value = arguments.get(0);
        if (value.isTextual()) {
            return value.textValue().length();
        }
        if (value.isContainerNode()) {
            return value.size();
        }
        throw arguments.typeError(0, "String', 'Array' or 'Object", value);
    }

    private static JsonNode firstOrLast(FunctionArguments arguments, boolean first) {
        JsonNode value = arguments.get(0);
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.isEmpty()) {
                return TextNode.valueOf("");
            }
            return TextNode.valueOf(String.valueOf(first ? text.charAt(0) : text.charAt(text.length() - 1)));
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return ArmValues.NODES.nullNode();
            }
            return first ? value.get(0) : value.get(value.size() - 1);
        }
        throw arguments.typeError(0, "String' or 'Array", value);
    }

    private static boolean contains(FunctionArguments arguments) {
        JsonNode container = arguments.get(0);
        JsonNode item = arguments.get(1);
        if (container.isTextual()) {
            // String containment is case-sensitive in ARM.
            return container.textValue().contains(ArmValues.toText(item));
        }
        if (container.isArray()) {
            for (JsonNode element : container) {
                if (ArmValues.jsonEquals(element, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container.isObject()) {
            // Property names are case-insensitive in ARM.
            return ArmValues.property(container, ArmValues.toText(item)) != null;
        }
        throw arguments.typeError(0, "String', 'Array' or 'Object", container);
    }

    private static JsonNode createArray(FunctionArguments arguments) {
        ArrayNode result = ArmValues.NODES.arrayNode();
        for (JsonNode value : arguments.all()) {
            result.add(value);
        }
        return result;
    }

    private static JsonNode createObject(FunctionArguments arguments) {
        if (arguments.size() % 2 != 0) {
            throw arguments.error("expects pairs of property name and value but was given "
                    + arguments.size() + " argument(s)");
        }
        ObjectNode result = ArmValues.NODES.objectNode();
        for (int i = 0; i < arguments.size(); i += 2) {
            result.set(arguments.string(i), arguments.get(i + 1));
        }
        return result;
    }

    private static JsonNode union(FunctionArguments arguments) {
        if (arguments.get(0).isArray()) {
            ArrayNode result = ArmValues.NODES.arrayNode();
            for (int i = 0; i < arguments.size(); i++) {
                if (!arguments.get(i).isArray()) {
                    throw arguments.typeError(i, "Array", arguments.get(i));
                }
                for (JsonNode element : arguments.get(i)) {
                    if (!containsEqual(result, element)) {
                        result.add(element);
                    }
                }
            }
            return result;
        }

        ObjectNode result = ArmValues.NODES.objectNode();
        for (int i = 0; i < arguments.size(); i++) {
            if (!arguments.get(i).isObject()) {
                throw arguments.typeError(i, "Object", arguments.get(i));
            }
            mergeObject(result, (ObjectNode) arguments.get(i));
        }
        return result;
    }

    private static boolean containsEqual(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (ArmValues.jsonEquals(element, value)) {
                return true;
            }
        }
        return false;
    }

    /** Merges nested objects recursively and lets later values win otherwise, as ARM's union() does for objects. */
    private static void mergeObject(ObjectNode target, ObjectNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                mergeObject((ObjectNode) existing, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
