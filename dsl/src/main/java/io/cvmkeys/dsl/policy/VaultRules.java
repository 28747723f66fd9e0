package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.ArrayList;
import java.util.List;

import static io.cvmkeys.dsl.policy.RuleSupport.check;
import static io.cvmkeys.dsl.policy.RuleSupport.isIntegerBetween;

/** Rules for {@code Microsoft.KeyVault/vaults} that hold Confidential VM disk encryption keys. */
public final class VaultRules implements PolicyRule {

    static final String TYPE = "Microsoft.KeyVault/vaults";

    public static final RuleDescriptor SKU_PREMIUM = new RuleDescriptor("CVMKEYS-KV-001", Severity.ERROR,
            "Key Vault SKU is premium");
    public static final RuleDescriptor RBAC_AUTHORIZATION = new RuleDescriptor("CVMKEYS-KV-002", Severity.ERROR,
            "Key Vault uses Azure RBAC authorization");
    public static final RuleDescriptor SOFT_DELETE = new RuleDescriptor("CVMKEYS-KV-003", Severity.ERROR,
            "Key Vault has soft delete on with a retention of 7 to 90 days");
    public static final RuleDescriptor PUBLIC_NETWORK_ACCESS = new RuleDescriptor("CVMKEYS-KV-004", Severity.ERROR,
            "Key Vault public network access is Disabled");
    public static final RuleDescriptor NETWORK_ACLS = new RuleDescriptor("CVMKEYS-KV-005", Severity.ERROR,
            "Key Vault network ACLs deny by default and let trusted Azure services bypass");
    public static final RuleDescriptor PURGE_PROTECTION = new RuleDescriptor("CVMKEYS-KV-006", Severity.ERROR,
            "Key Vault has purge protection on");
    public static final RuleDescriptor DISK_ENCRYPTION = new RuleDescriptor("CVMKEYS-KV-007", Severity.ERROR,
            "Key Vault is enabled for disk encryption");
    public static final RuleDescriptor SOFT_DELETE_RETENTION = new RuleDescriptor("CVMKEYS-KV-008", Severity.WARNING,
            "Key Vault keeps deleted keys for 90 days");

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(SKU_PREMIUM, RBAC_AUTHORIZATION, SOFT_DELETE, PUBLIC_NETWORK_ACCESS, NETWORK_ACLS,
                PURGE_PROTECTION, DISK_ENCRYPTION, SOFT_DELETE_RETENTION);
    }

    @Override
    public List<Finding> evaluate(PolicyContext context) {
        List<Finding> findings = new ArrayList<>();
        for (TemplateResource vault : context.resourcesOfType(TYPE)) {
            evaluate(vault, findings);
        }
        return findings;
    }

    private static void evaluate(TemplateResource vault, List<Finding> findings) {
        check(findings, SKU_PREMIUM, vault, "properties.sku.name", value -> value.textEqualsIgnoreCase("premium"),
                "RSA-HSM keys need the premium SKU, a standard vault cannot hold them.",
                "Set properties.sku.name to 'premium'.");

        check(findings, RBAC_AUTHORIZATION, vault, "properties.enableRbacAuthorization", ResolvedValue::isTrue,
                "the crypto service roles for the disk encryption set and the Confidential VM Orchestrator need Azure RBAC.",
                "Set properties.enableRbacAuthorization to true and grant access with role assignments instead of access policies.");

        // Soft delete defaults to on, and a missing retention defaults to 90 days.
        check(findings, SOFT_DELETE, vault, "properties.enableSoftDelete", value -> value.isMissing() || value.isTrue(),
                "without soft delete a deleted key, and every disk encrypted with it, is lost at once.",
                "Set properties.enableSoftDelete to true.");
        check(findings, SOFT_DELETE, vault, "properties.softDeleteRetentionInDays",
                value -> value.isMissing() || isIntegerBetween(value, 7, 90),
                "Key Vault accepts a retention of 7 to 90 days.",
                "Set properties.softDeleteRetentionInDays to 90 (it cannot be changed after the vault is created).");
        check(findings, SOFT_DELETE_RETENTION, vault, "properties.softDeleteRetentionInDays",
                value -> value.isMissing() || !isIntegerBetween(value, 7, 89),
                "a deleted key stays recoverable for fewer than the recommended 90 days.",
                "Set properties.softDeleteRetentionInDays to 90 (it cannot be changed after the vault is created).");

        check(findings, PUBLIC_NETWORK_ACCESS, vault, "properties.publicNetworkAccess",
                value -> value.textEqualsIgnoreCase("Disabled"),
                "the vault that holds disk encryption keys must be reachable only through its private endpoint.",
                "Set properties.publicNetworkAccess to 'Disabled' and add a private endpoint.");

        check(findings, NETWORK_ACLS, vault, "properties.networkAcls.defaultAction",
                value -> value.textEqualsIgnoreCase("Deny"),
                "traffic that no rule allows must be denied (a missing value means Allow).",
                "Set properties.networkAcls.defaultAction to 'Deny'.");
        check(findings, NETWORK_ACLS, vault, "properties.networkAcls.bypass",
                value -> value.asText() != null && value.asText().toLowerCase(java.util.Locale.ROOT).contains("azureservices"),
                "trusted Azure services (disk encryption) must be able to bypass the firewall.",
                "Set properties.networkAcls.bypass to 'AzureServices'.");

        check(findings, PURGE_PROTECTION, vault, "properties.enablePurgeProtection", ResolvedValue::isTrue,
                "without purge protection a deleted key can be purged and every disk encrypted with it becomes unreadable."
                        + " ARM also rejects false once purge protection is on, because it is irreversible.",
                "Set properties.enablePurgeProtection to true (never false); if the vault already has it, suppress this rule with that reason.");

        check(findings, DISK_ENCRYPTION, vault, "properties.enabledForDiskEncryption", ResolvedValue::isTrue,
                "disk encryption must be allowed to retrieve and unwrap keys from this vault.",
                "Set properties.enabledForDiskEncryption to true.");
    }
}
