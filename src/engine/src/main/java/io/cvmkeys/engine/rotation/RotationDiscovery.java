package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds what a rotation touches. Disks are matched on either property that can name the set, with ids compared
 * case-insensitively because ARM returns ids in varying case. The disk list covers the whole subscription, so VMs
 * outside the hosts' resource group and VMs with only a data disk on the set are found too.
 */
final class RotationDiscovery {

    private final RotationArm arm;
    private final PowerStateReader powerStates;

    RotationDiscovery(RotationArm arm, PowerStateReader powerStates) {
        this.arm = arm;
        this.powerStates = powerStates;
    }

    RotationInventory discover(RotationTarget target) {
        JsonNode set = arm.get(target.diskEncryptionSetId(), RotationArm.DISKS_API)
                .orElseThrow(() -> new RotationInputException("Disk Encryption Set '" + target.diskEncryptionSetId()
                        + "' not found. Check the diskEncryptionSet name and resource group in the environment file."));
        String activeKeyUrl = set.path("properties").path("activeKey").path("keyUrl").asText(null);
        if (activeKeyUrl == null) {
            throw new RotationInputException("Disk Encryption Set '" + target.diskEncryptionSetId() + "' has no"
                    + " activeKey.keyUrl, so there is no key to rotate. Deploy the set with a versioned key URL first.");
        }

        List<AffectedDisk> disks = disksUsing(target.diskEncryptionSetId());
        Map<String, String> states = powerStates.read();
        Map<String, List<String>> disksByVm = new LinkedHashMap<>();
        for (AffectedDisk disk : disks) {
            if (disk.vmId() != null) {
                disksByVm.computeIfAbsent(disk.vmId(), id -> new ArrayList<>()).add(disk.id());
            }
        }
        List<VirtualMachineState> vms = new ArrayList<>();
        disksByVm.forEach((vmId, diskIds) -> vms.add(new VirtualMachineState(vmId,
                states.getOrDefault(lower(vmId), PowerState.UNKNOWN), diskIds)));

        return new RotationInventory(set.path("id").asText(target.diskEncryptionSetId()), activeKeyUrl,
                previousKeys(set), disks, vms, sessionHosts(target, disksByVm.keySet().stream().map(RotationDiscovery::lower).toList()));
    }

    private List<AffectedDisk> disksUsing(String diskEncryptionSetId) {
        List<AffectedDisk> disks = new ArrayList<>();
        String path = "/subscriptions/" + arm.subscriptionId() + "/providers/Microsoft.Compute/disks";
        for (JsonNode disk : arm.list(path, RotationArm.DISKS_API)) {
            JsonNode properties = disk.path("properties");
            String reference = null;
            if (diskEncryptionSetId.equalsIgnoreCase(properties.path("securityProfile").path("secureVMDiskEncryptionSetId").asText(null))) {
                reference = "securityProfile.secureVMDiskEncryptionSetId";
            } else if (diskEncryptionSetId.equalsIgnoreCase(properties.path("encryption").path("diskEncryptionSetId").asText(null))) {
                reference = "encryption.diskEncryptionSetId";
            }
            if (reference != null) {
                disks.add(new AffectedDisk(disk.path("id").asText(), disk.path("managedBy").asText(null), reference));
            }
        }
        return disks;
    }

    /** Reads the session hosts of the host pool and keeps those whose {@code resourceId} is one of the VMs. */
    List<SessionHostState> sessionHosts(RotationTarget target, List<String> lowerCaseVmIds) {
        if (target.hostPoolId() == null) {
            return List.of();
        }
        List<SessionHostState> hosts = new ArrayList<>();
        for (JsonNode host : arm.list(target.hostPoolId() + "/sessionHosts", RotationArm.DESKTOP_API)) {
            JsonNode properties = host.path("properties");
            String vmId = properties.path("resourceId").asText("");
            if (lowerCaseVmIds.contains(lower(vmId))) {
                hosts.add(new SessionHostState(host.path("id").asText(), vmId,
                        properties.path("allowNewSession").asBoolean(true), properties.path("sessions").asInt(0)));
            }
        }
        return hosts;
    }

    static List<String> previousKeys(JsonNode set) {
        List<String> keys = new ArrayList<>();
        set.path("properties").path("previousKeys").forEach(key -> keys.add(key.path("keyUrl").asText()));
        return keys;
    }

    static String lower(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
