package io.cvmkeys.dsl.validate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the Bicep CLI as a separate process: {@code build}, {@code lint} and {@code format}.
 *
 * <p>The CLI is found by {@link #locate(Path, Duration)}: a configured path, {@code bicep} on {@code PATH}, or
 * {@code az} with an installed Bicep CLI, in which case the commands become {@code az bicep build --file ...}.
 * When none is found every operation returns {@link BicepStatus#NOT_AVAILABLE} with the reason, never a pass.
 * Diagnostics are parsed into findings whose rule id is the diagnostic code, for example {@code BCP035}.
 *
 * <p>Through {@code az}, the calls run with {@code AZURE_BICEP_CHECK_VERSION=false}, so that {@code az bicep}
 * does not look online for a newer Bicep release, and {@code az} is used only when its Bicep CLI is already
 * installed, so that it never downloads one.
 */
public final class BicepCli {

    /** Rule id of findings about the CLI itself: a failure without diagnostics, a timeout, a missing CLI. */
    public static final String RULE_ID = "BICEP-CLI";

    /** System property with the path to {@code bicep} or {@code az}, used by {@link #locate()}. */
    public static final String PATH_PROPERTY = "cvmkeys.bicep";

    /** Time a single call may take before it is stopped. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final BicepExecutable executable;
    private final String unavailableReason;
    private final Duration timeout;

    private BicepCli(BicepExecutable executable, String unavailableReason, Duration timeout) {
        this.executable = executable;
        this.unavailableReason = unavailableReason;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Bicep CLI timeout must be positive, but was " + timeout);
        }
    }

    /** Uses the given executable, for example one that a build tool has already resolved. */
    public static BicepCli of(BicepExecutable executable, Duration timeout) {
        return new BicepCli(Objects.requireNonNull(executable, "executable"), "", timeout);
    }

    /**
     * Finds the CLI from the system property {@value #PATH_PROPERTY}, then {@code PATH}, with the default
     * timeout of 60 seconds.
     */
    public static BicepCli locate() {
        String configured = System.getProperty(PATH_PROPERTY);
        return locate(configured == null || configured.isBlank() ? null : Path.of(configured), DEFAULT_TIMEOUT);
    }

    /**
     * Finds the CLI.
     *
     * @param configured path to {@code bicep} or {@code az}, or null to search {@code PATH}
     * @param timeout    time a single call may take
     */
    public static BicepCli locate(Path configured, Duration timeout) {
        String azureConfigDir = System.getenv("AZURE_CONFIG_DIR");
        Path configDir = azureConfigDir == null || azureConfigDir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".azure")
                : Path.of(azureConfigDir);
        return locate(configured, System.getenv("PATH"), configDir, timeout);
    }

    static BicepCli locate(Path configured, String pathVariable, Path azureConfigDir, Duration timeout) {
        BicepCliLocator.Located located = BicepCliLocator.locate(configured, pathVariable, azureConfigDir);
        return new BicepCli(located.executable(), located.reason(), timeout);
    }

    /** Returns the executable in use, or empty when none was found. */
    public Optional<BicepExecutable> executable() {
        return Optional.ofNullable(executable);
    }

    /** Returns why no CLI is available, or an empty string when one is. */
    public String unavailableReason() {
        return unavailableReason;
    }

    public boolean isAvailable() {
        return executable != null;
    }

    /** Compiles {@code bicepFile} to ARM JSON in {@code outputFile}. */
    public BicepResult build(Path bicepFile, Path outputFile) {
        return run("build", bicepFile, List.of("--outfile", outputFile.toString()));
    }

    /** Compiles {@code bicepFile}; the ARM JSON is in {@link BicepResult#stdout()}. */
    public BicepResult buildToStdout(Path bicepFile) {
        return run("build", bicepFile, List.of("--stdout"));
    }

    /** Runs the linter. Its warnings and errors are the findings of the result. */
    public BicepResult lint(Path bicepFile) {
        return run("lint", bicepFile, List.of());
    }

    /** Formats {@code bicepFile} into {@code outputFile}, leaving the input unchanged. */
    public BicepResult format(Path bicepFile, Path outputFile) {
        return run("format", bicepFile, List.of("--outfile", outputFile.toString()));
    }

    /** Formats {@code bicepFile}; the formatted text is in {@link BicepResult#stdout()}. */
    public BicepResult formatToStdout(Path bicepFile) {
        return run("format", bicepFile, List.of("--stdout"));
    }

    private BicepResult run(String subcommand, Path file, List<String> options) {
        if (executable == null) {
            return BicepResult.notAvailable(unavailableReason);
        }
        List<String> command = executable.command(subcommand, file, options);
        ProcessRunner.Outcome outcome = ProcessRunner.run(command, executable.environment(), null, timeout);

        if (outcome.startError() != null) {
            String reason = "failed to start " + command.get(0) + ": " + outcome.startError();
            return failure(BicepStatus.FAILED, command, outcome, reason, List.of());
        }
        List<Finding> diagnostics = new ArrayList<>(BicepDiagnostics.parse(outcome.stderr()));
        diagnostics.addAll(BicepDiagnostics.parse(outcome.stdout()));

        if (outcome.timedOut()) {
            String reason = "bicep " + subcommand + " timed out after " + describe(timeout) + " on " + file;
            return failure(BicepStatus.TIMED_OUT, command, outcome, reason, diagnostics);
        }
        if (outcome.exitCode() != 0) {
            String reason = "bicep " + subcommand + " failed with exit code " + outcome.exitCode() + " on " + file
                    + (outcome.stderr().isBlank() ? "" : ": " + outcome.stderr().strip());
            return failure(BicepStatus.FAILED, command, outcome, reason, diagnostics);
        }
        return new BicepResult(BicepStatus.SUCCEEDED, command, 0, outcome.stdout(), outcome.stderr(), diagnostics, "");
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** Adds a finding that explains the failure, unless a parsed error diagnostic already does. */
    private static BicepResult failure(BicepStatus status, List<String> command, ProcessRunner.Outcome outcome,
                                       String reason, List<Finding> diagnostics) {
        List<Finding> findings = new ArrayList<>(diagnostics);
        boolean explained = status == BicepStatus.FAILED
                && diagnostics.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
        if (!explained) {
            String fix = status == BicepStatus.TIMED_OUT
                    ? "Raise the Bicep CLI timeout, or check that the CLI can run without prompting."
                    : "Run the command by hand to see the full output: " + String.join(" ", command);
            findings.add(new Finding(RULE_ID, Severity.ERROR, "", "", reason, fix));
        }
        return new BicepResult(status, command, outcome.exitCode(), outcome.stdout(), outcome.stderr(), findings, reason);
    }
}
