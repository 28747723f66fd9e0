package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the body ARM returns with 200 from {@code POST .../deployments/{name}/whatIf}:
 * {@code {"status": "Succeeded", "properties": {"changes": [...]}}}.
 *
 * <p>Each template resource is {@code Create} when it does not exist, {@code Modify} with its {@code delta} when a
 * property changes, and {@code NoChange} otherwise. The deltas carry the noise real ARM shows: read-only
 * properties that only the current state has come out as {@code NoEffect}, other properties only the current
 * state has come out as {@code Delete}, values the template can only know after the deployment stay as their
 * unevaluated {@code [reference(...)...]} text, and ids that differ only in case are {@code Modify}. Resources are
 * matched by id case-insensitively. Pass the same state the {@link EvaluatedDeployment} was evaluated against.
 */
public final class WhatIfCalculator {

    private WhatIfCalculator() {
    }

    /** Computes What-If for the template's resources only, as for an Incremental deployment. */
    public static ObjectNode compute(EvaluatedDeployment deployment, ResourceLookup current) {
        return compute(deployment, current, List.of(), DeploymentMode.INCREMENTAL);
    }

    /**
     * Computes What-If including the resource group's other resources: {@code Ignore} in Incremental mode and
     * {@code Delete} in Complete mode.
     *
     * @param resourceGroupResourceIds ids of every resource now in the resource group
     */
    public static ObjectNode compute(EvaluatedDeployment deployment, ResourceLookup current,
            Collection<String> resourceGroupResourceIds, DeploymentMode mode) {
        ArrayNode changes = ArmValues.NODES.arrayNode();
        Set<String> templateIds = new HashSet<>();

        for (EvaluatedResource resource : deployment.resources()) {
            templateIds.add(resource.id().toLowerCase(Locale.ROOT));
            changes.add(change(resource, current.get(resource.id())));
        }

        for (String resourceId : resourceGroupResourceIds) {
            if (templateIds.contains(resourceId.toLowerCase(Locale.ROOT))) {
                continue;
            }
            ObjectNode change = changes.addObject();
            change.put("resourceId", resourceId);
            change.put("changeType", mode == DeploymentMode.COMPLETE ? "Delete" : "Ignore");
            current.get(resourceId).ifPresent(before -> change.set("before", before.deepCopy()));
        }

        ObjectNode result = ArmValues.NODES.objectNode();
        result.put("status", "Succeeded");
        result.putObject("properties").set("changes", changes);
        return result;
    }

    /** Returns the predicted state ARM shows as {@code after}: identity fields followed by the PUT body. */
    static ObjectNode after(EvaluatedResource resource) {
        ObjectNode after = ArmValues.NODES.objectNode();
        after.put("id", resource.id());
        after.put("name", lastSegment(resource.name()));
        after.put("type", resource.type());
        after.put("apiVersion", resource.apiVersion());
        Iterator<Map.Entry<String, JsonNode>> fields = resource.body().properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            after.set(field.getKey(), field.getValue().deepCopy());
        }
        return after;
    }

    private static ObjectNode change(EvaluatedResource resource, Optional<ObjectNode> current) {
        ObjectNode change = ArmValues.NODES.objectNode();
        change.put("resourceId", resource.id());
        ObjectNode after = after(resource);

        if (current.isEmpty()) {
            change.put("changeType", "Create");
            change.set("after", after);
            return change;
        }

        ObjectNode before = current.get().deepCopy();
        if (!before.has("apiVersion")) {
            before.put("apiVersion", resource.apiVersion());
        }
        ArrayNode delta = WhatIfDelta.compute(resource.type(), before, after);
        boolean modifies = WhatIfDelta.hasChange(delta);
        change.put("changeType", modifies ? "Modify" : "NoChange");
        change.set("before", before);
        change.set("after", after);
        if (modifies) {
            change.set("delta", delta);
        }
        return change;
    }

    /** GET bodies name a child resource by its last segment ({@code key1}, not {@code kv1/key1}). */
    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
