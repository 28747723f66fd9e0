package io.cvmkeys.modules.env;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One deployment target, read from an environment file and checked by {@link EnvironmentLoader}. Field names
 * match the file's JSON names.
 */
public record Environment(
        String name,
        boolean production,
        String subscription,
        String location,
        Map<String, String> tags,
        ResourceGroups resourceGroups,
        KeyVaultSettings keyVault,
        KeySettings key,
        IdentitySettings identity,
        String confidentialVmOrchestratorObjectId,
        DiskEncryptionSetSettings diskEncryptionSet,
        HostPoolSettings hostPool,
        AlertSettings alerts) {

    public Environment {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** Resource groups of the stages; the host pool and session host groups are used by rotation and doctor. */
    public record ResourceGroups(String keyVault, String diskEncryptionSet, String hostPool, String sessionHosts) {
    }

    /** The vault and how it is reached privately. */
    public record KeyVaultSettings(String name, Integer softDeleteRetentionInDays, PrivateEndpointSettings privateEndpoint,
                                   String logAnalyticsWorkspaceId) {

        /** Retention in days, 90 when the file leaves it out. */
        public int retentionDays() {
            return softDeleteRetentionInDays == null ? 90 : softDeleteRetentionInDays;
        }
    }

    /** Private endpoint of the vault; its name defaults to {@code pe-<vault name>}. */
    public record PrivateEndpointSettings(String name, String subnetId, String privateDnsZoneId) {
    }

    /**
     * The disk key.
     *
     * @param expiresOn              fixed expiry of the first version, so an unchanged re-deploy sends the same key
     * @param rotationExpiryTime     ISO 8601 expiry of versions created by a rotation
     * @param notifyDaysBeforeExpiry when KeyNearExpiry fires
     * @param attestationAuthority   override of the region's shared attestation provider, or null
     * @param encryptionUserScope    {@code key} or {@code vault}; null means key
     */
    public record KeySettings(String name, int size, Instant expiresOn, String rotationExpiryTime, int notifyDaysBeforeExpiry,
                              String attestationAuthority, String encryptionUserScope) {

        /** Returns true when the Disk Encryption Set identity's role is scoped to the vault instead of the key. */
        public boolean encryptionUserOnVault() {
            return "vault".equals(encryptionUserScope);
        }
    }

    public record IdentitySettings(String name) {
    }

    public record DiskEncryptionSetSettings(String name) {
    }

    /** The AVD host pool whose session hosts use the Disk Encryption Set. */
    public record HostPoolSettings(String name, String configurationFile) {
    }

    /** Expiry alerting: who is told, and how loudly. */
    public record AlertSettings(String actionGroupName, String actionGroupShortName, String systemTopicName, String severity,
                                List<EmailReceiverSettings> emailReceivers, WebhookSettings webhook) {

        public AlertSettings {
            emailReceivers = emailReceivers == null ? List.of() : List.copyOf(emailReceivers);
        }
    }

    public record EmailReceiverSettings(String name, String emailAddress) {
    }

    /** Where the webhook URI is read at deployment; it is never written in the file itself. */
    public record WebhookSettings(String fromEnvironmentVariable, KeyVaultSecretSettings fromKeyVaultSecret) {
    }

    public record KeyVaultSecretSettings(String vaultId, String secretName) {
    }
}
