package io.cvmkeys.modules.lint;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.nio.file.Path;
import java.util.List;

/**
 * The findings of one linted template.
 *
 * @param suppressed how many findings the template's own suppressions accepted
 */
public record FileReport(Path file, List<Finding> findings, int suppressed) {

    public FileReport {
        findings = List.copyOf(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }
}
