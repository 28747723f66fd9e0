package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Binds a deployment's parameter values to the template's {@code parameters} section: applies defaults (which may
 * be expressions), then checks type, {@code allowedValues}, {@code minLength}/{@code maxLength} and
 * {@code minValue}/{@code maxValue}. Errors use ARM's {@code InvalidTemplate} code and name the parameter and rule.
 */
final class TemplateParameters {

    private final Map<String, String> declaredNames = new LinkedHashMap<>();
    private final Map<String, JsonNode> definitions = new LinkedHashMap<>();
    private final Map<String, JsonNode> supplied = new LinkedHashMap<>();
    private final Map<String, JsonNode> resolved = new LinkedHashMap<>();
    private final List<String> resolving = new ArrayList<>();

    TemplateParameters(JsonNode template, JsonNode parameterValues) {
        JsonNode declarations = template.path("parameters");
        Iterator<Map.Entry<String, JsonNode>> fields = declarations.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = key(field.getKey());
            declaredNames.put(key, field.getKey());
            definitions.put(key, field.getValue());
        }
        readSuppliedValues(parameterValues);
    }

    /** Returns the names of all declared parameters, in template order. */
    List<String> names() {
        return new ArrayList<>(declaredNames.values());
    }

    /**
     * Returns the validated value of a parameter. {@code defaults} evaluates an expression default; it may ask for
     * other parameters, and a cycle between defaults is reported.
     */
    JsonNode value(String name, Function<JsonNode, JsonNode> defaults) {
        String key = key(name);
        JsonNode cached = resolved.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode definition = definitions.get(key);
        if (definition == null) {
            throw ArmExpressionException.invalidTemplate("The template parameter '" + name + "' is not found."
                    + " Declared parameters: '" + String.join(", ", declaredNames.values()) + "'.");
        }
        String declaredName = declaredNames.get(key);
        if (resolving.contains(key)) {
            throw ArmExpressionException.invalidTemplate("The default value of the template parameter '"
                    + declaredName + "' depends on itself through other parameter defaults: "
                    + String.join(" -> ", resolving) + " -> " + key + ".");
        }

        JsonNode value = supplied.get(key);
        if (value == null) {
            JsonNode defaultValue = definition.get("defaultValue");
            if (defaultValue == null) {
                throw ArmExpressionException.invalidTemplate("The value for the template parameter '" + declaredName
                        + "' is not provided. Supply it in the deployment's parameters or give the parameter a"
                        + " defaultValue.");
            }
            resolving.add(key);
            try {
                value = defaults.apply(defaultValue);
            } finally {
                resolving.remove(key);
            }
        }

        validate(declaredName, definition, value);
        resolved.put(key, value);
        return value;
    }

    private void readSuppliedValues(JsonNode parameterValues) {
        if (parameterValues == null || parameterValues.isNull() || parameterValues.isMissingNode()) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = parameterValues.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = key(field.getKey());
            if (!definitions.containsKey(key)) {
                unknown.add(field.getKey());
                continue;
            }
            JsonNode value = field.getValue().get("value");
            if (value == null) {
                throw ArmExpressionException.invalidTemplate("The value for the template parameter '"
                        + field.getKey() + "' must be given as {\"value\": ...}; Key Vault references and other"
                        + " forms are not supported by the cvmkeys emulator.");
            }
            supplied.put(key, value);
        }
        if (!unknown.isEmpty()) {
            throw ArmExpressionException.invalidTemplate("The template parameters '" + String.join(", ", unknown)
                    + "' in the parameters file are not valid; they are not present in the original template and"
                    + " can therefore not be provided at deployment time. The only supported parameters for this"
                    + " template are '" + String.join(", ", declaredNames.values()) + "'.");
        }
    }

    private static void validate(String name, JsonNode definition, JsonNode value) {
        checkType(name, definition.path("type").asText(""), value);

        JsonNode allowedValues = definition.get("allowedValues");
        if (allowedValues != null && allowedValues.isArray()) {
            checkAllowed(name, allowedValues, value);
        }

        if (value.isTextual() || value.isArray()) {
            long length = value.isTextual() ? value.textValue().length() : value.size();
            JsonNode minLength = definition.get("minLength");
            if (minLength != null && length < minLength.asLong()) {
                throw invalidValue(name, "Length of the value should be greater than or equal to '"
                        + minLength.asLong() + "' but is '" + length + "'.");
            }
            JsonNode maxLength = definition.get("maxLength");
            if (maxLength != null && length > maxLength.asLong()) {
                throw invalidValue(name, "Length of the value should be less than or equal to '"
                        + maxLength.asLong() + "' but is '" + length + "'.");
            }
        }

        if (value.isIntegralNumber()) {
            JsonNode minValue = definition.get("minValue");
            if (minValue != null && value.longValue() < minValue.asLong()) {
                throw invalidValue(name, "Value should be greater than or equal to '" + minValue.asLong()
                        + "' but is '" + value.longValue() + "'.");
            }
            JsonNode maxValue = definition.get("maxValue");
            if (maxValue != null && value.longValue() > maxValue.asLong()) {
                throw invalidValue(name, "Value should be less than or equal to '" + maxValue.asLong()
                        + "' but is '" + value.longValue() + "'.");
            }
        }
    }

    private static void checkType(String name, String declaredType, JsonNode value) {
        String expected = switch (declaredType.toLowerCase(Locale.ROOT)) {
            case "string", "securestring" -> value.isTextual() ? null : "String";
            case "int" -> value.isIntegralNumber() ? null : "Integer";
            case "bool" -> value.isBoolean() ? null : "Boolean";
            case "object", "secureobject" -> value.isObject() ? null : "Object";
            case "array" -> value.isArray() ? null : "Array";
            default -> throw ArmExpressionException.invalidTemplate("The template parameter '" + name
                    + "' has type '" + declaredType + "', which is not valid. Use one of string, securestring,"
                    + " int, bool, object, secureObject or array.");
        };
        if (expected != null) {
            throw ArmExpressionException.invalidTemplate("Template parameter '" + name + "' was provided an invalid"
                    + " value. Expected a value of type '" + expected + "', but received a value of type '"
                    + ArmValues.typeName(value) + "'.");
        }
    }

    private static void checkAllowed(String name, JsonNode allowedValues, JsonNode value) {
        // For an array parameter every element must be one of the allowed values.
        List<JsonNode> candidates = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(candidates::add);
        } else {
            candidates.add(value);
        }

        for (JsonNode candidate : candidates) {
            boolean allowed = false;
            for (JsonNode allowedValue : allowedValues) {
                allowed |= ArmValues.jsonEquals(allowedValue, candidate);
            }
            if (!allowed) {
                List<String> allowedTexts = new ArrayList<>();
                allowedValues.forEach(allowedValue -> allowedTexts.add(ArmValues.toText(allowedValue)));
                throw invalidValue(name, "The value '" + ArmValues.toText(candidate) + "' is not part of the"
                        + " allowed value(s): '" + String.join(",", allowedTexts) + "'.");
            }
        }
    }

    private static ArmExpressionException invalidValue(String name, String rule) {
        return ArmExpressionException.invalidTemplate(
                "The provided value for the template parameter '" + name + "' is not valid. " + rule);
    }

    private static String key(String name) {
        // Parameter names are case-insensitive in ARM.
        return name.toLowerCase(Locale.ROOT);
    }
}
