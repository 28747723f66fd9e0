package io.cvmkeys.engine.doctor;

import java.time.Instant;
import java.util.List;

/**
 * The findings of one doctor run against one environment.
 *
 * @param environment    environment name, such as {@code prd}
 * @param subscriptionId the subscription checked
 * @param checkedAt      the injected clock's time when the run started; expiry is measured from it
 * @param findings       errors first, then warnings, each group in check order
 */
public record DoctorReport(String environment, String subscriptionId, Instant checkedAt, List<Finding> findings) {

    public DoctorReport {
        findings = findings.stream()
                .sorted((left, right) -> left.severity().compareTo(right.severity()))
                .toList();
    }

    public List<Finding> errors() {
        return findings.stream().filter(finding -> finding.severity() == Severity.ERROR).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(finding -> finding.severity() == Severity.WARNING).toList();
    }

    public DoctorStatus status() {
        if (!errors().isEmpty()) {
            return DoctorStatus.ERRORS;
        }
        return warnings().isEmpty() ? DoctorStatus.HEALTHY : DoctorStatus.WARNINGS;
    }
}
