package io.cvmkeys.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What-If's prediction for one resource, with its property deltas split into real changes and noise.
 *
 * @param resourceId        full resource id as ARM reports it
 * @param changeType        the change type ARM reports
 * @param before            the resource now, or null when it does not exist
 * @param after             the resource after the deployment, or null when it is deleted
 * @param changes           property deltas that are real changes
 * @param noise             property deltas that are not, each with its reason
 * @param unsupportedReason ARM's reason for {@code Unsupported}, or empty
 */
public record ResourceChange(String resourceId, ChangeType changeType, JsonNode before, JsonNode after,
                             List<PropertyChange> changes, List<Noise> noise, String unsupportedReason) {

    public ResourceChange {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(changeType, "changeType");
        changes = List.copyOf(changes);
        noise = List.copyOf(noise);
        unsupportedReason = unsupportedReason == null ? "" : unsupportedReason;
    }

    /**
     * Returns the change type that counts: {@code NoChange} for a {@code Modify} whose deltas are all noise, else
     * ARM's change type.
     */
    public ChangeType effectiveChangeType() {
        return changeType == ChangeType.MODIFY && changes.isEmpty() ? ChangeType.NO_CHANGE : changeType;
    }

    /** Returns whether deploying would write this resource: create, delete, deploy, or modify with a real delta. */
    public boolean isRealChange() {
        return switch (effectiveChangeType()) {
            case CREATE, DELETE, MODIFY, DEPLOY -> true;
            case NO_CHANGE, IGNORE, UNSUPPORTED -> false;
        };
    }

    /** Returns the resource type from the id, for example {@code Microsoft.KeyVault/vaults/keys}. */
    public String resourceType() {
        return ResourceIds.type(resourceId);
    }

    /** Returns whether the resource has type {@code type}, compared case-insensitively as ARM does. */
    public boolean isType(String type) {
        return resourceType().toLowerCase(Locale.ROOT).equals(type.toLowerCase(Locale.ROOT));
    }

    /** Returns the value at a dotted path of {@code after}, else of {@code before}, else a missing node. */
    public JsonNode property(String dottedPath) {
        JsonNode value = at(after, dottedPath);
        return value.isMissingNode() ? at(before, dottedPath) : value;
    }

    private static JsonNode at(JsonNode root, String dottedPath) {
        if (root == null) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return root.at("/" + dottedPath.replace('.', '/'));
    }
}
