package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.cvmkeys.dsl.policy.RuleSupport.asLong;
import static io.cvmkeys.dsl.policy.RuleSupport.check;
import static io.cvmkeys.dsl.policy.RuleSupport.notChecked;
import static io.cvmkeys.dsl.policy.RuleSupport.violation;

/**
 * Rules for the key itself ({@code Microsoft.KeyVault/vaults/keys} or {@code Microsoft.KeyVault/managedHSMs/keys}): type, size, operations, exportability, release
 * policy presence and expiry.
 *
 * <p>Every key in the template is treated as a Confidential VM disk encryption key, because that is what this pack
 * lints. A template that also contains keys for other purposes suppresses these rules for them by resource name.
 */
public final class KeyRules implements PolicyRule {

    static final String TYPE = "Microsoft.KeyVault/vaults/keys";
    static final String MANAGED_HSM_TYPE = "Microsoft.KeyVault/managedHSMs/keys";

    public static final RuleDescriptor KEY_TYPE = new RuleDescriptor("CVMKEYS-KEY-001", Severity.ERROR,
            "Key type is RSA-HSM");
    public static final RuleDescriptor KEY_SIZE = new RuleDescriptor("CVMKEYS-KEY-002", Severity.ERROR,
            "RSA key size is 2048, 3072 or 4096 bits");
    public static final RuleDescriptor KEY_SIZE_2048 = new RuleDescriptor("CVMKEYS-KEY-003", Severity.WARNING,
            "RSA key size is 3072 or 4096 bits");
    public static final RuleDescriptor KEY_OPERATIONS = new RuleDescriptor("CVMKEYS-KEY-004", Severity.ERROR,
            "Key operations include wrapKey and unwrapKey");
    public static final RuleDescriptor EXPORTABLE = new RuleDescriptor("CVMKEYS-KEY-005", Severity.ERROR,
            "Key is exportable");
    public static final RuleDescriptor RELEASE_POLICY_PRESENT = new RuleDescriptor("CVMKEYS-KEY-006", Severity.ERROR,
            "Key has a release policy");
    public static final RuleDescriptor EXPIRY_PRESENT = new RuleDescriptor("CVMKEYS-KEY-009", Severity.ERROR,
            "Key has an expiry (attributes.exp)");
    public static final RuleDescriptor EXPIRY_FIXED = new RuleDescriptor("CVMKEYS-KEY-010", Severity.ERROR,
            "Key expiry is fixed, not computed at deployment time");

    private static final Set<Long> RSA_SIZES = Set.of(2048L, 3072L, 4096L);

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(KEY_TYPE, KEY_SIZE, KEY_SIZE_2048, KEY_OPERATIONS, EXPORTABLE, RELEASE_POLICY_PRESENT,
                EXPIRY_PRESENT, EXPIRY_FIXED);
    }

    @Override
    public List<Finding> evaluate(PolicyContext context) {
        List<Finding> findings = new ArrayList<>();
        for (TemplateResource key : keysOf(context)) {
            evaluateType(key, findings);
            evaluateOperations(key, findings);
            evaluateRelease(key, findings);
            evaluateExpiry(key, findings);
        }
        return findings;
    }

    /** Returns the Key Vault and Managed HSM keys of the template, which share the properties these rules read. */
    static List<TemplateResource> keysOf(PolicyContext context) {
        return context.resources().stream()
                .filter(resource -> resource.isType(TYPE) || resource.isType(MANAGED_HSM_TYPE))
                .toList();
    }

    private static void evaluateType(TemplateResource key, List<Finding> findings) {
        ResolvedValue kty = key.value("properties.kty");
        check(findings, KEY_TYPE, key, "properties.kty", value -> value.textEqualsIgnoreCase("RSA-HSM"),
                kty.textEqualsIgnoreCase("RSA")
                        ? "a software-protected RSA key cannot encrypt Confidential VM disks, they need an HSM-protected key."
                        : "Confidential VM disk encryption needs an HSM-protected RSA key.",
                "Set properties.kty to 'RSA-HSM' (in a Key Vault this needs the premium SKU).");

        boolean rsa = kty.isExpression() || (kty.asText() != null && kty.asText().toUpperCase(Locale.ROOT).startsWith("RSA"));
        if (!rsa) {
            return;
        }
        // Key Vault creates a 2048-bit RSA key when keySize is missing.
        check(findings, KEY_SIZE, key, "properties.keySize",
                value -> value.isMissing() || (asLong(value) != null && RSA_SIZES.contains(asLong(value))),
                "Key Vault RSA keys are 2048, 3072 or 4096 bits.",
                "Set properties.keySize to 3072 or 4096.");
        ResolvedValue size = key.value("properties.keySize");
        if (size.isMissing() || Long.valueOf(2048L).equals(asLong(size))) {
            findings.add(violation(KEY_SIZE_2048, key, "properties.keySize",
                    "properties.keySize is " + (size.isMissing() ? "missing, so the key gets 2048 bits" : "2048")
                            + "; 3072 or 4096 bits are recommended for a key that protects disks for years.",
                    "Set properties.keySize to 3072 or 4096."));
        }
    }

    private static void evaluateOperations(TemplateResource key, List<Finding> findings) {
        ResolvedValue keyOps = key.value("properties.keyOps");
        if (keyOps.isExpression()) {
            findings.add(notChecked(KEY_OPERATIONS, key, "properties.keyOps", keyOps));
            return;
        }

        List<String> missing = new ArrayList<>(List.of("wrapKey", "unwrapKey"));
        boolean anyExpression = false;
        if (keyOps.isKnown() && keyOps.value().isArray()) {
            for (int i = 0; i < keyOps.value().size(); i++) {
                ResolvedValue operation = key.value("properties.keyOps[" + i + "]");
                anyExpression |= operation.isExpression();
                String text = operation.asText();
                missing.removeIf(required -> required.equalsIgnoreCase(text));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (anyExpression) {
            findings.add(notChecked(KEY_OPERATIONS, key, "properties.keyOps", keyOps));
            return;
        }
        findings.add(violation(KEY_OPERATIONS, key, "properties.keyOps",
                "properties.keyOps is " + keyOps.describe() + " and lacks " + String.join(" and ", missing)
                        + "; the disk encryption set wraps and unwraps the disk keys with this key.",
                "Set properties.keyOps to ['wrapKey', 'unwrapKey']."));
    }

    private static void evaluateRelease(TemplateResource key, List<Finding> findings) {
        ResolvedValue exportable = key.value("properties.attributes.exportable");
        ResolvedValue releasePolicy = key.value("properties.release_policy");

        check(findings, EXPORTABLE, key, "properties.attributes.exportable", ResolvedValue::isTrue,
                releasePolicy.isKnown()
                        ? "the key has a release policy, which Key Vault rejects on a non-exportable key (AKV.SKR.1005),"
                        + " and a Confidential VM can only use a key that can be released to it."
                        : "a Confidential VM can only use a key that Key Vault may release into it after attestation.",
                "Set properties.attributes.exportable to true together with properties.release_policy.");

        if (releasePolicy.isExpression()) {
            findings.add(notChecked(RELEASE_POLICY_PRESENT, key, "properties.release_policy", releasePolicy));
        } else if (releasePolicy.isMissing() || !releasePolicy.value().isObject() || releasePolicy.value().path("data").isMissingNode()) {
            String reason = exportable.isTrue()
                    ? "Key Vault rejects an exportable key without a release policy (AKV.SKR.1004)."
                    : "a Confidential VM can only get the key through a release policy that checks its attestation.";
            findings.add(violation(RELEASE_POLICY_PRESENT, key, "properties.release_policy",
                    "properties.release_policy is " + describePolicy(releasePolicy) + "; " + reason,
                    "Add properties.release_policy with contentType 'application/json; charset=utf-8' and data set to the"
                            + " base64url-encoded Confidential VM policy (claim x-ms-compliance-status equals azure-compliant-cvm)."));
        }
    }

    private static void evaluateExpiry(TemplateResource key, List<Finding> findings) {
        ResolvedValue exp = key.value("properties.attributes.exp");
        if (exp.isMissing() || (exp.isKnown() && asLong(exp) == null)) {
            findings.add(violation(EXPIRY_PRESENT, key, "properties.attributes.exp",
                    "properties.attributes.exp is " + exp.describe() + "; without an expiry on the first key version"
                            + " Key Vault never raises KeyNearExpiry, so the expiry alert never fires.",
                    "Set properties.attributes.exp to a fixed expiry in epoch seconds, computed once and kept in the environment."));
        }
        if (exp.isExpression() && exp.expression().toLowerCase(Locale.ROOT).contains("utcnow(")) {
            findings.add(violation(EXPIRY_FIXED, key, "properties.attributes.exp",
                    "properties.attributes.exp is " + exp.describe() + "; a key PUT never updates an existing key, so"
                            + " a second deployment with a new expiry fails with KeyCreationParametersDidNotMatchExistingKey.",
                    "Compute the expiry once, keep it in the environment and pass it as a fixed epoch-seconds value."));
        }
    }

    private static String describePolicy(ResolvedValue releasePolicy) {
        if (releasePolicy.isKnown() && releasePolicy.value().isObject()) {
            JsonNode data = releasePolicy.value().path("data");
            return data.isMissingNode() ? "present without data" : releasePolicy.describe();
        }
        return releasePolicy.describe();
    }
}
