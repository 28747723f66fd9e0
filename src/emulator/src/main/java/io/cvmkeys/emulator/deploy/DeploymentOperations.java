package io.cvmkeys.emulator.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.state.StoredResource;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The records of {@code GET .../deployments/{name}/operations}: one per resource the deployment wrote or tried. */
final class DeploymentOperations {
    private static final Map<Integer, String> STATUS_NAMES = Map.of(200, "OK", 201, "Created", 202, "Accepted",
        400, "BadRequest", 403, "Forbidden", 404, "NotFound", 409, "Conflict", 429, "TooManyRequests",
        500, "InternalServerError");

    private DeploymentOperations() {
    }

    /** Returns the operation record for one resource. {@code error} is {@code null} when the PUT succeeded. */
    static ObjectNode record(StoredResource deployment, PlannedResource resource, int status, ArmException error,
                             Instant now) {
        String operationId = UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
        ObjectNode operation = Json.object();
        operation.put("id", deployment.id() + "/operations/" + operationId);
        operation.put("operationId", operationId);
        ObjectNode properties = operation.putObject("properties");
        properties.put("provisioningOperation", "Create");
        properties.put("provisioningState", error == null ? "Succeeded" : "Failed");
        properties.put("timestamp", now.toString());
        properties.put("duration", "PT0S");
        properties.put("statusCode", STATUS_NAMES.getOrDefault(status, Integer.toString(status)));
        if (error != null) {
            properties.putObject("statusMessage").set("error", error.toErrorObject());
        }
        ObjectNode target = properties.putObject("targetResource");
        target.put("id", resource.id());
        target.put("resourceType", resource.type());
        target.put("resourceName", resource.name());
        return operation;
    }
}
