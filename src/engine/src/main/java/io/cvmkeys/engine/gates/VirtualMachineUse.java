package io.cvmkeys.engine.gates;

import java.util.Locale;

/**
 * A virtual machine with a disk encrypted through a Disk Encryption Set, and its power state.
 *
 * @param powerState the {@code PowerState/...} status code, for example {@code PowerState/running}, or empty when
 *                   ARM reported none
 */
public record VirtualMachineUse(String virtualMachineId, String diskId, String powerState) {

    public VirtualMachineUse {
        powerState = powerState == null ? "" : powerState;
    }

    /** Returns whether the VM is deallocated, the only state in which its disks' key may change. */
    public boolean isDeallocated() {
        return powerState.toLowerCase(Locale.ROOT).equals("powerstate/deallocated");
    }
}
