package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Property deltas between a resource's current body and the body a template would PUT, in the shape of ARM's
 * What-If {@code delta} entries: object properties flatten into dotted paths ({@code tags.env}), arrays become one
 * {@code Array} entry whose {@code children} are the changed elements by index.
 *
 * <p>Properties that exist only in the current body come out as {@code Delete}, except read-only ones the
 * resource provider sets (such as {@code provisioningState} or {@code keyUri}), which come out as {@code NoEffect}.
 * ARM decides this with each provider's schema; the emulator uses the fixed lists {@link #READ_ONLY_PROPERTIES}
 * and {@link #READ_ONLY_PATHS}. An object only the current body has is compared leaf by leaf, so its read-only
 * leaves stay {@code NoEffect}.
 */
final class WhatIfDelta {

    /** Property names that only resource providers set, for the types cvmkeys deploys. */
    static final Set<String> READ_ONLY_PROPERTIES = Set.of(
            "provisioningState", "principalId", "clientId", "keyUri", "keyUriWithVersion", "vaultUri",
            "hsmPoolResourceId", "privateEndpointConnections", "created", "updated", "recoveryLevel",
            "createdOn", "updatedOn", "etag", "systemData", "lastKeyRotationTimestamp", "previousKeys",
            "autoKeyRotationError", "metricResourceId", "topicType", "customDnsConfigs", "networkInterfaces");

    /** Read-only paths whose property name is writable on other resource types, by lower-case resource type. */
    static final Map<String, Set<String>> READ_ONLY_PATHS = Map.of(
            "microsoft.managedidentity/userassignedidentities", Set.of("properties.tenantId"));

    /** Top-level fields that identify the resource rather than describe it, so What-If does not compare them. */
    private static final Set<String> IDENTITY_FIELDS = Set.of("id", "name", "type", "apiVersion");

    private final Set<String> readOnlyPaths;

    private WhatIfDelta(Set<String> readOnlyPaths) {
        this.readOnlyPaths = readOnlyPaths;
    }

    /** Returns the deltas from {@code before} to {@code after}; an empty array means no difference at all. */
    static ArrayNode compute(String resourceType, ObjectNode before, ObjectNode after) {
        ArrayNode deltas = ArmValues.NODES.arrayNode();
        Set<String> readOnlyPaths = READ_ONLY_PATHS.getOrDefault(resourceType.toLowerCase(Locale.ROOT), Set.of());
        new WhatIfDelta(readOnlyPaths).compareObjects("", before, after, deltas, true);
        return deltas;
    }

    /** Returns whether any delta is a real change, that is anything but {@code NoEffect}. */
    static boolean hasChange(ArrayNode deltas) {
        for (JsonNode delta : deltas) {
            if (!"NoEffect".equals(delta.path("propertyChangeType").asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean isReadOnly(String name, String path) {
        return READ_ONLY_PROPERTIES.contains(name) || path.equals("identity.tenantId") || readOnlyPaths.contains(path);
    }

    private void compareObjects(String path, JsonNode before, JsonNode after, ArrayNode deltas, boolean top) {
        Set<String> names = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(names::add);
        before.fieldNames().forEachRemaining(names::add);

        for (String name : names) {
            if (top && IDENTITY_FIELDS.contains(name)) {
                continue;
            }
            String childPath = path.isEmpty() ? name : path + "." + name;
            JsonNode beforeValue = before.get(name);
            JsonNode afterValue = after.get(name);
            if (beforeValue == null) {
                deltas.add(delta(childPath, "Create", null, afterValue));
            } else if (afterValue == null && beforeValue.isObject() && !beforeValue.isEmpty()
                    && !isReadOnly(name, childPath)) {
                compareObjects(childPath, beforeValue, ArmValues.NODES.objectNode(), deltas, false);
            } else if (afterValue == null) {
                deltas.add(delta(childPath, isReadOnly(name, childPath) ? "NoEffect" : "Delete", beforeValue, null));
            } else {
                compareValues(childPath, beforeValue, afterValue, deltas);
            }
        }
    }

    private void compareValues(String path, JsonNode before, JsonNode after, ArrayNode deltas) {
        if (ArmValues.jsonEquals(before, after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            compareObjects(path, before, after, deltas, false);
        } else if (before.isArray() && after.isArray()) {
            ObjectNode arrayDelta = delta(path, "Array", null, null);
            arrayDelta.set("children", compareArrays(before, after));
            deltas.add(arrayDelta);
        } else {
            deltas.add(delta(path, "Modify", before, after));
        }
    }

    private ArrayNode compareArrays(JsonNode before, JsonNode after) {
        ArrayNode children = ArmValues.NODES.arrayNode();
        int length = Math.max(before.size(), after.size());
        for (int i = 0; i < length; i++) {
            String index = String.valueOf(i);
            JsonNode beforeElement = before.get(i);
            JsonNode afterElement = after.get(i);
            if (beforeElement == null) {
                children.add(delta(index, "Create", null, afterElement));
            } else if (afterElement == null) {
                children.add(delta(index, "Delete", beforeElement, null));
            } else if (ArmValues.jsonEquals(beforeElement, afterElement)) {
                continue;
            } else if (beforeElement.isContainerNode() && afterElement.isContainerNode()
                    && beforeElement.getNodeType() == afterElement.getNodeType()) {
                // A changed object or array element lists its own changes, with paths relative to the element.
                ArrayNode nested = ArmValues.NODES.arrayNode();
                if (beforeElement.isObject()) {
                    compareObjects("", beforeElement, afterElement, nested, false);
                } else {
                    nested = compareArrays(beforeElement, afterElement);
                }
                ObjectNode elementDelta = delta(index, beforeElement.isObject() ? "Modify" : "Array", null, null);
                elementDelta.set("children", nested);
                children.add(elementDelta);
            } else {
                children.add(delta(index, "Modify", beforeElement, afterElement));
            }
        }
        return children;
    }

    private static ObjectNode delta(String path, String changeType, JsonNode before, JsonNode after) {
        ObjectNode delta = ArmValues.NODES.objectNode();
        delta.put("path", path);
        delta.put("propertyChangeType", changeType);
        if (before != null) {
            delta.set("before", before.deepCopy());
        }
        if (after != null) {
            delta.set("after", after.deepCopy());
        }
        return delta;
    }
}
