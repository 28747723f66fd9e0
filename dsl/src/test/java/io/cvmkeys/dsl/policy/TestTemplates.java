package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Loads the test templates and edits copies of them by JSON path. */
public final class TestTemplates {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TestTemplates() {
    }

    /** Returns a fresh copy of {@code /policy/<name>}. */
    public static ObjectNode load(String name) {
        try (InputStream in = TestTemplates.class.getResourceAsStream("/policy/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("Test resource /policy/" + name + " not found.");
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode good() {
        return load("good-cvm-cmk.json");
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the value at {@code path} (for example {@code resources[0].properties.sku.name}), creating objects on the way. */
    public static void set(JsonNode root, String path, Object value) {
        List<String> segments = JsonPaths.segments(path);
        JsonNode parent = parent(root, segments, true);
        String last = segments.get(segments.size() - 1);
        JsonNode node = MAPPER.valueToTree(value);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(index(last), node);
        } else {
            ((ObjectNode) parent).set(last, node);
        }
    }

    /** Removes the value at {@code path}. */
    public static void remove(JsonNode root, String path) {
        List<String> segments = JsonPaths.segments(path);
        JsonNode parent = parent(root, segments, false);
        String last = segments.get(segments.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).remove(index(last));
        } else {
            ((ObjectNode) parent).remove(last);
        }
    }

    /** Encodes a release policy (single quotes allowed) as base64url without padding, as Key Vault expects. */
    public static String releasePolicyData(String policyJson) {
        String json = json(policyJson).toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parent(JsonNode root, List<String> segments, boolean create) {
        JsonNode current = root;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            JsonNode next = JsonPaths.child(current, segment);
            if (next == null) {
                if (!create || segment.startsWith("[")) {
                    throw new IllegalArgumentException("No " + segment + " in " + current);
                }
                next = ((ObjectNode) current).putObject(segment);
            }
            current = next;
        }
        return current;
    }

    private static int index(String segment) {
        return Integer.parseInt(segment.substring(1, segment.length() - 1));
    }
}
