package io.cvmkeys.dsl.validate;

import java.util.List;
import java.util.Objects;

/**
 * Result of one Bicep CLI call.
 *
 * @param status   what happened
 * @param command  the command line that was run, empty when no CLI was available
 * @param exitCode the process exit code, or -1 when the process did not exit on its own or never started
 * @param stdout   standard output, for example the ARM JSON of {@code build --stdout}
 * @param stderr   standard error, where the CLI writes its diagnostics
 * @param findings the parsed diagnostics, plus one finding that explains a failure, timeout or missing CLI
 * @param reason   why the status is not {@link BicepStatus#SUCCEEDED}, or empty
 */
public record BicepResult(BicepStatus status, List<String> command, int exitCode, String stdout, String stderr,
                          List<Finding> findings, String reason) {

    public BicepResult {
        Objects.requireNonNull(status, "status");
        command = List.copyOf(command);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        findings = List.copyOf(findings);
        reason = reason == null ? "" : reason;
    }

    static BicepResult notAvailable(String reason) {
        Finding finding = new Finding(BicepCli.RULE_ID, Severity.WARNING, "", "",
                "Bicep CLI not available, so the Bicep check did not run: " + reason,
                "Install the Bicep CLI, put it on PATH or configure its path.");
        return new BicepResult(BicepStatus.NOT_AVAILABLE, List.of(), -1, "", "", List.of(finding), reason);
    }

    /** Returns true when the CLI ran and exited with code 0. */
    public boolean succeeded() {
        return status == BicepStatus.SUCCEEDED;
    }

    /** Returns true when any finding is an error. A missing CLI is not an error, but it is not a pass either. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
    }
}
