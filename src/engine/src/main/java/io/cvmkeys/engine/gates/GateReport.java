package io.cvmkeys.engine.gates;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.List;
import java.util.Set;

/**
 * Outcome of the gates: findings, each with a reason and a fix, and the existing keys whose PUT is skipped because
 * they already match the template.
 *
 * @param keysToSkip resource ids of {@code Microsoft.KeyVault/vaults/keys} resources to remove from their stage
 */
public record GateReport(List<Finding> findings, Set<String> keysToSkip) {

    public GateReport {
        findings = List.copyOf(findings);
        keysToSkip = Set.copyOf(keysToSkip);
    }

    /** Returns whether any finding is an error, which stops the deployment before its first write. */
    public boolean blocked() {
        return findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
    }

    public List<String> lines() {
        return findings.stream().map(Finding::toLine).toList();
    }
}
