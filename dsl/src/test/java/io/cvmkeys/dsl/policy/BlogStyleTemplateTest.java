package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A Key Vault module as tutorials write it, which cannot serve Confidential VMs. */
class BlogStyleTemplateTest {

    private final PolicyReport report = PolicyEngine.confidentialVmCmk().evaluate(TestTemplates.load("blog-style-keyvault.json"));

    @Test
    void reportsExactlyTheConfidentialVmDefects() {
        assertThat(report.ruleIds(Severity.WARNING)).as(report.toText()).containsExactly(
                "CVMKEYS-KEY-001",
                "CVMKEYS-KEY-005",
                "CVMKEYS-KEY-006",
                "CVMKEYS-KEY-009",
                "CVMKEYS-ROLE-003");
        assertThat(report.passes()).isFalse();
    }

    @Test
    void softwareKeyMessageNamesKeyAndValue() {
        Finding kty = report.findings().stream().filter(finding -> finding.ruleId().equals("CVMKEYS-KEY-001")).findFirst().orElseThrow();

        assertThat(kty.resource()).isEqualTo("resources[1] Microsoft.KeyVault/vaults/keys '[concat(parameters('kvName'), '/', parameters('cmkName'))]'");
        assertThat(kty.path()).isEqualTo("$.resources[1].properties.kty");
        assertThat(kty.message()).contains("properties.kty is 'RSA'").contains("software-protected");
        assertThat(kty.fix()).contains("RSA-HSM");
    }

    @Test
    void missingReleaseRoleNamesOrchestrator() {
        Finding role = report.findings().stream().filter(finding -> finding.ruleId().equals("CVMKEYS-ROLE-003")).findFirst().orElseThrow();

        assertThat(role.message()).contains("08bbd89e-9f13-488c-ac41-acfcb10c90ab").contains("Confidential VM Orchestrator");
        assertThat(role.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void capitalisedNotifyIsAccepted() {
        assertThat(report.findings()).noneMatch(finding -> finding.ruleId().equals("CVMKEYS-KEY-012"));
    }
}
