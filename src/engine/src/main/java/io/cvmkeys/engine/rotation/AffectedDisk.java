package io.cvmkeys.engine.rotation;

/**
 * A managed disk encrypted through the Disk Encryption Set.
 *
 * @param id        the disk's ARM id
 * @param vmId      the VM it is attached to ({@code managedBy}), or null when unattached
 * @param reference the property that names the set: {@code securityProfile.secureVMDiskEncryptionSetId} (Confidential
 *                  VM OS disk) or {@code encryption.diskEncryptionSetId} (data disk)
 */
public record AffectedDisk(String id, String vmId, String reference) {
}
