package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.ArrayList;
import java.util.List;

import static io.cvmkeys.dsl.policy.RuleSupport.check;
import static io.cvmkeys.dsl.policy.RuleSupport.violation;

/**
 * Rules for {@code Microsoft.Compute/virtualMachines} whose OS disk uses a disk encryption set, or that are declared
 * Confidential VMs: the session hosts that consume the key.
 */
public final class VirtualMachineRules implements PolicyRule {

    static final String TYPE = "Microsoft.Compute/virtualMachines";

    public static final RuleDescriptor SECURITY_TYPE = new RuleDescriptor("CVMKEYS-VM-001", Severity.ERROR,
            "VM with a disk encryption set is a Confidential VM");
    public static final RuleDescriptor GUEST_STATE_ENCRYPTION = new RuleDescriptor("CVMKEYS-VM-002", Severity.ERROR,
            "OS disk security encryption type is DiskWithVMGuestState");
    public static final RuleDescriptor DES_PLACEMENT = new RuleDescriptor("CVMKEYS-VM-003", Severity.ERROR,
            "OS disk references the disk encryption set under managedDisk.securityProfile");
    public static final RuleDescriptor TRUSTED_LAUNCH = new RuleDescriptor("CVMKEYS-VM-004", Severity.ERROR,
            "Confidential VM has secure boot and vTPM on");
    public static final RuleDescriptor NO_ENCRYPTION_AT_HOST = new RuleDescriptor("CVMKEYS-VM-005", Severity.ERROR,
            "Confidential VM does not use encryption at host");

    private static final String MANAGED_DISK = "properties.storageProfile.osDisk.managedDisk";
    private static final String SECURE_DES = MANAGED_DISK + ".securityProfile.diskEncryptionSet.id";
    private static final String PLAIN_DES = MANAGED_DISK + ".diskEncryptionSet";

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(SECURITY_TYPE, GUEST_STATE_ENCRYPTION, DES_PLACEMENT, TRUSTED_LAUNCH, NO_ENCRYPTION_AT_HOST);
    }

    @Override
    public List<Finding> evaluate(PolicyContext context) {
        List<Finding> findings = new ArrayList<>();
        for (TemplateResource vm : context.resourcesOfType(TYPE)) {
            boolean usesSet = !vm.value(SECURE_DES).isMissing() || !vm.value(PLAIN_DES).isMissing();
            boolean confidential = vm.value("properties.securityProfile.securityType").textEqualsIgnoreCase("ConfidentialVM");
            if (usesSet || confidential) {
                evaluate(vm, usesSet, findings);
            }
        }
        return findings;
    }

    private static void evaluate(TemplateResource vm, boolean usesSet, List<Finding> findings) {
        check(findings, SECURITY_TYPE, vm, "properties.securityProfile.securityType",
                value -> value.textEqualsIgnoreCase("ConfidentialVM"),
                "this pack's disk encryption sets are ConfidentialVmEncryptedWithCustomerKey, which only Confidential VMs can use.",
                "Set properties.securityProfile.securityType to 'ConfidentialVM' with a Confidential VM size.");

        check(findings, GUEST_STATE_ENCRYPTION, vm, MANAGED_DISK + ".securityProfile.securityEncryptionType",
                value -> value.textEqualsIgnoreCase("DiskWithVMGuestState"),
                "only DiskWithVMGuestState encrypts the OS disk itself with the customer-managed key.",
                "Set " + MANAGED_DISK + ".securityProfile.securityEncryptionType to 'DiskWithVMGuestState'.");

        if (usesSet && !vm.value(PLAIN_DES).isMissing()) {
            findings.add(violation(DES_PLACEMENT, vm, PLAIN_DES, PLAIN_DES + " is set; for a Confidential VM the disk"
                            + " encryption set belongs under managedDisk.securityProfile, otherwise the request is rejected"
                            + " or the disk silently uses a platform-managed key.",
                    "Move the id to " + SECURE_DES + " and remove " + PLAIN_DES + "."));
        } else if (vm.value(SECURE_DES).isMissing()) {
            findings.add(violation(DES_PLACEMENT, vm, SECURE_DES, SECURE_DES + " is missing; without it the OS disk"
                            + " is encrypted with a platform-managed key, not the customer-managed key.",
                    "Set " + SECURE_DES + " to the disk encryption set id."));
        }

        check(findings, TRUSTED_LAUNCH, vm, "properties.securityProfile.uefiSettings.secureBootEnabled", ResolvedValue::isTrue,
                "Confidential VMs need secure boot.", "Set properties.securityProfile.uefiSettings.secureBootEnabled to true.");
        check(findings, TRUSTED_LAUNCH, vm, "properties.securityProfile.uefiSettings.vTpmEnabled", ResolvedValue::isTrue,
                "Confidential VMs need a vTPM, which holds the disk key after release.",
                "Set properties.securityProfile.uefiSettings.vTpmEnabled to true.");

        check(findings, NO_ENCRYPTION_AT_HOST, vm, "properties.securityProfile.encryptionAtHost", value -> !value.isTrue(),
                "Confidential VMs do not support encryption at host.",
                "Remove properties.securityProfile.encryptionAtHost or set it to false.");
    }
}
