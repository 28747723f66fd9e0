package io.cvmkeys.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.engine.azure.ArmOperationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads ARM's What-If result body, {@code {"status": ..., "error": ..., "properties": {"changes": [...]}}}, into
 * {@link ResourceChange}s whose deltas are split into real changes and noise.
 */
public final class WhatIfResults {

    private WhatIfResults() {
    }

    /**
     * Parses a What-If result body.
     *
     * @param operation what ran, for the error message, for example {@code What-If of stage 'vault'}
     * @throws ArmOperationException when the body has an {@code error} or its status is {@code Failed}, even with
     *                               HTTP status 200
     */
    public static List<ResourceChange> parse(String operation, JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isObject() && !error.isEmpty()) {
            throw new ArmOperationException(operation, error.path("code").asText("Unknown"),
                    error.path("message").asText("(no message)"));
        }
        if ("Failed".equalsIgnoreCase(body.path("status").asText())) {
            throw new ArmOperationException(operation, "Failed", "the What-If operation ended with status Failed and no error details");
        }

        List<ResourceChange> changes = new ArrayList<>();
        for (JsonNode change : body.path("properties").path("changes")) {
            changes.add(parseChange(change));
        }
        return changes;
    }

    private static ResourceChange parseChange(JsonNode change) {
        String resourceId = change.path("resourceId").asText();
        String type = ResourceIds.type(resourceId);
        List<PropertyChange> real = new ArrayList<>();
        List<Noise> noise = new ArrayList<>();
        for (JsonNode delta : change.path("delta")) {
            PropertyChange property = parseDelta(delta);
            Optional<NoiseReason> reason = NoiseClassifier.classify(type, property);
            if (reason.isPresent()) {
                noise.add(new Noise(property, reason.get()));
            } else {
                real.add(property);
            }
        }
        return new ResourceChange(resourceId, ChangeType.fromArm(change.path("changeType").asText()),
                nullIfMissing(change.get("before")), nullIfMissing(change.get("after")), real, noise,
                change.path("unsupportedReason").asText(""));
    }

    private static PropertyChange parseDelta(JsonNode delta) {
        List<PropertyChange> children = new ArrayList<>();
        for (JsonNode child : delta.path("children")) {
            children.add(parseDelta(child));
        }
        return new PropertyChange(delta.path("path").asText(),
                PropertyChangeType.fromArm(delta.path("propertyChangeType").asText()),
                nullIfMissing(delta.get("before")), nullIfMissing(delta.get("after")), children);
    }

    private static JsonNode nullIfMissing(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }
}
