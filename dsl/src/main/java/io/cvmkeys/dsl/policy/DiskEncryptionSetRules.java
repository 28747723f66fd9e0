package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.cvmkeys.dsl.policy.RuleSupport.check;
import static io.cvmkeys.dsl.policy.RuleSupport.notChecked;
import static io.cvmkeys.dsl.policy.RuleSupport.violation;

/**
 * Rules for {@code Microsoft.Compute/diskEncryptionSets}.
 *
 * <p>This pack treats every disk encryption set as one meant for Confidential VMs: a template does not show which VMs
 * will use a set, and the pack exists to lint Confidential VM templates. A set that serves standard VMs is exempted
 * with a suppression of {@code CVMKEYS-DES-001} naming it and giving the reason.
 */
public final class DiskEncryptionSetRules implements PolicyRule {

    static final String TYPE = "Microsoft.Compute/diskEncryptionSets";

    public static final RuleDescriptor ENCRYPTION_TYPE = new RuleDescriptor("CVMKEYS-DES-001", Severity.ERROR,
            "Disk encryption set type is ConfidentialVmEncryptedWithCustomerKey");
    public static final RuleDescriptor VERSIONED_KEY_URL = new RuleDescriptor("CVMKEYS-DES-002", Severity.ERROR,
            "Disk encryption set uses a versioned key URL");
    public static final RuleDescriptor NO_AUTO_ROTATION = new RuleDescriptor("CVMKEYS-DES-003", Severity.ERROR,
            "Disk encryption set does not rotate to the latest key version");
    public static final RuleDescriptor USER_ASSIGNED_IDENTITY = new RuleDescriptor("CVMKEYS-DES-004", Severity.ERROR,
            "Disk encryption set uses a user-assigned identity");

    private static final String KEY_URL = "properties.activeKey.keyUrl";

    /** A Key Vault or Managed HSM key URL that ends in a 32-hex-digit version. */
    private static final Pattern VERSIONED_URL = Pattern.compile("^https://[^/\\s]+/keys/[^/\\s]+/[0-9a-fA-F]{32}/?$");
    /** {@code reference(...).keyUri} or {@code .properties.keyUri}, but not {@code keyUriWithVersion}. */
    private static final Pattern VERSIONLESS_REFERENCE = Pattern.compile("\\.keyUri(?![A-Za-z0-9_])");
    private static final Pattern VERSIONED_REFERENCE = Pattern.compile("\\.keyUriWithVersion(?![A-Za-z0-9_])");

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(ENCRYPTION_TYPE, VERSIONED_KEY_URL, NO_AUTO_ROTATION, USER_ASSIGNED_IDENTITY);
    }

    @Override
    public List<Finding> evaluate(PolicyContext context) {
        List<Finding> findings = new ArrayList<>();
        for (TemplateResource set : context.resourcesOfType(TYPE)) {
            evaluate(set, findings);
        }
        return findings;
    }

    private static void evaluate(TemplateResource set, List<Finding> findings) {
        // A missing encryptionType means EncryptionAtRestWithCustomerKey, the type for standard VMs.
        check(findings, ENCRYPTION_TYPE, set, "properties.encryptionType",
                value -> value.textEqualsIgnoreCase("ConfidentialVmEncryptedWithCustomerKey"),
                "Confidential VM disks (securityEncryptionType DiskWithVMGuestState) need ConfidentialVmEncryptedWithCustomerKey;"
                        + " EncryptionAtRestWithCustomerKey is for standard VMs.",
                "Set properties.encryptionType to 'ConfidentialVmEncryptedWithCustomerKey', or suppress CVMKEYS-DES-001"
                        + " for this set if it serves standard VMs.");

        evaluateKeyUrl(set, findings);

        check(findings, NO_AUTO_ROTATION, set, "properties.rotationToLatestKeyVersionEnabled",
                value -> !value.isTrue(),
                "Confidential VMs do not support automatic key rotation; new key versions are applied by the offline rotation.",
                "Set properties.rotationToLatestKeyVersionEnabled to false.");

        check(findings, USER_ASSIGNED_IDENTITY, set, "identity.type", value -> value.textEqualsIgnoreCase("UserAssigned"),
                "the crypto service role must be granted before the set exists, which only a user-assigned identity allows.",
                "Set identity.type to 'UserAssigned' with the identity in identity.userAssignedIdentities.");
    }

    private static void evaluateKeyUrl(TemplateResource set, List<Finding> findings) {
        ResolvedValue keyUrl = set.value(KEY_URL);
        String fix = "Set " + KEY_URL + " to the key's keyUriWithVersion, for example"
                + " [reference(<key id>, '2023-07-01').keyUriWithVersion].";
        if (keyUrl.isMissing()) {
            findings.add(violation(VERSIONED_KEY_URL, set, KEY_URL, KEY_URL + " is missing; the set needs the key to use.", fix));
            return;
        }
        if (keyUrl.isExpression()) {
            String expression = keyUrl.expression();
            if (VERSIONED_REFERENCE.matcher(expression).find()) {
                return;
            }
            if (VERSIONLESS_REFERENCE.matcher(expression).find()) {
                findings.add(violation(VERSIONED_KEY_URL, set, KEY_URL, KEY_URL + " is " + keyUrl.describe()
                        + ", which returns the key URL without a version; no disk encryption set API version accepts it.", fix));
                return;
            }
            findings.add(notChecked(VERSIONED_KEY_URL, set, KEY_URL, keyUrl));
            return;
        }
        String text = keyUrl.asText();
        if (text == null || !VERSIONED_URL.matcher(text).matches()) {
            findings.add(violation(VERSIONED_KEY_URL, set, KEY_URL, KEY_URL + " is " + keyUrl.describe()
                    + "; it must end in /keys/{name}/{32-hex-digit version}, a versionless URL is rejected.", fix));
        }
    }
}
