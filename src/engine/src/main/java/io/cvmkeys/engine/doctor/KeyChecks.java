package io.cvmkeys.engine.doctor;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The key itself: it exists and is enabled, Confidential VMs can release it (exportable with a release policy), and
 * its rotation policy only notifies, with the trigger the environment sets. Expiry has its own family,
 * {@link KeyExpiryChecks}.
 */
final class KeyChecks implements DoctorCheck {

    @Override
    public List<Finding> check(DoctorContext context) {
        if (context.live().get(context.ids().vault(), LiveResources.KEY_VAULT_API).isEmpty()) {
            return List.of();
        }
        String keyId = context.ids().key();
        Optional<JsonNode> key = context.live().get(keyId, LiveResources.KEY_VAULT_API);
        if (key.isEmpty()) {
            return List.of(missingKey(context));
        }

        JsonNode properties = key.get().path("properties");
        List<Finding> findings = new ArrayList<>();
        JsonNode attributes = properties.path("attributes");
        if (!attributes.path("enabled").asBoolean(true)) {
            findings.add(Finding.error("DOCTOR-KEY-002", keyId,
                    "Key '" + name(context) + "' is disabled, which revokes the Disk Encryption Set's access to it.",
                    "Re-enable it: 'az keyvault key set-attributes --vault-name " + vault(context) + " --name "
                            + name(context) + " --enabled true'.")
                    .withImpact(Revocation.impact("The key is disabled.")));
        }
        if (!attributes.path("exportable").asBoolean(false)) {
            findings.add(Finding.error("DOCTOR-KEY-010", keyId,
                    "Key '" + name(context) + "' is not exportable, so Confidential VMs cannot release it after"
                            + " attestation and fail to start.",
                    "Keys cannot become exportable. Create a new exportable RSA-HSM key with the Confidential VM"
                            + " release policy ('az keyvault key create --exportable true --default-cvm-policy') and"
                            + " move the Disk Encryption Set to it in an offline rotation."));
        }
        if (properties.path("release_policy").path("data").asText("").isEmpty()) {
            findings.add(Finding.error("DOCTOR-KEY-011", keyId,
                    "Key '" + name(context) + "' has no release policy, so Confidential VMs cannot release it after"
                            + " attestation and fail to start.",
                    "Set the Confidential VM release policy (x-ms-compliance-status equals azure-compliant-cvm)"
                            + " through the Key Vault data plane, or create the key with '--default-cvm-policy'."));
        }
        findings.addAll(rotationPolicy(context, keyId, properties.path("rotationPolicy")));
        return findings;
    }

    private static List<Finding> rotationPolicy(DoctorContext context, String keyId, JsonNode policy) {
        int notifyDays = context.environment().key().notifyDaysBeforeExpiry();
        String expectedTrigger = "P" + notifyDays + "D";
        String fix = "Set a rotation policy with one lifetime action {trigger: {timeBeforeExpiry: " + expectedTrigger
                + "}, action: {type: notify}} through the Key Vault data plane ('az keyvault key rotation-policy"
                + " update'), because the management plane never updates an existing key.";

        List<Finding> findings = new ArrayList<>();
        JsonNode notify = null;
        for (JsonNode action : policy.path("lifetimeActions")) {
            String type = action.path("action").path("type").asText("").toLowerCase(Locale.ROOT);
            // The ARM spec spells the action in lower case and the service returns "Rotate"/"Notify".
            if (type.equals("rotate")) {
                findings.add(Finding.error("DOCTOR-KEY-008", keyId,
                        "The rotation policy of key '" + name(context) + "' rotates automatically; Confidential VMs"
                                + " do not support automatic rotation, and a new version would not reach their disks.",
                        fix));
            } else if (type.equals("notify")) {
                notify = action;
            }
        }

        if (notify == null) {
            findings.add(Finding.warning("DOCTOR-KEY-007", keyId,
                    "Key '" + name(context) + "' has no notify action in its rotation policy, so Key Vault never"
                            + " publishes KeyNearExpiry and the expiry alert never fires.",
                    fix));
            return findings;
        }
        String trigger = notify.path("trigger").path("timeBeforeExpiry").asText("");
        if (!isDays(trigger, notifyDays)) {
            findings.add(Finding.warning("DOCTOR-KEY-009", keyId,
                    "The notify trigger of key '" + name(context) + "' is timeBeforeExpiry '" + trigger
                            + "', but the environment sets notifyDaysBeforeExpiry " + notifyDays + " (" + expectedTrigger
                            + ").",
                    fix));
        }
        return findings;
    }

    private static boolean isDays(String duration, int days) {
        try {
            return Period.parse(duration).equals(Period.ofDays(days));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Finding missingKey(DoctorContext context) {
        return Finding.error("DOCTOR-KEY-001", context.ids().key(),
                "Key '" + name(context) + "' not found in vault '" + vault(context) + "'.",
                "If it was deleted, recover it: 'az keyvault key recover --vault-name " + vault(context) + " --name "
                        + name(context) + "'." + Revocation.PURGE_PROTECTION)
                .withImpact(Revocation.impact("The key is deleted or missing."));
    }

    static String name(DoctorContext context) {
        return context.environment().key().name();
    }

    static String vault(DoctorContext context) {
        return context.environment().keyVault().name();
    }
}
