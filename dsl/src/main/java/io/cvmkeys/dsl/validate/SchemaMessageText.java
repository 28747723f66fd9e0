package io.cvmkeys.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one reduced validator message into a short sentence that names the value, and a fix.
 *
 * <p>The validator's own text repeats the instance path and quotes the enum as JSON. The finding already carries
 * the path, so the sentence starts with the value, for example {@code "premuim" is not one of [standard, premium]}.
 */
final class SchemaMessageText {

    private static final int MAX_VALUE_LENGTH = 80;

    private SchemaMessageText() {
    }

    static String message(SchemaProblem message) {
        String value = describe(message.value());
        Object[] arguments = message.arguments() == null ? new Object[0] : message.arguments();
        switch (message.keyword()) {
            case "enum":
                return value + " is not one of [" + String.join(", ", allowedValues(message)) + "]";
            case "type":
                return value + " has type " + argument(arguments, 0) + ", expected " + argument(arguments, 1);
            case "required":
                return "required property \"" + message.property() + "\" is missing";
            case SchemaProblem.REQUIRED_ONE_OF:
                return "one of the properties [" + String.join(", ", allowedValues(message)) + "] is required";
            case "pattern":
                return value + " does not match the pattern " + argument(arguments, 0);
            case "additionalProperties":
                return "property \"" + message.property() + "\" is not allowed";
            default:
                return value + " is invalid: " + withoutLocation(message);
        }
    }

    static String fix(SchemaProblem message) {
        switch (message.keyword()) {
            case "enum":
                return "Use one of the allowed values, or an ARM expression that returns one.";
            case "type":
                return "Use a value of type " + argument(message.arguments(), 1) + ", or an ARM expression.";
            case "required":
                return "Add the property \"" + message.property() + "\".";
            case SchemaProblem.REQUIRED_ONE_OF:
                return "Add exactly one of these properties.";
            case "pattern":
                return "Change the value so that it matches the pattern, or use an ARM expression.";
            case "additionalProperties":
                return "Remove the property \"" + message.property() + "\" or correct its spelling.";
            default:
                return "Change the value as the ARM schema requires.";
        }
    }

    private static List<String> allowedValues(SchemaProblem message) {
        List<String> values = new ArrayList<>();
        JsonNode schemaNode = message.schemaValue();
        if (schemaNode != null && schemaNode.isArray()) {
            schemaNode.forEach(allowed -> values.add(allowed.isTextual() ? allowed.asText() : allowed.toString()));
        }
        return values;
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "the value";
        }
        String text = value.toString();
        if (value.isContainerNode()) {
            return value.isArray() ? "the array" : "the object";
        }
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) + "...\"" : text;
    }

    private static String argument(Object[] arguments, int index) {
        return arguments != null && arguments.length > index ? String.valueOf(arguments[index]) : "?";
    }

    /** Removes the {@code $.a.b: } prefix that the validator puts before every message. */
    private static String withoutLocation(SchemaProblem message) {
        String text = message.validatorMessage();
        String prefix = message.location() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }
}
