package io.cvmkeys.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands ARM property loops before schema validation.
 *
 * <p>A property loop is a {@code copy} array inside {@code properties}, as Bicep compiles {@code [for ...]}:
 * {@code "copy": [{"name": "privateLinkServiceConnections", "count": 2, "input": {...}}]}. At deployment ARM turns
 * each entry into the array property {@code name} with {@code count} copies of {@code input}. The schemas describe
 * only the expanded form, so each entry is replaced by a one-element array holding {@code input}. Validation
 * paths into that array are mapped back to the {@code input} the user wrote.
 */
final class PropertyCopyLoops {

    private final Map<String, String> sourcePathByExpandedPath = new LinkedHashMap<>();

    /** Expands the loops under {@code properties} of {@code resource}, which is changed in place. */
    static PropertyCopyLoops expand(ObjectNode resource) {
        PropertyCopyLoops loops = new PropertyCopyLoops();
        JsonNode properties = resource.get("properties");
        if (properties instanceof ObjectNode) {
            loops.expandObject((ObjectNode) properties, "$.properties");
        }
        return loops;
    }

    /** Returns the path the user wrote for a path in the expanded resource; both are relative to the resource. */
    String sourcePath(String expandedPath) {
        for (Map.Entry<String, String> mapping : sourcePathByExpandedPath.entrySet()) {
            String expanded = mapping.getKey();
            if (expandedPath.equals(expanded)
                    || expandedPath.startsWith(expanded + ".")
                    || expandedPath.startsWith(expanded + "[")) {
                return mapping.getValue() + expandedPath.substring(expanded.length());
            }
        }
        return expandedPath;
    }

    private void expandObject(ObjectNode object, String path) {
        JsonNode copy = object.get("copy");
        if (isPropertyLoop(copy)) {
            object.remove("copy");
            for (int i = 0; i < copy.size(); i++) {
                JsonNode loop = copy.get(i);
                String name = loop.get("name").asText();
                object.putArray(name).add(loop.get("input").deepCopy());
                sourcePathByExpandedPath.put(path + "." + name + "[0]", path + ".copy[" + i + "].input");
            }
        }

        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            expandValue(object.get(name), path + "." + name);
        }
    }

    private void expandValue(JsonNode value, String path) {
        if (value instanceof ObjectNode) {
            expandObject((ObjectNode) value, path);
        } else if (value.isArray()) {
            Iterator<JsonNode> elements = value.elements();
            for (int i = 0; elements.hasNext(); i++) {
                expandValue(elements.next(), path + "[" + i + "]");
            }
        }
    }

    /** Returns true for an array of objects that each have a text {@code name} and an {@code input}. */
    private static boolean isPropertyLoop(JsonNode copy) {
        if (copy == null || !copy.isArray() || copy.isEmpty()) {
            return false;
        }
        for (JsonNode loop : copy) {
            if (!loop.isObject() || !loop.path("name").isTextual() || !loop.has("input")) {
                return false;
            }
        }
        return true;
    }
}
