package io.cvmkeys.emulator.arm;

import java.util.Objects;

/**
 * Scope of one resource-group deployment: what {@code subscription()}, {@code resourceGroup()}, {@code tenant()} and
 * {@code deployment()} return. {@code location} is the resource group's location.
 */
public record DeploymentContext(
        String subscriptionId, String resourceGroup, String location, String tenantId, String deploymentName) {

    public DeploymentContext {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(deploymentName, "deploymentName");
    }

    /** Resource group id, {@code /subscriptions/{id}/resourceGroups/{name}}. */
    public String resourceGroupId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
    }
}
