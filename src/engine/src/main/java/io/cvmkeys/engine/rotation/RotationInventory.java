package io.cvmkeys.engine.rotation;

import java.util.List;

/**
 * Resources a rotation touches, as discovered before it starts.
 *
 * @param diskEncryptionSetId the set, as ARM returned its id
 * @param activeKeyUrl        the set's {@code activeKey.keyUrl}, a versioned key URL
 * @param previousKeys        key URLs of the set's {@code previousKeys}: disks not yet on the active key
 * @param disks               every disk on the set, OS and data disks, in any resource group
 * @param virtualMachines     the VMs of those disks with their power states
 * @param sessionHosts        the session hosts of those VMs
 */
public record RotationInventory(String diskEncryptionSetId, String activeKeyUrl, List<String> previousKeys,
                                List<AffectedDisk> disks, List<VirtualMachineState> virtualMachines,
                                List<SessionHostState> sessionHosts) {

    public RotationInventory {
        previousKeys = List.copyOf(previousKeys);
        disks = List.copyOf(disks);
        virtualMachines = List.copyOf(virtualMachines);
        sessionHosts = List.copyOf(sessionHosts);
    }

    /** Number of user sessions on all session hosts. */
    public int sessionCount() {
        return sessionHosts.stream().mapToInt(SessionHostState::sessions).sum();
    }
}
