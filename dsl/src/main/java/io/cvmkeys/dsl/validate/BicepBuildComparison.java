package io.cvmkeys.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the ARM JSON that {@code bicep build} made from the emitted Bicep with the ARM JSON that cvmkeys
 * emitted directly. Both come from one model, so every difference is a bug in one of the two writers.
 *
 * <p>Resources are matched by type (in any letter case) and name, whether the template keeps them in an array or,
 * with symbolic names, in an object. Every resource field is compared except {@code dependsOn}, which Bicep
 * derives itself and writes with symbolic names in that layout, and {@code metadata._generator}, which names the
 * tool. Resources marked {@code existing} are references, not deployments, and are skipped. Parameters are
 * compared by name and type, outputs by name and value.
 */
public final class BicepBuildComparison {

    /** Rule id of every finding the comparison reports. */
    public static final String RULE_ID = "BICEP-CROSSCHECK";

    private static final String BICEP = "Bicep build";
    private static final String CVMKEYS = "cvmkeys ARM";

    private BicepBuildComparison() {
    }

    /**
     * Compares two templates.
     *
     * @param bicepBuilt the output of {@code bicep build}
     * @param emitted    the ARM JSON that cvmkeys emitted
     * @return one error per difference, or an empty list when the templates deploy the same resources
     */
    public static List<Finding> compare(JsonNode bicepBuilt, JsonNode emitted) {
        List<Finding> findings = new ArrayList<>();
        compareParameters(bicepBuilt.path("parameters"), emitted.path("parameters"), findings);
        compareResources(resourcesByKey(bicepBuilt.path("resources")), resourcesByKey(emitted.path("resources")), findings);
        compareOutputs(bicepBuilt.path("outputs"), emitted.path("outputs"), findings);
        return List.copyOf(findings);
    }

    private static void compareParameters(JsonNode built, JsonNode emitted, List<Finding> findings) {
        for (String name : union(built, emitted)) {
            String path = "$.parameters." + name;
            if (!emitted.has(name) || !built.has(name)) {
                findings.add(missing("", path, "parameter \"" + name + "\"", built.has(name)));
                continue;
            }
            // Bicep writes "securestring" for @secure() string parameters, ARM accepts any letter case.
            String builtType = built.get(name).path("type").asText().toLowerCase(Locale.ROOT);
            String emittedType = emitted.get(name).path("type").asText().toLowerCase(Locale.ROOT);
            if (!builtType.equals(emittedType)) {
                findings.add(difference("", path + ".type", built.get(name).path("type"), emitted.get(name).path("type")));
            }
        }
    }

    private static void compareOutputs(JsonNode built, JsonNode emitted, List<Finding> findings) {
        for (String name : union(built, emitted)) {
            String path = "$.outputs." + name;
            if (!emitted.has(name) || !built.has(name)) {
                findings.add(missing("", path, "output \"" + name + "\"", built.has(name)));
                continue;
            }
            compareValues("", path + ".value", built.get(name).path("value"), emitted.get(name).path("value"), findings);
        }
    }

    private static void compareResources(Map<String, JsonNode> built, Map<String, JsonNode> emitted,
                                         List<Finding> findings) {
        TreeSet<String> keys = new TreeSet<>(built.keySet());
        keys.addAll(emitted.keySet());
        for (String key : keys) {
            JsonNode builtResource = built.get(key);
            JsonNode emittedResource = emitted.get(key);
            JsonNode any = builtResource != null ? builtResource : emittedResource;
            String label = any.path("type").asText() + " '" + any.path("name").asText() + "'";
            if (builtResource == null || emittedResource == null) {
                findings.add(missing(label, "", "the resource", builtResource != null));
                continue;
            }
            compareValues(label, "$", comparable(builtResource), comparable(emittedResource), findings);
        }
    }

    private static void compareValues(String label, String path, JsonNode built, JsonNode emitted,
                                      List<Finding> findings) {
        if (built.isObject() && emitted.isObject()) {
            for (String field : union(built, emitted)) {
                String fieldPath = path + "." + field;
                if (!built.has(field) || !emitted.has(field)) {
                    findings.add(missing(label, fieldPath, "\"" + field + "\"", built.has(field)));
                } else {
                    compareValues(label, fieldPath, built.get(field), emitted.get(field), findings);
                }
            }
        } else if (built.isArray() && emitted.isArray() && built.size() == emitted.size()) {
            for (int i = 0; i < built.size(); i++) {
                compareValues(label, path + "[" + i + "]", built.get(i), emitted.get(i), findings);
            }
        } else if (!built.equals(emitted)) {
            findings.add(difference(label, path, built, emitted));
        }
    }

    /** Returns a copy without the fields that legitimately differ between the two writers. */
    private static JsonNode comparable(JsonNode resource) {
        ObjectNode copy = resource.deepCopy();
        copy.remove("dependsOn");
        removeGenerator(copy);
        if (copy.path("metadata").isObject() && copy.get("metadata").isEmpty()) {
            copy.remove("metadata");
        }
        return copy;
    }

    /** Removes {@code metadata._generator} at any depth, for example inside a nested deployment's template. */
    private static void removeGenerator(JsonNode node) {
        if (node.isObject()) {
            JsonNode metadata = node.get("metadata");
            if (metadata instanceof ObjectNode) {
                ((ObjectNode) metadata).remove("_generator");
            }
            node.forEach(BicepBuildComparison::removeGenerator);
        } else if (node instanceof ArrayNode) {
            node.forEach(BicepBuildComparison::removeGenerator);
        }
    }

    private static Map<String, JsonNode> resourcesByKey(JsonNode resources) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        Iterator<JsonNode> elements = resources.elements();
        while (elements.hasNext()) {
            JsonNode resource = elements.next();
            if (resource.path("existing").asBoolean(false)) {
                continue;
            }
            String key = resource.path("type").asText().toLowerCase(Locale.ROOT) + " " + resource.path("name").asText();
            byKey.put(key, resource);
        }
        return byKey;
    }

    private static TreeSet<String> union(JsonNode first, JsonNode second) {
        TreeSet<String> names = new TreeSet<>();
        first.fieldNames().forEachRemaining(names::add);
        second.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Finding missing(String label, String path, String subject, boolean onlyInBicep) {
        String message = subject + " is only in the " + (onlyInBicep ? BICEP : CVMKEYS) + " output, not in the "
                + (onlyInBicep ? CVMKEYS : BICEP) + " output";
        return new Finding(RULE_ID, Severity.ERROR, label, path, message,
                "Make the ARM JSON writer and the Bicep writer emit the same model.");
    }

    private static Finding difference(String label, String path, JsonNode built, JsonNode emitted) {
        return new Finding(RULE_ID, Severity.ERROR, label, path,
                BICEP + " has " + built + ", " + CVMKEYS + " has " + emitted,
                "Make the ARM JSON writer and the Bicep writer emit the same value.");
    }
}
