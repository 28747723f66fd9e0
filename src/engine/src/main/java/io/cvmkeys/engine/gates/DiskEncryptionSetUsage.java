package io.cvmkeys.engine.gates;

import java.util.List;

/** Finds the virtual machines whose disks are encrypted through a Disk Encryption Set. */
@FunctionalInterface
public interface DiskEncryptionSetUsage {

    /**
     * Returns one entry per disk whose {@code encryption.diskEncryptionSetId} or
     * {@code securityProfile.secureVMDiskEncryptionSetId} is {@code diskEncryptionSetId}, compared case-insensitively,
     * and that a VM is attached to.
     */
    List<VirtualMachineUse> virtualMachinesUsing(String diskEncryptionSetId);
}
