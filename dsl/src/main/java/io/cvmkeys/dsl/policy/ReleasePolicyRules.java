package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.cvmkeys.dsl.policy.RuleSupport.check;
import static io.cvmkeys.dsl.policy.RuleSupport.notChecked;
import static io.cvmkeys.dsl.policy.RuleSupport.violation;

/**
 * Rules for the content of a key's {@code release_policy}: its {@code data} is the base64url-encoded policy JSON
 * that Key Vault evaluates against the attestation token of the VM asking for the key.
 *
 * <p>The standard Confidential VM policy (what {@code az keyvault key create --default-cvm-policy} writes) requires
 * the claim {@code x-ms-compliance-status} to equal {@code azure-compliant-cvm}, which both AMD SEV-SNP and Intel
 * TDX confidential VMs satisfy.
 */
public final class ReleasePolicyRules implements PolicyRule {

    public static final RuleDescriptor COMPLIANCE_CLAIM = new RuleDescriptor("CVMKEYS-KEY-007", Severity.ERROR,
            "Release policy requires x-ms-compliance-status azure-compliant-cvm");
    public static final RuleDescriptor NO_SEV_SNP_PIN = new RuleDescriptor("CVMKEYS-KEY-008", Severity.ERROR,
            "Release policy does not pin x-ms-attestation-type to sevsnpvm");

    public static final RuleDescriptor CONTENT_TYPE = new RuleDescriptor("CVMKEYS-KEY-017", Severity.WARNING,
            "Release policy content type is application/json; charset=utf-8");

    private static final String DATA = "properties.release_policy.data";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(COMPLIANCE_CLAIM, NO_SEV_SNP_PIN, CONTENT_TYPE);
    }

    @Override
    public List<Finding> evaluate(PolicyContext context) {
        List<Finding> findings = new ArrayList<>();
        for (TemplateResource key : KeyRules.keysOf(context)) {
            ResolvedValue data = key.value(DATA);
            if (data.isMissing()) {
                // A missing policy is reported by CVMKEYS-KEY-006.
                continue;
            }
            check(findings, CONTENT_TYPE, key, "properties.release_policy.contentType",
                    value -> value.isMissing()
                            || (value.asText() != null && value.asText().replace(" ", "").equalsIgnoreCase("application/json;charset=utf-8")),
                    "Key Vault reads the policy as 'application/json; charset=utf-8' (the default when contentType is missing).",
                    "Set properties.release_policy.contentType to 'application/json; charset=utf-8'.");
            if (data.isExpression()) {
                findings.add(notChecked(COMPLIANCE_CLAIM, key, DATA, data));
                continue;
            }
            evaluatePolicy(key, data, findings);
        }
        return findings;
    }

    private static void evaluatePolicy(TemplateResource key, ResolvedValue data, List<Finding> findings) {
        JsonNode policy = decode(data.asText());
        if (policy == null) {
            findings.add(violation(COMPLIANCE_CLAIM, key, DATA,
                    DATA + " does not decode to a JSON policy (expected base64url of the policy JSON).",
                    "Set " + DATA + " to the base64url encoding of the release policy JSON."));
            return;
        }

        if (!hasClaim(policy, "x-ms-compliance-status", "azure-compliant-cvm")) {
            findings.add(violation(COMPLIANCE_CLAIM, key, DATA,
                    "the decoded release policy " + policy + " has no condition x-ms-compliance-status equals"
                            + " azure-compliant-cvm, so a Confidential VM's attestation does not release the key.",
                    "Use the standard Confidential VM policy: version 1.0.0, one anyOf entry with the region's attestation"
                            + " authority and allOf [{claim: x-ms-compliance-status, equals: azure-compliant-cvm}]."));
        }
        if (hasClaim(policy, "x-ms-attestation-type", "sevsnpvm")) {
            findings.add(violation(NO_SEV_SNP_PIN, key, DATA,
                    "the decoded release policy pins x-ms-attestation-type to sevsnpvm, so Intel TDX confidential VMs"
                            + " cannot get the key.",
                    "Remove the x-ms-attestation-type condition and rely on x-ms-compliance-status equals azure-compliant-cvm."));
        }
    }

    /** Decodes base64url (the format Key Vault documents) or standard base64, padded or not; null when it fails. */
    static JsonNode decode(String data) {
        if (data == null || data.isBlank()) {
            return null;
        }
        String trimmed = data.trim();
        for (Base64.Decoder decoder : List.of(Base64.getUrlDecoder(), Base64.getDecoder())) {
            try {
                JsonNode policy = MAPPER.readTree(new String(decoder.decode(trimmed), StandardCharsets.UTF_8));
                if (policy != null && policy.isObject()) {
                    return policy;
                }
            } catch (IllegalArgumentException | JsonProcessingException e) {
                // Try the next alphabet; the caller reports a policy that decodes with neither.
            }
        }
        return null;
    }

    /** Returns true when any condition below {@code node} compares {@code claim} with {@code expected}, ignoring case. */
    private static boolean hasClaim(JsonNode node, String claim, String expected) {
        if (node.isObject()) {
            JsonNode equals = node.get("equals");
            if (claim.equalsIgnoreCase(node.path("claim").asText())
                    && equals != null && expected.equalsIgnoreCase(equals.asText())) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (hasClaim(child, claim, expected)) {
                return true;
            }
        }
        return false;
    }
}
