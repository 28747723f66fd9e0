package io.cvmkeys.engine.rotation;

import io.cvmkeys.modules.env.Environment;

import java.util.Objects;

/**
 * Resources one rotation works on, as ARM resource ids.
 *
 * @param environment         environment name, used in the journal's file name
 * @param diskEncryptionSetId the Disk Encryption Set whose key is rotated
 * @param keyId               the key's ARM id, {@code .../providers/Microsoft.KeyVault/vaults/{v}/keys/{k}}
 * @param hostPoolId          the AVD host pool whose session hosts are drained, or null when the VMs are no session hosts
 */
public record RotationTarget(String environment, String diskEncryptionSetId, String keyId, String hostPoolId) {

    public RotationTarget {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(diskEncryptionSetId, "diskEncryptionSetId");
        Objects.requireNonNull(keyId, "keyId");
    }

    /** Builds the ids from an environment file's names and resource groups in {@code subscriptionId}. */
    public static RotationTarget of(Environment environment, String subscriptionId) {
        String subscription = "/subscriptions/" + subscriptionId;
        String des = subscription + "/resourceGroups/" + environment.resourceGroups().diskEncryptionSet()
                + "/providers/Microsoft.Compute/diskEncryptionSets/" + environment.diskEncryptionSet().name();
        String key = subscription + "/resourceGroups/" + environment.resourceGroups().keyVault()
                + "/providers/Microsoft.KeyVault/vaults/" + environment.keyVault().name() + "/keys/" + environment.key().name();
        String hostPool = environment.hostPool() == null || environment.resourceGroups().hostPool() == null ? null
                : subscription + "/resourceGroups/" + environment.resourceGroups().hostPool()
                        + "/providers/Microsoft.DesktopVirtualization/hostPools/" + environment.hostPool().name();
        return new RotationTarget(environment.name(), des, key, hostPool);
    }
}
