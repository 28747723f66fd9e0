package io.cvmkeys.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the values of a parameter file against the parameter declarations of its template, as ARM does
 * before a deployment: every value needs a declaration, every declaration without {@code defaultValue} needs a
 * value, and each value must fit the declared type, {@code allowedValues} and length or value limits.
 * Parameter names match in any letter case, as in ARM. Key Vault references are checked for presence only,
 * because their value is read at deployment.
 */
final class ParameterFileCheck {

    /** Rule id of the findings of this check. */
    static final String RULE_ID = "ARM-PARAMETERS";

    private ParameterFileCheck() {
    }

    static List<Finding> check(JsonNode parameterFile, JsonNode template) {
        Map<String, String> declaredNames = names(template.path("parameters"));
        Map<String, String> givenNames = names(parameterFile.path("parameters"));
        List<Finding> findings = new ArrayList<>();

        for (Map.Entry<String, String> given : givenNames.entrySet()) {
            String path = "$.parameters." + given.getValue();
            String declaredName = declaredNames.get(given.getKey());
            if (declaredName == null) {
                findings.add(error(path, "parameter \"" + given.getValue() + "\" is not declared in the template",
                        "Remove it from the parameter file, or correct its name to one of " + declaredNames.values() + "."));
                continue;
            }
            JsonNode declaration = template.path("parameters").path(declaredName);
            JsonNode value = parameterFile.path("parameters").path(given.getValue()).get("value");
            if (value != null) {
                checkValue(value, declaration, path + ".value", findings);
            }
        }

        for (Map.Entry<String, String> declared : declaredNames.entrySet()) {
            JsonNode declaration = template.path("parameters").path(declared.getValue());
            if (!givenNames.containsKey(declared.getKey()) && !declaration.has("defaultValue")) {
                findings.add(error("$.parameters",
                        "required parameter \"" + declared.getValue() + "\" has no value and no default value",
                        "Add a value for \"" + declared.getValue() + "\" to the parameter file."));
            }
        }
        return findings;
    }

    private static void checkValue(JsonNode value, JsonNode declaration, String path, List<Finding> findings) {
        String type = declaration.path("type").asText().toLowerCase(Locale.ROOT);
        if (!hasType(value, type)) {
            findings.add(error(path, value + " does not match the declared type " + declaration.path("type").asText(),
                    "Use a value of type " + declaration.path("type").asText() + "."));
            return;
        }

        JsonNode allowed = declaration.path("allowedValues");
        if (allowed.isArray() && !contains(allowed, value)) {
            findings.add(error(path, value + " is not one of the allowed values " + allowed,
                    "Use one of the allowed values."));
        }

        int length = value.isTextual() ? value.asText().length() : value.isArray() ? value.size() : -1;
        if (length >= 0 && declaration.path("minLength").isNumber() && length < declaration.get("minLength").asInt()) {
            findings.add(error(path, "length " + length + " is below minLength " + declaration.get("minLength"),
                    "Use a longer value."));
        }
        if (length >= 0 && declaration.path("maxLength").isNumber() && length > declaration.get("maxLength").asInt()) {
            findings.add(error(path, "length " + length + " is above maxLength " + declaration.get("maxLength"),
                    "Use a shorter value."));
        }
        if (value.isIntegralNumber() && declaration.path("minValue").isNumber()
                && value.asLong() < declaration.get("minValue").asLong()) {
            findings.add(error(path, value + " is below minValue " + declaration.get("minValue"), "Use a larger value."));
        }
        if (value.isIntegralNumber() && declaration.path("maxValue").isNumber()
                && value.asLong() > declaration.get("maxValue").asLong()) {
            findings.add(error(path, value + " is above maxValue " + declaration.get("maxValue"), "Use a smaller value."));
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        switch (type) {
            case "string":
            case "securestring":
                return value.isTextual();
            case "int":
                return value.isIntegralNumber();
            case "bool":
                return value.isBoolean();
            case "object":
            case "secureobject":
                return value.isObject();
            case "array":
                return value.isArray();
            default:
                // Unknown or user-defined types ($ref in languageVersion 2.0) are left to ARM.
                return true;
        }
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Maps lower-case names to the names as written, sorted for a stable report order. */
    private static Map<String, String> names(JsonNode parameters) {
        Map<String, String> names = new TreeMap<>();
        for (Iterator<String> it = parameters.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            names.put(name.toLowerCase(Locale.ROOT), name);
        }
        return names;
    }

    private static Finding error(String path, String message, String fix) {
        return new Finding(RULE_ID, Severity.ERROR, "", path, message, fix);
    }
}
