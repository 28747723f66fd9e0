package io.cvmkeys.emulator.resources;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The behavior of each resource type the emulator treats specially. Every other type gets plain ARM semantics. */
public final class ResourceBehaviors {
    private static final ResourceBehavior PLAIN = new ResourceBehavior() { };

    private final Map<String, ResourceBehavior> byType = new HashMap<>();

    public ResourceBehaviors() {
        register("Microsoft.ManagedIdentity/userAssignedIdentities", new UserAssignedIdentityBehavior());
        register("Microsoft.KeyVault/vaults", new VaultBehavior());
        register("Microsoft.KeyVault/locations/deletedVaults", new DeletedVaultBehavior());
        register("Microsoft.KeyVault/deletedVaults", forType("Microsoft.KeyVault/locations/deletedVaults"));
        register("Microsoft.KeyVault/vaults/keys", new KeyBehavior());
        register("Microsoft.Authorization/roleAssignments", new RoleAssignmentBehavior());
        register("Microsoft.Compute/diskEncryptionSets", new DiskEncryptionSetBehavior());
        register("Microsoft.Compute/disks", new DiskBehavior());
        register("Microsoft.Compute/virtualMachines", new VirtualMachineBehavior());
        register("Microsoft.EventGrid/systemTopics", new SystemTopicBehavior());
        register("Microsoft.DesktopVirtualization/hostPools/sessionHosts", new SessionHostBehavior());
        register("Microsoft.DesktopVirtualization/hostPools/sessionHosts/userSessions", new UserSessionBehavior());
    }

    private void register(String type, ResourceBehavior behavior) {
        byType.put(type.toLowerCase(Locale.ROOT), behavior);
    }

    public ResourceBehavior forType(String type) {
        return byType.getOrDefault(type.toLowerCase(Locale.ROOT), PLAIN);
    }
}
