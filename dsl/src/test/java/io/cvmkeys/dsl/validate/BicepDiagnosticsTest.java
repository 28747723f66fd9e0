package io.cvmkeys.dsl.validate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BicepDiagnosticsTest {

    @Test
    void warningWithLinkBecomesFinding() {
        List<Finding> findings = BicepDiagnostics.parse(
                "/src/main.bicep(12,5) : Warning no-unused-params: Parameter \"x\" is declared but never used. "
                        + "[https://aka.ms/bicep/linter/no-unused-params]");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.ruleId()).isEqualTo("no-unused-params");
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.path()).isEqualTo("/src/main.bicep:12:5");
        assertThat(finding.message()).isEqualTo("Parameter \"x\" is declared but never used.");
        assertThat(finding.fix()).isEqualTo("See https://aka.ms/bicep/linter/no-unused-params");
    }

    @Test
    void errorWithoutLinkBecomesFinding() {
        List<Finding> findings = BicepDiagnostics.parse(
                "/src/main.bicep(3,7) : Error BCP035: The specified \"object\" declaration is missing the following "
                        + "required properties: \"location\".");

        assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BCP035", Severity.ERROR, "/src/main.bicep:3:7"));
        assertThat(findings.get(0).message()).endsWith("required properties: \"location\".");
        assertThat(findings.get(0).fix()).isEmpty();
    }

    @Test
    void infoAndPositionFormsAreParsed() {
        List<Finding> findings = BicepDiagnostics.parse(String.join("\n",
                "C:\\repo\\main.bicep(4,1) : Info use-recent-api-versions: Use a more recent API version.",
                "/src/a.bicep(9) : Warning BCP081: Resource type has no types available.",
                "/src/b.bicep(2,3,2,10) : Error BCP018: Expected the \"=\" character at this location."));

        assertThat(findings).extracting(Finding::severity)
                .containsExactly(Severity.INFO, Severity.WARNING, Severity.ERROR);
        assertThat(findings).extracting(Finding::path)
                .containsExactly("C:\\repo\\main.bicep:4:1", "/src/a.bicep:9:1", "/src/b.bicep:2:3");
    }

    @Test
    void otherLinesAreIgnored() {
        List<Finding> findings = BicepDiagnostics.parse(String.join("\n",
                "{",
                "  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",",
                "Bicep CLI version 0.30.23 (ec3612496f)",
                ""));

        assertThat(findings).isEmpty();
    }

    @Test
    void nullOutputGivesNoFindings() {
        assertThat(BicepDiagnostics.parse(null)).isEmpty();
    }
}
