package io.cvmkeys.engine.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.engine.azure.ArmRest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only ARM lookups for the doctor's checks. Every call is a GET. Resources read with {@link #get} are cached for
 * the run, because several check families look at the key and the Disk Encryption Set.
 */
final class LiveResources {

    static final String KEY_VAULT_API = "2023-07-01";
    static final String COMPUTE_API = "2024-07-01";
    static final String DISK_API = "2024-03-02";
    static final String AUTHORIZATION_API = "2022-04-01";
    // MonitorAlert destinations need 2023-12-15-preview or later.
    static final String EVENT_GRID_API = "2023-12-15-preview";
    static final String MONITOR_API = "2023-01-01";
    static final String IDENTITY_API = "2023-01-31";

    private final ArmRest rest;
    private final Map<String, Optional<JsonNode>> cache = new HashMap<>();

    LiveResources(ArmRest rest) {
        this.rest = rest;
    }

    /** GETs a resource by id with {@code apiVersion}; empty when ARM returns 404. */
    Optional<JsonNode> get(String resourceId, String apiVersion) {
        String path = resourceId + "?api-version=" + apiVersion;
        return cache.computeIfAbsent(path.toLowerCase(Locale.ROOT), ignored -> rest.get(path));
    }

    /** GETs one version of a key from its versioned key URL, for example the Disk Encryption Set's active key. */
    Optional<JsonNode> keyVersion(String keyId, String version) {
        return get(keyId + "/versions/" + version, KEY_VAULT_API);
    }

    /**
     * Lists the role assignments of {@code principalId} visible at the vault, which include those on the vault's
     * keys and those inherited from the resource group and subscription.
     */
    List<JsonNode> roleAssignments(String vaultId, String principalId) {
        return rest.list(vaultId + "/providers/Microsoft.Authorization/roleAssignments?api-version=" + AUTHORIZATION_API
                + "&$filter=" + encode("principalId eq '" + principalId + "'"));
    }

    /** Lists the subscription's managed disks whose encryption names {@code diskEncryptionSetId}, in either field. */
    List<JsonNode> disksUsing(String subscriptionId, String diskEncryptionSetId) {
        List<JsonNode> disks = new ArrayList<>();
        for (JsonNode disk : rest.list("/subscriptions/" + subscriptionId
                + "/providers/Microsoft.Compute/disks?api-version=" + DISK_API)) {
            JsonNode properties = disk.path("properties");
            String encryptionSet = properties.path("encryption").path("diskEncryptionSetId").asText("");
            String secureVmSet = properties.path("securityProfile").path("secureVMDiskEncryptionSetId").asText("");
            if (diskEncryptionSetId.equalsIgnoreCase(encryptionSet) || diskEncryptionSetId.equalsIgnoreCase(secureVmSet)) {
                disks.add(disk);
            }
        }
        return disks;
    }

    /**
     * Returns the VMs to check, by lower-case id: those in the session hosts resource group and those that own a
     * disk on the Disk Encryption Set, wherever they are.
     */
    Map<String, JsonNode> virtualMachines(String sessionHostsResourceGroupId, List<JsonNode> disksOnSet) {
        Map<String, JsonNode> machines = new LinkedHashMap<>();
        Optional<JsonNode> group = rest.get(sessionHostsResourceGroupId + "?api-version=2021-04-01");
        if (group.isPresent()) {
            for (JsonNode vm : rest.list(sessionHostsResourceGroupId
                    + "/providers/Microsoft.Compute/virtualMachines?api-version=" + COMPUTE_API)) {
                machines.put(vm.path("id").asText().toLowerCase(Locale.ROOT), vm);
            }
        }
        for (JsonNode disk : disksOnSet) {
            String owner = disk.path("managedBy").asText("");
            if (!owner.isEmpty() && !machines.containsKey(owner.toLowerCase(Locale.ROOT))) {
                get(owner, COMPUTE_API).ifPresent(vm -> machines.put(owner.toLowerCase(Locale.ROOT), vm));
            }
        }
        return machines;
    }

    private static String encode(String filter) {
        return java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
