package io.cvmkeys.engine.doctor;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two role assignments that let disks use the key: Key Vault Crypto Service Encryption User for the Disk
 * Encryption Set's identity, and Key Vault Crypto Service Release User for the Confidential VM Orchestrator. An
 * assignment counts when its scope is the key or contains it (vault, resource group, subscription).
 */
final class RoleAssignmentChecks implements DoctorCheck {

    static final String ENCRYPTION_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6";
    static final String RELEASE_USER = "08bbd89e-9f13-488c-ac41-acfcb10c90ab";

    @Override
    public List<Finding> check(DoctorContext context) {
        if (context.live().get(context.ids().key(), LiveResources.KEY_VAULT_API).isEmpty()) {
            // Assignments on a missing key are meaningless; the vault and key checks report it.
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        List<String> identityPrincipals = diskEncryptionSetPrincipals(context);
        if (!identityPrincipals.isEmpty() && identityPrincipals.stream().noneMatch(principal -> hasRole(context, principal, ENCRYPTION_USER))) {
            findings.add(Finding.error("DOCTOR-ROLE-001", context.ids().key(),
                    "The Disk Encryption Set's identity (principal " + String.join(", ", identityPrincipals) + ") has no"
                            + " Key Vault Crypto Service Encryption User role (" + ENCRYPTION_USER + ") on key '"
                            + KeyChecks.name(context) + "' or a scope above it, which revokes its access to the key.",
                    "Restore the role: 'az role assignment create --assignee-object-id " + identityPrincipals.get(0)
                            + " --assignee-principal-type ServicePrincipal --role " + ENCRYPTION_USER + " --scope "
                            + context.ids().key() + "', or re-deploy the vault stage.")
                    .withImpact(Revocation.impact("The Disk Encryption Set cannot unwrap the key.")));
        }

        String orchestrator = context.environment().confidentialVmOrchestratorObjectId();
        if (!hasRole(context, orchestrator, RELEASE_USER)) {
            findings.add(Finding.error("DOCTOR-ROLE-002", context.ids().key(),
                    "The Confidential VM Orchestrator (object id " + orchestrator + ") has no Key Vault Crypto Service"
                            + " Release User role (" + RELEASE_USER + ") on key '" + KeyChecks.name(context) + "'.",
                    "Restore the role: 'az role assignment create --assignee-object-id " + orchestrator
                            + " --assignee-principal-type ServicePrincipal --role " + RELEASE_USER + " --scope "
                            + context.ids().key() + "', or re-deploy the vault stage.")
                    .withImpact("Confidential VMs cannot release the key at start: running hosts keep working,"
                            + " deallocated hosts will not start, and new hosts fail to start."));
        }
        return findings;
    }

    /**
     * Returns the principal ids of the Disk Encryption Set's user-assigned identities, or of the environment's identity
     * when the set is missing (its own check reports that).
     */
    private static List<String> diskEncryptionSetPrincipals(DoctorContext context) {
        List<String> principals = new ArrayList<>();
        Optional<JsonNode> set = context.live().get(context.ids().diskEncryptionSet(), LiveResources.DISK_API);
        if (set.isPresent()) {
            Iterator<JsonNode> identities = set.get().path("identity").path("userAssignedIdentities").elements();
            identities.forEachRemaining(identity -> {
                String principal = identity.path("principalId").asText("");
                if (!principal.isEmpty()) {
                    principals.add(principal);
                }
            });
        }
        if (principals.isEmpty()) {
            context.live().get(context.ids().identity(), LiveResources.IDENTITY_API)
                    .map(identity -> identity.path("properties").path("principalId").asText(""))
                    .filter(principal -> !principal.isEmpty())
                    .ifPresent(principals::add);
        }
        return principals;
    }

    private static boolean hasRole(DoctorContext context, String principalId, String roleGuid) {
        String key = context.ids().key().toLowerCase(Locale.ROOT);
        for (JsonNode assignment : context.live().roleAssignments(context.ids().vault(), principalId)) {
            JsonNode properties = assignment.path("properties");
            String role = properties.path("roleDefinitionId").asText("").toLowerCase(Locale.ROOT);
            String scope = trimSlash(properties.path("scope").asText("").toLowerCase(Locale.ROOT));
            boolean coversKey = key.equals(scope) || key.startsWith(scope + "/") || scope.isEmpty();
            if (principalId.equalsIgnoreCase(properties.path("principalId").asText()) && (role.endsWith("/" + roleGuid) || role.equals(roleGuid))
                    && coversKey) {
                return true;
            }
        }
        return false;
    }

    private static String trimSlash(String scope) {
        return scope.endsWith("/") ? scope.substring(0, scope.length() - 1) : scope;
    }
}
