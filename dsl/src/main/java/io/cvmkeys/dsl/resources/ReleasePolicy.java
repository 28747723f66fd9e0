package io.cvmkeys.dsl.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A key release policy: the rules under which Key Vault releases an exportable key, here into a Confidential VM
 * after attestation. ARM carries it as {@code release_policy} with base64url-encoded JSON in {@code data}.
 */
public final class ReleasePolicy {

    /** Content type Key Vault expects for a JSON policy. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String policyJson;

    private ReleasePolicy(String policyJson) {
        this.policyJson = Objects.requireNonNull(policyJson, "policyJson");
    }

    /**
     * The standard Confidential VM policy, as {@code az keyvault key create --default-cvm-policy} writes it: one
     * {@code anyOf} entry for the region's Microsoft Azure Attestation authority that requires the claim
     * {@code x-ms-compliance-status} to equal {@code azure-compliant-cvm}. It does not pin
     * {@code x-ms-attestation-type}, so both AMD SEV-SNP and Intel TDX Confidential VMs can release the key.
     *
     * @param attestationAuthority the attestation endpoint, for example {@code https://sharedweu.weu.attest.azure.net}
     */
    public static ReleasePolicy confidentialVm(String attestationAuthority) {
        if (attestationAuthority == null || !attestationAuthority.startsWith("https://")) {
            throw new IllegalArgumentException("Attestation authority '" + attestationAuthority
                    + "' is not an https URL. Use the region's Microsoft Azure Attestation endpoint,"
                    + " for example https://sharedweu.weu.attest.azure.net.");
        }
        ObjectNode policy = JSON.createObjectNode();
        policy.put("version", "1.0.0");
        ObjectNode anyOf = policy.putArray("anyOf").addObject();
        anyOf.put("authority", attestationAuthority);
        ObjectNode claim = anyOf.putArray("allOf").addObject();
        claim.put("claim", "x-ms-compliance-status");
        claim.put("equals", "azure-compliant-cvm");
        return new ReleasePolicy(policy.toString());
    }

    /** A policy given as JSON text; it is checked to be a JSON object. */
    public static ReleasePolicy ofJson(String policyJson) {
        try {
            if (!JSON.readTree(policyJson).isObject()) {
                throw new IllegalArgumentException("A release policy must be a JSON object, got: " + policyJson);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Release policy is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return new ReleasePolicy(policyJson);
    }

    public String json() {
        return policyJson;
    }

    /** The policy as ARM's {@code release_policy.data}: base64url without padding. */
    public String data() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(policyJson.getBytes(StandardCharsets.UTF_8));
    }
}
