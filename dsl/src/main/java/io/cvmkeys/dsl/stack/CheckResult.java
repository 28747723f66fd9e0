package io.cvmkeys.dsl.stack;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.List;

/**
 * Outcome of one check on one stage.
 *
 * @param check    the check's name
 * @param status   whether it ran
 * @param detail   why it did not run, or empty
 * @param findings what it found; empty when it passed
 */
public record CheckResult(String check, Status status, String detail, List<Finding> findings) {

    /** Whether a check ran. A check that did not run never counts as passed. */
    public enum Status { RAN, NOT_AVAILABLE }

    public CheckResult {
        findings = List.copyOf(findings);
        detail = detail == null ? "" : detail;
    }

    public static CheckResult ran(String check, List<Finding> findings) {
        return new CheckResult(check, Status.RAN, "", findings);
    }

    public static CheckResult notAvailable(String check, String reason) {
        return new CheckResult(check, Status.NOT_AVAILABLE, reason, List.of());
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
    }

    /** Formats one line for logs and reports: passed, the finding counts, or not available with the reason. */
    public String summaryLine() {
        if (status == Status.NOT_AVAILABLE) {
            return check + ": not available (" + detail + ")";
        }
        if (findings.isEmpty()) {
            return check + ": passed";
        }
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long infos = findings.size() - errors - warnings;
        return check + ": " + errors + " errors, " + warnings + " warnings, " + infos + " infos";
    }
}
