package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cvmkeys.dsl.policy.TestTemplates.remove;
import static io.cvmkeys.dsl.policy.TestTemplates.set;
import static org.assertj.core.api.Assertions.assertThat;

/** Messages name the value found and the reason, and never print a secret. */
class FindingMessagesTest {

    private static final String SECRET = "https://hooks.invalid/services/T0/B0/secret-token";
    private static final String KEY = "resources[1].properties.";

    @Test
    void policyOnNonExportableKeyNamesServiceError() {
        ObjectNode template = TestTemplates.good();
        set(template, KEY + "attributes.exportable", false);

        Finding finding = only(template, "CVMKEYS-KEY-005");

        assertThat(finding.message()).contains("properties.attributes.exportable is false").contains("AKV.SKR.1005");
    }

    @Test
    void exportableKeyWithoutPolicyNamesServiceError() {
        ObjectNode template = TestTemplates.good();
        remove(template, KEY + "release_policy");

        Finding finding = only(template, "CVMKEYS-KEY-006");

        assertThat(finding.message()).contains("properties.release_policy is missing").contains("AKV.SKR.1004");
    }

    @Test
    void versionlessReferenceNamesExpression() {
        ObjectNode template = TestTemplates.good();
        set(template, "resources[5].properties.activeKey.keyUrl", "[reference(variables('keyId'), '2023-07-01').keyUri]");

        Finding finding = only(template, "CVMKEYS-DES-002");

        assertThat(finding.resource()).isEqualTo("resources[5] Microsoft.Compute/diskEncryptionSets '[parameters('desName')]'");
        assertThat(finding.path()).isEqualTo("$.resources[5].properties.activeKey.keyUrl");
        assertThat(finding.message()).contains("the expression [reference(variables('keyId'), '2023-07-01').keyUri]");
        assertThat(finding.fix()).contains("keyUriWithVersion");
    }

    @Test
    void versionedLiteralKeyUrlPasses() {
        ObjectNode template = TestTemplates.good();
        set(template, "resources[5].properties.activeKey.keyUrl",
                "https://kv-cmk-lint-weu-001.vault.azure.net/keys/cmk-lint-weu-001/0f1e2d3c4b5a69788796a5b4c3d2e1f0");

        assertThat(PolicyEngine.confidentialVmCmk().evaluate(template).findings()).isEmpty();
    }

    @Test
    void webhookSecretIsNeverPrinted() {
        ObjectNode template = TestTemplates.good();
        set(template, "resources[6].properties.webhookReceivers[0].serviceUri", SECRET);
        set(template, "parameters.otherHook", Map.of("type", "secureString", "defaultValue", SECRET));
        set(template, "parameters.plainHook", Map.of("type", "string", "defaultValue", SECRET));
        ((ObjectNode) template.at("/resources/6/properties")).withArray("webhookReceivers").addObject()
                .put("name", "plain").put("serviceUri", "[parameters('plainHook')]").put("useCommonAlertSchema", true);

        PolicyReport report = PolicyEngine.confidentialVmCmk().evaluate(template);

        assertThat(report.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("CVMKEYS-ALERT-005", "CVMKEYS-ALERT-005", "CVMKEYS-PARAM-001");
        assertThat(report.toText()).doesNotContain("secret-token");
        assertThat(report.toJson().toString()).doesNotContain("secret-token");
    }

    @Test
    void rotationTriggerNamesBothDurations() {
        ObjectNode template = TestTemplates.good();
        set(template, KEY + "rotationPolicy.attributes.expiryTime", "P30D");
        set(template, KEY + "rotationPolicy.lifetimeActions[0].trigger.timeBeforeExpiry", "P28D");

        Finding finding = only(template, "CVMKEYS-KEY-015");

        assertThat(finding.message()).contains("timeBeforeExpiry is 'P28D'").contains("expiryTime 'P30D'");
    }

    @Test
    void reportAsJson() {
        ObjectNode template = TestTemplates.good();
        set(template, "resources[0].properties.publicNetworkAccess", "Enabled");
        set(template, "resources[0].properties.softDeleteRetentionInDays", 30);
        set(template, "metadata.cvmkeys.suppressions", List.of(Map.of("ruleId", "CVMKEYS-KV-004", "reason", "Migration window")));

        ObjectNode json = PolicyEngine.confidentialVmCmk().evaluate(template).toJson();

        assertThat(json.get("passes").booleanValue()).isTrue();
        assertThat(json.at("/findings/0/ruleId").asText()).isEqualTo("CVMKEYS-KV-008");
        assertThat(json.at("/findings/0/severity").asText()).isEqualTo("warning");
        assertThat(json.at("/suppressed/0/ruleId").asText()).isEqualTo("CVMKEYS-KV-004");
        assertThat(json.at("/suppressed/0/reason").asText()).isEqualTo("Migration window");
        assertThat(json.at("/suppressed/0/source").asText()).isEqualTo("$.metadata.cvmkeys.suppressions[0]");
    }

    @Test
    void managedHsmKeyNeedsNoVaultRoles() {
        ObjectNode template = TestTemplates.good();
        set(template, "resources[1].type", "Microsoft.KeyVault/managedHSMs/keys");
        remove(template, "resources[4]");
        remove(template, "resources[3]");

        PolicyReport report = PolicyEngine.confidentialVmCmk().evaluate(template);

        assertThat(report.findingsAtLeast(Severity.INFO)).as(report.toText()).isEmpty();
    }

    private static Finding only(ObjectNode template, String ruleId) {
        List<Finding> findings = PolicyEngine.confidentialVmCmk().evaluate(template).findings();
        assertThat(findings).as("findings").extracting(Finding::ruleId).containsExactly(ruleId);
        return findings.get(0);
    }
}
