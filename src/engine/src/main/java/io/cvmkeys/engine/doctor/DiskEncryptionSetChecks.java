package io.cvmkeys.engine.doctor;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Disk Encryption Set: Confidential VM encryption type, a versioned key URL of the environment's key whose
 * version is enabled and unexpired, no automatic rotation, and no rotation left half done.
 */
final class DiskEncryptionSetChecks implements DoctorCheck {

    static final String CONFIDENTIAL_ENCRYPTION = "ConfidentialVmEncryptedWithCustomerKey";
    private static final Pattern KEY_URL = Pattern.compile("https://([^./]+)\\.[^/]+/keys/([^/]+)(?:/([0-9a-fA-F]{32}))?/?");

    @Override
    public List<Finding> check(DoctorContext context) {
        String setId = context.ids().diskEncryptionSet();
        String setName = context.environment().diskEncryptionSet().name();
        Optional<JsonNode> set = context.live().get(setId, LiveResources.DISK_API);
        if (set.isEmpty()) {
            return List.of(Finding.error("DOCTOR-DES-001", setId,
                    "Disk Encryption Set '" + setName + "' not found in resource group '"
                            + context.environment().resourceGroups().diskEncryptionSet() + "'.",
                    "Check the names in the environment file, or deploy the Disk Encryption Set stage."));
        }

        JsonNode properties = set.get().path("properties");
        List<Finding> findings = new ArrayList<>();
        String encryptionType = properties.path("encryptionType").asText("");
        if (!CONFIDENTIAL_ENCRYPTION.equals(encryptionType)) {
            findings.add(Finding.error("DOCTOR-DES-002", setId,
                    "Disk Encryption Set '" + setName + "' has encryptionType '" + encryptionType + "', but Confidential"
                            + " VM disks need '" + CONFIDENTIAL_ENCRYPTION + "'.",
                    "The encryption type cannot change: create a Disk Encryption Set with " + CONFIDENTIAL_ENCRYPTION
                            + " and move the hosts' disks to it."));
        }
        if (properties.path("rotationToLatestKeyVersionEnabled").asBoolean(false)) {
            findings.add(Finding.error("DOCTOR-DES-006", setId,
                    "Disk Encryption Set '" + setName + "' has rotationToLatestKeyVersionEnabled true; Confidential VMs"
                            + " do not support automatic key rotation.",
                    "Set rotationToLatestKeyVersionEnabled to false and rotate offline."));
        }
        JsonNode previousKeys = properties.path("previousKeys");
        if (previousKeys.isArray() && !previousKeys.isEmpty()) {
            List<String> urls = new ArrayList<>();
            previousKeys.forEach(previous -> urls.add(previous.path("keyUrl").asText()));
            findings.add(Finding.warning("DOCTOR-DES-007", setId,
                    "Disk Encryption Set '" + setName + "' still lists previousKeys " + urls + ": some disks still use"
                            + " an older key version, so a rotation is unfinished.",
                    "Deallocate and start the VMs whose disks use the old version, then confirm previousKeys is"
                            + " empty. Keep the old versions enabled and unexpired until then."));
        }
        findings.addAll(activeKey(context, setId, setName, properties.path("activeKey").path("keyUrl").asText("")));
        return findings;
    }

    private static List<Finding> activeKey(DoctorContext context, String setId, String setName, String keyUrl) {
        Matcher url = KEY_URL.matcher(keyUrl);
        if (!url.matches() || url.group(3) == null) {
            return List.of(Finding.error("DOCTOR-DES-003", setId,
                    "The active key URL '" + keyUrl + "' of Disk Encryption Set '" + setName + "' is not a versioned"
                            + " key URL (https://{vault}.vault.azure.net/keys/{name}/{version}).",
                    "Set activeKey.keyUrl to the key's keyUriWithVersion."));
        }
        String vaultName = context.environment().keyVault().name();
        String keyName = context.environment().key().name();
        if (!url.group(1).equalsIgnoreCase(vaultName) || !url.group(2).equalsIgnoreCase(keyName)) {
            return List.of(Finding.error("DOCTOR-DES-004", setId,
                    "Disk Encryption Set '" + setName + "' uses key '" + url.group(2) + "' in vault '" + url.group(1)
                            + "', not key '" + keyName + "' in vault '" + vaultName + "' of the environment.",
                    "Check the environment file; if it is right, move the Disk Encryption Set to the environment's key"
                            + " in an offline rotation."));
        }

        String version = url.group(3).toLowerCase(Locale.ROOT);
        Optional<JsonNode> current = context.live().get(context.ids().key(), LiveResources.KEY_VAULT_API);
        if (current.isEmpty()) {
            // The vault and key checks report the missing key with its impact.
            return List.of();
        }
        String currentUrl = current.get().path("properties").path("keyUriWithVersion").asText("");
        if (currentUrl.toLowerCase(Locale.ROOT).endsWith("/" + version)) {
            // The key checks already report the current version's state and expiry.
            return List.of();
        }
        return olderVersion(context, setId, setName, keyUrl, version);
    }

    /** Checks a version other than the key's current one, which the Disk Encryption Set still points at. */
    private static List<Finding> olderVersion(DoctorContext context, String setId, String setName, String keyUrl,
                                              String version) {
        String versionId = context.ids().key() + "/versions/" + version;
        Optional<JsonNode> keyVersion = context.live().keyVersion(context.ids().key(), version);
        String recover = "Re-enable the version ('az keyvault key set-attributes --id " + keyUrl + " --enabled true'),"
                + " or move the Disk Encryption Set to the current version in an offline rotation.";
        if (keyVersion.isEmpty()) {
            return List.of(Finding.error("DOCTOR-DES-005", setId,
                    "The key version " + keyUrl + " of Disk Encryption Set '" + setName + "' not found.",
                    "Recover the deleted key ('az keyvault key recover'), or point the Disk Encryption Set at an"
                            + " enabled version in an offline rotation." + Revocation.PURGE_PROTECTION)
                    .withImpact(Revocation.impact("The key version is missing.")));
        }
        JsonNode attributes = keyVersion.get().path("properties").path("attributes");
        if (!attributes.path("enabled").asBoolean(true)) {
            return List.of(Finding.error("DOCTOR-DES-005", setId,
                    "The key version " + keyUrl + " of Disk Encryption Set '" + setName + "' is disabled.", recover)
                    .withImpact(Revocation.impact("The key version is disabled.")));
        }
        if (attributes.path("exp").canConvertToLong()) {
            Instant expiresOn = Instant.ofEpochSecond(attributes.path("exp").asLong());
            String subject = "Key version " + keyUrl + ", still active on Disk Encryption Set '" + setName + "',";
            return KeyExpiryChecks.expiry(context, versionId, subject, expiresOn).map(List::of).orElse(List.of());
        }
        return List.of();
    }
}
