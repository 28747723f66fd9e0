package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cvmkeys.dsl.policy.TestTemplates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuppressionTest {

    private static final String VAULT_TYPE = "Microsoft.KeyVault/vaults";
    private static final String VAULT_NAME = "[parameters('vaultName')]";

    @Test
    void templateSuppressionKeepsFindingWithReason() {
        ObjectNode template = publicVault();
        suppress(template, entry("CVMKEYS-KV-004", VAULT_TYPE, VAULT_NAME, "Public access needed during migration, ticket CHG-1234"));

        PolicyReport report = PolicyEngine.confidentialVmCmk().evaluate(template);

        assertThat(report.findings()).isEmpty();
        assertThat(report.passes()).isTrue();
        assertThat(report.suppressed()).singleElement().satisfies(suppressed -> {
            assertThat(suppressed.finding().ruleId()).isEqualTo("CVMKEYS-KV-004");
            assertThat(suppressed.reason()).isEqualTo("Public access needed during migration, ticket CHG-1234");
            assertThat(suppressed.suppression().source()).isEqualTo("$.metadata.cvmkeys.suppressions[0]");
            assertThat(suppressed.toLine()).endsWith("(suppressed: Public access needed during migration, ticket CHG-1234)");
        });
    }

    @Test
    void suppressionMatchesResolvedName() {
        ObjectNode template = publicVault();
        suppress(template, entry("CVMKEYS-KV-004", null, "kv-cmk-lint-weu-001", "Migration window"));

        PolicyReport report = PolicyEngine.confidentialVmCmk().evaluate(template);

        assertThat(report.suppressed()).hasSize(1);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void suppressionWithoutReasonIsErrorAndSuppressesNothing() {
        ObjectNode template = publicVault();
        suppress(template, entry("CVMKEYS-KV-004", VAULT_TYPE, VAULT_NAME, "  "));

        PolicyReport report = PolicyEngine.confidentialVmCmk().evaluate(template);

        assertThat(report.suppressed()).isEmpty();
        assertThat(report.errors()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("CVMKEYS-KV-004", "CVMKEYS-SUPPRESS-001");
        Finding invalid = report.errors().stream().filter(f -> f.ruleId().equals("CVMKEYS-SUPPRESS-001")).findFirst().orElseThrow();
        assertThat(invalid.path()).isEqualTo("$.metadata.cvmkeys.suppressions[0].reason");
        assertThat(invalid.message()).contains("CVMKEYS-KV-004").contains("has no reason");
    }

    @Test
    void suppressionWithoutRuleIdIsError() {
        ObjectNode template = publicVault();
        suppress(template, entry(null, VAULT_TYPE, VAULT_NAME, "Migration window"));

        PolicyReport report = PolicyEngine.confidentialVmCmk().evaluate(template);

        assertThat(report.errors()).extracting(Finding::ruleId).contains("CVMKEYS-SUPPRESS-001", "CVMKEYS-KV-004");
    }

    @Test
    void otherResourceNameIsNotSuppressed() {
        ObjectNode template = publicVault();
        suppress(template, entry("CVMKEYS-KV-004", VAULT_TYPE, "kv-other", "Only the other vault"));

        PolicyReport report = PolicyEngine.confidentialVmCmk().evaluate(template);

        assertThat(report.errors()).extracting(Finding::ruleId).containsExactly("CVMKEYS-KV-004");
        assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.INFO).extracting(Finding::ruleId)
                .containsExactly("CVMKEYS-SUPPRESS-003");
    }

    @Test
    void otherResourceTypeIsNotSuppressed() {
        ObjectNode template = publicVault();
        suppress(template, entry("CVMKEYS-KV-004", "Microsoft.Compute/diskEncryptionSets", null, "Wrong type"));

        assertThat(PolicyEngine.confidentialVmCmk().evaluate(template).errors()).extracting(Finding::ruleId)
                .containsExactly("CVMKEYS-KV-004");
    }

    @Test
    void unknownRuleIdIsWarning() {
        ObjectNode template = TestTemplates.good();
        suppress(template, entry("CVMKEYS-KV-404", null, null, "Typo"));

        PolicyReport report = PolicyEngine.confidentialVmCmk().evaluate(template);

        assertThat(report.findingsAtLeast(Severity.WARNING)).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CVMKEYS-SUPPRESS-002");
            assertThat(finding.message()).contains("CVMKEYS-KV-404");
        });
    }

    @Test
    void suppressionsNotAnArrayIsError() {
        ObjectNode template = TestTemplates.good();
        set(template, "metadata.cvmkeys.suppressions", Map.of("ruleId", "CVMKEYS-KV-004"));

        assertThat(PolicyEngine.confidentialVmCmk().evaluate(template).errors()).extracting(Finding::ruleId)
                .containsExactly("CVMKEYS-SUPPRESS-001");
    }

    @Test
    void programmaticSuppressionApplies() {
        PolicyEngine engine = PolicyEngine.confidentialVmCmk()
                .withSuppression(Suppression.of("CVMKEYS-KV-004", VAULT_TYPE, VAULT_NAME, "Approved exception EX-77"));

        PolicyReport report = engine.evaluate(publicVault());

        assertThat(report.findings()).isEmpty();
        assertThat(report.suppressed()).singleElement().extracting(SuppressedFinding::reason).isEqualTo("Approved exception EX-77");
    }

    @Test
    void programmaticSuppressionNeedsReason() {
        assertThatThrownBy(() -> Suppression.of("CVMKEYS-KV-004", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CVMKEYS-KV-004 has no reason");
    }

    @Test
    void suppressionFindingsCannotBeSuppressed() {
        ObjectNode template = TestTemplates.good();
        suppress(template, entry("CVMKEYS-KV-004", null, null, ""));
        PolicyEngine engine = PolicyEngine.confidentialVmCmk()
                .withSuppression(Suppression.of("CVMKEYS-SUPPRESS-001", "Trying to hide the invalid suppression"));

        PolicyReport report = engine.evaluate(template);

        assertThat(report.errors()).extracting(Finding::ruleId).containsExactly("CVMKEYS-SUPPRESS-001");
    }

    private static ObjectNode publicVault() {
        ObjectNode template = TestTemplates.good();
        set(template, "resources[0].properties.publicNetworkAccess", "Enabled");
        return template;
    }

    private static Map<String, String> entry(String ruleId, String resourceType, String resourceName, String reason) {
        Map<String, String> entry = new LinkedHashMap<>();
        if (ruleId != null) {
            entry.put("ruleId", ruleId);
        }
        if (resourceType != null) {
            entry.put("resourceType", resourceType);
        }
        if (resourceName != null) {
            entry.put("resourceName", resourceName);
        }
        entry.put("reason", reason);
        return entry;
    }

    private static void suppress(ObjectNode template, Map<String, String> entry) {
        List<Map<String, String>> entries = new ArrayList<>();
        entries.add(entry);
        set(template, "metadata.cvmkeys.suppressions", entries);
    }
}
