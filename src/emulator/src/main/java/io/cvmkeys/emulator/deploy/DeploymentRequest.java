package io.cvmkeys.emulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A resource-group deployment as received: where it runs, the inline template and the parameter values
 * ({@code {"name": {"value": ...}}}, as in {@code properties.parameters}).
 */
public record DeploymentRequest(String subscriptionId, String resourceGroup, String location, String tenantId,
                                String deploymentName, JsonNode template, JsonNode parameters) {
}
