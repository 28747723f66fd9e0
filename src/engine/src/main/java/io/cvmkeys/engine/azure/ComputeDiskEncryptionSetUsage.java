package io.cvmkeys.engine.azure;

import com.azure.core.util.Context;
import com.azure.resourcemanager.compute.fluent.models.DiskInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.compute.models.InstanceViewStatus;
import io.cvmkeys.engine.gates.DiskEncryptionSetUsage;
import io.cvmkeys.engine.gates.VirtualMachineUse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link DiskEncryptionSetUsage} with the compute SDK: the subscription's disks, matched on either DES id field,
 * and the VMs' power states from one subscription-wide list with {@code statusOnly=true}.
 */
final class ComputeDiskEncryptionSetUsage implements DiskEncryptionSetUsage {

    private final AzureClients clients;

    ComputeDiskEncryptionSetUsage(AzureClients clients) {
        this.clients = clients;
    }

    @Override
    public List<VirtualMachineUse> virtualMachinesUsing(String diskEncryptionSetId) {
        List<DiskInner> disks = new ArrayList<>();
        for (DiskInner disk : clients.computeManager().serviceClient().getDisks().list()) {
            if (usesDiskEncryptionSet(disk, diskEncryptionSetId) && disk.managedBy() != null) {
                disks.add(disk);
            }
        }
        if (disks.isEmpty()) {
            return List.of();
        }

        Map<String, String> powerStates = new HashMap<>();
        for (VirtualMachineInner vm : clients.computeManager().serviceClient().getVirtualMachines()
                .list("true", null, null, Context.NONE)) {
            powerStates.put(vm.id().toLowerCase(Locale.ROOT), powerState(vm));
        }

        List<VirtualMachineUse> uses = new ArrayList<>();
        for (DiskInner disk : disks) {
            String vmId = disk.managedBy();
            uses.add(new VirtualMachineUse(vmId, disk.id(), powerStates.getOrDefault(vmId.toLowerCase(Locale.ROOT), "")));
        }
        return uses;
    }

    static boolean usesDiskEncryptionSet(DiskInner disk, String diskEncryptionSetId) {
        String encryptionSet = disk.encryption() == null ? null : disk.encryption().diskEncryptionSetId();
        String secureVmSet = disk.securityProfile() == null ? null : disk.securityProfile().secureVMDiskEncryptionSetId();
        return diskEncryptionSetId.equalsIgnoreCase(encryptionSet) || diskEncryptionSetId.equalsIgnoreCase(secureVmSet);
    }

    private static String powerState(VirtualMachineInner vm) {
        if (vm.instanceView() == null || vm.instanceView().statuses() == null) {
            return "";
        }
        return vm.instanceView().statuses().stream()
                .map(InstanceViewStatus::code)
                .filter(code -> code != null && code.startsWith("PowerState/"))
                .findFirst()
                .orElse("");
    }
}
