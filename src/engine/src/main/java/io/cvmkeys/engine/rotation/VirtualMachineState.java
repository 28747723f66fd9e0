package io.cvmkeys.engine.rotation;

import java.util.List;

/**
 * A VM with at least one disk on the Disk Encryption Set.
 *
 * @param id         the VM's ARM id
 * @param powerState power state without the {@code PowerState/} prefix
 * @param diskIds    its disks on the set
 */
public record VirtualMachineState(String id, String powerState, List<String> diskIds) {

    public VirtualMachineState {
        diskIds = List.copyOf(diskIds);
    }
}
