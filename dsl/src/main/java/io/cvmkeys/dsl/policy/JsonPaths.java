package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the small JSON path dialect used by rules and assertions: {@code $.properties.keyOps[0]},
 * {@code properties.attributes.exportable} or {@code properties['release_policy'].data}.
 */
public final class JsonPaths {

    private JsonPaths() {
    }

    /**
     * Splits a path into segments. Array indexes become segments such as {@code [0]}; a leading {@code $} or
     * {@code $.} is ignored.
     *
     * @throws IllegalArgumentException when a bracket is not closed
     */
    public static List<String> segments(String path) {
        String rest = path.trim();
        if (rest.startsWith("$")) {
            rest = rest.substring(1);
        }
        List<String> segments = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '.') {
                flush(name, segments);
                i++;
            } else if (c == '[') {
                flush(name, segments);
                int close = rest.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("Invalid JSON path '" + path + "': '[' at " + i + " is not closed.");
                }
                String inside = rest.substring(i + 1, close).trim();
                if (inside.length() >= 2 && (inside.startsWith("'") || inside.startsWith("\""))) {
                    segments.add(inside.substring(1, inside.length() - 1));
                } else {
                    segments.add("[" + inside + "]");
                }
                i = close + 1;
            } else {
                name.append(c);
                i++;
            }
        }
        flush(name, segments);
        return segments;
    }

    /** Returns the child of {@code node} for one segment, or null when it does not exist. */
    public static JsonNode child(JsonNode node, String segment) {
        if (node == null) {
            return null;
        }
        if (isIndex(segment)) {
            return node.isArray() ? node.get(Integer.parseInt(segment.substring(1, segment.length() - 1))) : null;
        }
        return node.isObject() ? node.get(segment) : null;
    }

    /** Returns the node at {@code path} below {@code node} without resolving expressions, or null. */
    public static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String segment : segments(path)) {
            current = child(current, segment);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** Joins a base path and a segment: {@code properties} + {@code [0]} gives {@code properties[0]}. */
    public static String append(String base, String segment) {
        if (isIndex(segment)) {
            return base + segment;
        }
        String name = segment.matches("[A-Za-z_$][\\w$-]*") ? segment : "['" + segment + "']";
        if (base.isEmpty()) {
            return name;
        }
        return name.startsWith("[") ? base + name : base + "." + name;
    }

    /** Returns the path without a leading {@code $.}. */
    public static String normalize(String path) {
        String result = "";
        for (String segment : segments(path)) {
            result = append(result, segment);
        }
        return result;
    }

    static boolean isIndex(String segment) {
        return segment.length() >= 3 && segment.startsWith("[") && segment.endsWith("]")
                && segment.substring(1, segment.length() - 1).chars().allMatch(Character::isDigit);
    }

    private static void flush(StringBuilder name, List<String> segments) {
        if (!name.isEmpty()) {
            segments.add(name.toString().trim());
            name.setLength(0);
        }
    }
}
