package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The template's {@code variables} section, evaluated on first use so variables may refer to each other in any
 * order. A {@code copy} array in the section defines array variables by loop, as in ARM.
 */
final class TemplateVariables {

    private final Map<String, String> declaredNames = new LinkedHashMap<>();
    private final Map<String, JsonNode> definitions = new LinkedHashMap<>();
    private final Map<String, JsonNode> copyLoops = new LinkedHashMap<>();
    private final Map<String, JsonNode> resolved = new LinkedHashMap<>();
    private final List<String> resolving = new ArrayList<>();

    TemplateVariables(JsonNode template) {
        Iterator<Map.Entry<String, JsonNode>> fields = template.path("variables").properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("copy") && PropertyCopy.isPropertyCopy(field.getValue())) {
                for (JsonNode loop : field.getValue()) {
                    String name = loop.get("name").asText();
                    declaredNames.put(key(name), name);
                    copyLoops.put(key(name), loop);
                }
                continue;
            }
            declaredNames.put(key(field.getKey()), field.getKey());
            definitions.put(key(field.getKey()), field.getValue());
        }
    }

    JsonNode value(String name, ExpressionEvaluator evaluator) {
        String key = key(name);
        JsonNode cached = resolved.get(key);
        if (cached != null) {
            return cached;
        }
        if (!declaredNames.containsKey(key)) {
            throw ArmExpressionException.invalidTemplate("The template variable '" + name + "' is not found."
                    + " Declared variables: '" + String.join(", ", declaredNames.values()) + "'.");
        }
        if (resolving.contains(key)) {
            throw ArmExpressionException.invalidTemplate("The template variable '" + declaredNames.get(key)
                    + "' depends on itself: " + String.join(" -> ", resolving) + " -> " + key + ".");
        }

        resolving.add(key);
        try {
            JsonNode value = copyLoops.containsKey(key)
                    ? PropertyCopy.evaluateLoop(declaredNames.get(key), copyLoops.get(key), evaluator)
                    : evaluator.evaluateValue(definitions.get(key));
            resolved.put(key, value);
            return value;
        } finally {
            resolving.remove(key);
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
