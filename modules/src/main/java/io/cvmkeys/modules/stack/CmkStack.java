package io.cvmkeys.modules.stack;

import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.modules.env.Environment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer-managed key stack for Confidential VM session hosts: the vault stage first, then the Disk
 * Encryption Set and the alerting, which take its outputs.
 */
public final class CmkStack {

    public static final String NAME = "avd-cmk";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private CmkStack() {
    }

    public static Stack build(Environment environment) {
        return new Stack(NAME, environment.name(),
                List.of(VaultStage.build(environment), DiskEncryptionSetStage.build(environment), AlertStage.build(environment)),
                summary(environment));
    }

    private static List<String> summary(Environment environment) {
        Environment.KeySettings key = environment.key();
        Instant firstAlert = key.expiresOn().minus(Duration.ofDays(key.notifyDaysBeforeExpiry()));
        List<String> summary = new ArrayList<>();
        summary.add("Environment: " + environment.name() + (environment.production() ? " (production)" : "")
                + ", subscription " + environment.subscription() + ", region " + environment.location() + ".");
        summary.add("Key: " + key.name() + " in vault " + environment.keyVault().name() + ", RSA-HSM " + key.size()
                + " bits, exportable with the Confidential VM release policy of "
                + VaultStage.attestationAuthority(environment) + ".");
        summary.add("Expiry: the first version expires on " + DATE.format(key.expiresOn()) + "; the first KeyNearExpiry"
                + " alert fires on " + DATE.format(firstAlert) + " (" + key.notifyDaysBeforeExpiry() + " days before)."
                + " Session hosts stop when the key expires, so rotate before then with 'cvmkeys rotate'.");
        summary.add("Rotation policy: notify only; rotated versions expire after " + key.rotationExpiryTime() + ".");
        summary.add("Disk Encryption Set: " + environment.diskEncryptionSet().name() + " (ConfidentialVmEncryptedWithCustomerKey)"
                + " in " + environment.resourceGroups().diskEncryptionSet() + ", identity " + environment.identity().name() + ".");
        List<String> receivers = environment.alerts().emailReceivers().stream()
                .map(Environment.EmailReceiverSettings::emailAddress).toList();
        String webhook = environment.alerts().webhook() == null ? "" : ", plus a webhook whose URI is read at deployment";
        summary.add("Alerted: " + String.join(", ", receivers) + webhook + ", through action group "
                + environment.alerts().actionGroupName() + " at severity " + environment.alerts().severity() + ".");
        return summary;
    }
}
