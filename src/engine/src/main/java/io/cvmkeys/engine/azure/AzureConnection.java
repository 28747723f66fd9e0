package io.cvmkeys.engine.azure;

import io.cvmkeys.engine.gates.DiskEncryptionSetUsage;
import io.cvmkeys.engine.gates.PreflightLookups;

/** Everything the engine reads and writes in one subscription. */
public record AzureConnection(String subscriptionId, ArmDeploymentClient deployments, PreflightLookups lookups,
                              DiskEncryptionSetUsage diskEncryptionSetUsage) {

    /** Signs in and returns the SDK-backed connection for a target. */
    public static AzureConnection connect(AzureTarget target) {
        AzureClients clients = AzureClients.connect(target);
        return new AzureConnection(clients.subscriptionId(), new SdkDeploymentClient(clients),
                new RestPreflightLookups(clients.rest(), clients.subscriptionId()),
                new ComputeDiskEncryptionSetUsage(clients));
    }
}
