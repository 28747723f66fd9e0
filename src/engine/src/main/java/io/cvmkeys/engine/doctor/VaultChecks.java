package io.cvmkeys.engine.doctor;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The vault's protection: it exists, keeps deleted keys recoverable, uses Azure RBAC and is reached privately. */
final class VaultChecks implements DoctorCheck {

    @Override
    public List<Finding> check(DoctorContext context) {
        String vaultId = context.ids().vault();
        Optional<JsonNode> vault = context.live().get(vaultId, LiveResources.KEY_VAULT_API);
        if (vault.isEmpty()) {
            return List.of(missingVault(context));
        }

        JsonNode properties = vault.get().path("properties");
        List<Finding> findings = new ArrayList<>();
        if (!properties.path("enablePurgeProtection").asBoolean(false)) {
            findings.add(Finding.error("DOCTOR-VAULT-002", vaultId,
                    "Purge protection is off on vault '" + name(context) + "': a deleted or purged key takes every"
                            + " disk on the Disk Encryption Set with it.",
                    "Run 'az keyvault update --name " + name(context) + " --enable-purge-protection true'. It cannot be"
                            + " turned off again, which is the point."));
        }
        if (!properties.path("enableSoftDelete").asBoolean(true)) {
            findings.add(Finding.error("DOCTOR-VAULT-003", vaultId,
                    "Soft delete is off on vault '" + name(context) + "', so a deleted key cannot be recovered.",
                    "Run 'az keyvault update --name " + name(context) + " --enable-soft-delete true'. Soft delete cannot"
                            + " be turned off again."));
        }
        if (!properties.path("enableRbacAuthorization").asBoolean(false)) {
            findings.add(Finding.error("DOCTOR-VAULT-004", vaultId,
                    "Vault '" + name(context) + "' uses access policies: enableRbacAuthorization is false, so the"
                            + " Crypto Service Encryption User and Release User role assignments grant nothing.",
                    "Set enableRbacAuthorization to true in the vault stage and re-deploy it."));
        }
        String publicAccess = properties.path("publicNetworkAccess").asText("Enabled");
        if (!"Disabled".equalsIgnoreCase(publicAccess)) {
            findings.add(Finding.warning("DOCTOR-VAULT-005", vaultId,
                    "Vault '" + name(context) + "' has publicNetworkAccess '" + publicAccess + "'; the stack expects"
                            + " 'Disabled' with access through the private endpoint.",
                    "Set publicNetworkAccess to Disabled in the vault stage and re-deploy it."));
        }
        return findings;
    }

    private static Finding missingVault(DoctorContext context) {
        String location = context.environment().location();
        String deletedId = context.ids().deletedVault(location, name(context));
        boolean softDeleted = context.live().get(deletedId, LiveResources.KEY_VAULT_API).isPresent();
        if (softDeleted) {
            return Finding.error("DOCTOR-VAULT-001", context.ids().vault(),
                    "Vault '" + name(context) + "' is soft-deleted (" + deletedId + "), so the key is out of reach.",
                    "Recover it within the retention period: 'az keyvault recover --name " + name(context)
                            + "', or re-deploy the vault stage with createMode 'recover'." + Revocation.PURGE_PROTECTION)
                    .withImpact(Revocation.impact("The vault and its key are deleted."));
        }
        return Finding.error("DOCTOR-VAULT-001", context.ids().vault(),
                "Vault '" + name(context) + "' not found in resource group '"
                        + context.environment().resourceGroups().keyVault() + "'.",
                "Check the subscription and names in the environment file, or deploy the vault stage.")
                .withImpact(Revocation.impact("The vault holding the key is missing."));
    }

    private static String name(DoctorContext context) {
        return context.environment().keyVault().name();
    }
}
