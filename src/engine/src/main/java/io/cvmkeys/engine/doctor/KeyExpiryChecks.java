package io.cvmkeys.engine.doctor;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How long the key's current version has left. With notify-only rotation {@code attributes.exp} is a hard outage
 * deadline: at that moment every VM whose disks use the version shuts down.
 *
 * <p>Thresholds, each inclusive: expired at or after {@code exp}; error at {@value #ERROR_DAYS} days or less left;
 * warning inside the environment's notification window ({@code notifyDaysBeforeExpiry}), where KeyNearExpiry fires.
 */
final class KeyExpiryChecks implements DoctorCheck {

    static final int ERROR_DAYS = 7;

    @Override
    public List<Finding> check(DoctorContext context) {
        String keyId = context.ids().key();
        if (context.live().get(context.ids().vault(), LiveResources.KEY_VAULT_API).isEmpty()) {
            return List.of();
        }
        Optional<JsonNode> key = context.live().get(keyId, LiveResources.KEY_VAULT_API);
        if (key.isEmpty()) {
            return List.of();
        }

        JsonNode exp = key.get().path("properties").path("attributes").path("exp");
        if (!exp.canConvertToLong()) {
            return List.of(Finding.error("DOCTOR-KEY-003", keyId,
                    "Key '" + KeyChecks.name(context) + "' has no expiry (attributes.exp), so KeyNearExpiry is never"
                            + " published and the expiry alert never fires.",
                    "Set an expiry through the Key Vault data plane: 'az keyvault key set-attributes --vault-name "
                            + KeyChecks.vault(context) + " --name " + KeyChecks.name(context) + " --expires <date>'."));
        }
        String subject = "Key '" + KeyChecks.name(context) + "'";
        return expiry(context, keyId, subject, Instant.ofEpochSecond(exp.asLong())).map(List::of).orElse(List.of());
    }

    /**
     * Returns the finding for a version expiring at {@code expiresOn}, or empty when it is outside every threshold.
     * {@code subject} starts the message, such as "Key 'cmk'".
     */
    static Optional<Finding> expiry(DoctorContext context, String keyId, String subject, Instant expiresOn) {
        Duration left = Duration.between(context.now(), expiresOn);
        int notifyDays = context.environment().key().notifyDaysBeforeExpiry();
        String rotate = "Run the offline rotation now (drain, deallocate, new key version, update the Disk Encryption"
                + " Set, start), or extend the expiry through the Key Vault data plane as a stopgap.";

        if (left.isNegative() || left.isZero()) {
            return Optional.of(Finding.error("DOCTOR-KEY-006", keyId,
                    subject + " expired on " + expiresOn + "; the hosts whose disks use it"
                            + " stopped then.",
                    "Extend the expiry ('az keyvault key set-attributes --vault-name " + KeyChecks.vault(context)
                            + " --name " + KeyChecks.name(context) + " --expires <date>'), start the hosts, then run"
                            + " the offline rotation.")
                    .withImpact(Revocation.impact("The key version is expired.")));
        }
        long days = left.toDays();
        if (left.compareTo(Duration.ofDays(ERROR_DAYS)) <= 0) {
            return Optional.of(Finding.error("DOCTOR-KEY-005", keyId,
                    subject + " expires on " + expiresOn + ", in " + days + " days (" + ERROR_DAYS
                            + " days or less): the hosts whose disks use it stop on " + expiresOn + ".",
                    rotate));
        }
        if (left.compareTo(Duration.ofDays(notifyDays)) <= 0) {
            return Optional.of(Finding.warning("DOCTOR-KEY-004", keyId,
                    subject + " expires on " + expiresOn + ", in " + days + " days (inside"
                            + " the " + notifyDays + "-day notification window): the hosts whose disks use it stop on "
                            + expiresOn + ".",
                    rotate));
        }
        return Optional.empty();
    }
}
