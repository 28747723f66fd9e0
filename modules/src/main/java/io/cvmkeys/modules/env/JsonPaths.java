package io.cvmkeys.modules.env;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Navigation by the simple JSON paths the validator reports: {@code $.a.b[0].c}. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** Returns the node at {@code path} in {@code document}, or null when there is none. */
    static JsonNode at(JsonNode document, String path) {
        JsonNode node = document;
        for (String segment : segments(path)) {
            if (node == null) {
                return null;
            }
            node = isIndex(segment) ? node.get(Integer.parseInt(segment)) : node.get(segment);
        }
        return node;
    }

    /** Returns the schema of the property at {@code path}, following {@code properties}, {@code items} and local refs. */
    static JsonNode schemaAt(JsonNode schema, String path) {
        JsonNode node = schema;
        for (String segment : segments(path)) {
            node = resolve(schema, node);
            if (node == null) {
                return null;
            }
            node = isIndex(segment) ? node.get("items") : node.path("properties").get(segment);
        }
        return node != null && !node.has("description") ? resolve(schema, node) : node;
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        if (node != null && node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
            JsonNode target = root.at(node.get("$ref").asText().substring(1));
            return target.isMissingNode() ? null : target;
        }
        return node;
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        String rest = path.startsWith("$") ? path.substring(1) : path;
        StringBuilder current = new StringBuilder();
        for (char c : rest.toCharArray()) {
            if (c == '.' || c == '[' || c == ']') {
                if (current.length() > 0) {
                    segments.add(current.toString());
                    current.setLength(0);
                }
            } else if (c != '\'') {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            segments.add(current.toString());
        }
        return segments;
    }
}
