package io.cvmkeys.engine.doctor;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every VM that uses the Disk Encryption Set, and every VM in the session hosts resource group: a Confidential VM
 * (secure boot and vTPM on) whose OS disk is encrypted with its guest state through the Disk Encryption Set.
 */
final class SessionHostChecks implements DoctorCheck {

    static final String DISK_WITH_GUEST_STATE = "DiskWithVMGuestState";

    @Override
    public List<Finding> check(DoctorContext context) {
        String setId = context.ids().diskEncryptionSet();
        List<JsonNode> disks = context.live().disksUsing(context.ids().subscriptionId(), setId);
        Map<String, JsonNode> machines = context.live().virtualMachines(context.ids().sessionHostsResourceGroup(), disks);

        List<Finding> findings = new ArrayList<>();
        for (JsonNode vm : machines.values()) {
            String vmId = vm.path("id").asText();
            String vmName = vm.path("name").asText();
            JsonNode properties = vm.path("properties");

            JsonNode security = properties.path("securityProfile");
            String securityType = security.path("securityType").asText("");
            boolean secureBoot = security.path("uefiSettings").path("secureBootEnabled").asBoolean(false);
            boolean vTpm = security.path("uefiSettings").path("vTpmEnabled").asBoolean(false);
            if (!"ConfidentialVM".equalsIgnoreCase(securityType) || !secureBoot || !vTpm) {
                findings.add(Finding.error("DOCTOR-HOST-001", vmId,
                        "VM '" + vmName + "' is not a Confidential VM with secure boot and vTPM: securityType '"
                                + securityType + "', secureBootEnabled " + secureBoot + ", vTpmEnabled " + vTpm + ".",
                        "Recreate the session host from a Confidential VM image definition (securityType ConfidentialVM,"
                                + " secure boot and vTPM on); the security type of an existing VM cannot change."));
            }

            JsonNode diskSecurity = properties.path("storageProfile").path("osDisk").path("managedDisk").path("securityProfile");
            String encryptionType = diskSecurity.path("securityEncryptionType").asText("");
            String diskSet = diskSecurity.path("diskEncryptionSet").path("id").asText("");
            if (!DISK_WITH_GUEST_STATE.equalsIgnoreCase(encryptionType) || !setId.equalsIgnoreCase(diskSet)) {
                findings.add(Finding.error("DOCTOR-HOST-002", vmId,
                        "The OS disk of VM '" + vmName + "' is not on Disk Encryption Set '"
                                + context.environment().diskEncryptionSet().name() + "' with guest state encryption:"
                                + " securityEncryptionType '" + encryptionType + "', securityProfile.diskEncryptionSet '"
                                + diskSet + "'.",
                        "Recreate the session host with storageProfile.osDisk.managedDisk.securityProfile"
                                + " {securityEncryptionType: " + DISK_WITH_GUEST_STATE + ", diskEncryptionSet: {id: "
                                + setId + "}}. The set belongs under securityProfile, not managedDisk.diskEncryptionSet."));
            }
        }
        return findings;
    }
}
