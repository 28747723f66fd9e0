package io.cvmkeys.dsl.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the process handling with fake CLIs: shell scripts that record their arguments and print fixed output.
 * They stand in for the Bicep CLI only to test timeouts, exit codes, diagnostics and the search.
 */
class BicepCliTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void missingCliIsNotAvailable() {
        BicepCli cli = BicepCli.locate(null, temp.resolve("empty-path").toString(), temp.resolve(".azure"), TIMEOUT);

        BicepResult result = cli.lint(temp.resolve("main.bicep"));

        assertThat(cli.isAvailable()).isFalse();
        assertThat(result.status()).isEqualTo(BicepStatus.NOT_AVAILABLE);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.reason()).isEqualTo("neither bicep nor az was found on PATH");
        assertThat(result.findings()).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BICEP-CLI", Severity.WARNING));
    }

    @Test
    void configuredPathMustBeExecutable() {
        Path configured = temp.resolve("tools").resolve("bicep");

        BicepCli cli = BicepCli.locate(configured, null, temp.resolve(".azure"), TIMEOUT);

        assertThat(cli.isAvailable()).isFalse();
        assertThat(cli.unavailableReason()).contains(configured.toString()).contains("is not an executable file");
        assertThat(cli.buildToStdout(temp.resolve("main.bicep")).status()).isEqualTo(BicepStatus.NOT_AVAILABLE);
    }

    @Test
    void bicepOnPathIsUsed() throws IOException {
        Path bin = script("bin", "bicep", "printf '%s\\n' \"$@\" > \"$0.args\"\nexit 0\n");

        BicepCli cli = BicepCli.locate(null, bin.getParent().toString(), temp.resolve(".azure"), TIMEOUT);
        BicepResult result = cli.lint(temp.resolve("main.bicep"));

        assertThat(cli.executable()).hasValue(new BicepExecutable(bin, false));
        assertThat(result.status()).isEqualTo(BicepStatus.SUCCEEDED);
        assertThat(result.findings()).isEmpty();
        assertThat(Files.readAllLines(Path.of(bin + ".args"))).containsExactly("lint", temp.resolve("main.bicep").toString());
    }

    @Test
    void buildToStdoutReturnsJson() throws IOException {
        Path bin = script("bin", "bicep", "printf '%s\\n' \"$@\" > \"$0.args\"\necho '{\"resources\": []}'\n");

        BicepResult result = BicepCli.of(new BicepExecutable(bin, false), TIMEOUT).buildToStdout(temp.resolve("main.bicep"));

        assertThat(result.status()).isEqualTo(BicepStatus.SUCCEEDED);
        assertThat(result.stdout().strip()).isEqualTo("{\"resources\": []}");
        assertThat(Files.readAllLines(Path.of(bin + ".args")))
                .containsExactly("build", temp.resolve("main.bicep").toString(), "--stdout");
    }

    @Test
    void warningsAreParsedOnSuccess() throws IOException {
        Path bin = script("bin", "bicep", "echo '" + temp + "/main.bicep(12,5) : Warning no-unused-params: "
                + "Parameter \"x\" is declared but never used. [https://aka.ms/bicep/linter/no-unused-params]' >&2\n"
                + "exit 0\n");

        BicepResult result = BicepCli.of(new BicepExecutable(bin, false), TIMEOUT).lint(temp.resolve("main.bicep"));

        assertThat(result.status()).isEqualTo(BicepStatus.SUCCEEDED);
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.findings()).extracting(Finding::ruleId, Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("no-unused-params", temp + "/main.bicep:12:5"));
    }

    @Test
    void errorDiagnosticExplainsExitCode() throws IOException {
        Path bin = script("bin", "bicep", "echo '" + temp + "/main.bicep(3,7) : Error BCP035: The specified "
                + "\"object\" declaration is missing the following required properties: \"location\".' >&2\n"
                + "exit 1\n");

        BicepResult result = BicepCli.of(new BicepExecutable(bin, false), TIMEOUT)
                .build(temp.resolve("main.bicep"), temp.resolve("main.json"));

        assertThat(result.status()).isEqualTo(BicepStatus.FAILED);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("BCP035");
        assertThat(result.reason()).contains("exit code 1").contains("BCP035");
    }

    @Test
    void nonZeroExitReportsStderr() throws IOException {
        Path bin = script("bin", "bicep", "echo 'Unhandled exception: cannot open file' >&2\nexit 2\n");

        BicepResult result = BicepCli.of(new BicepExecutable(bin, false), TIMEOUT).lint(temp.resolve("main.bicep"));

        assertThat(result.status()).isEqualTo(BicepStatus.FAILED);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("Unhandled exception: cannot open file");
        assertThat(result.findings()).hasSize(1);
        Finding finding = result.findings().get(0);
        assertThat(finding.ruleId()).isEqualTo("BICEP-CLI");
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).contains("failed with exit code 2").contains("Unhandled exception: cannot open file");
    }

    @Test
    @Timeout(30)
    void slowCliTimesOut() throws IOException {
        Path bin = script("bin", "bicep", "echo started\nsleep 25\necho finished\n");

        BicepResult result = BicepCli.of(new BicepExecutable(bin, false), Duration.ofMillis(500))
                .lint(temp.resolve("main.bicep"));

        assertThat(result.status()).isEqualTo(BicepStatus.TIMED_OUT);
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.stdout()).doesNotContain("finished");
        assertThat(result.reason()).contains("timed out after 500 ms");
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("BICEP-CLI");
    }

    @Test
    @Timeout(30)
    void largeOutputOnBothStreamsIsRead() throws IOException {
        // 200,000 bytes on each stream is more than a pipe buffer holds, so both must be read while it runs.
        Path bin = script("bin", "bicep",
                "head -c 200000 /dev/zero | tr '\\0' 'o'\nhead -c 200000 /dev/zero | tr '\\0' 'e' >&2\nexit 0\n");

        BicepResult result = BicepCli.of(new BicepExecutable(bin, false), TIMEOUT).lint(temp.resolve("main.bicep"));

        assertThat(result.status()).isEqualTo(BicepStatus.SUCCEEDED);
        assertThat(result.stdout()).hasSize(200_000);
        assertThat(result.stderr()).hasSize(200_000);
    }

    @Test
    void azureCliNeedsInstalledBicep() throws IOException {
        Path az = script("bin", "az", "exit 0\n");

        BicepCli cli = BicepCli.locate(null, az.getParent().toString(), temp.resolve(".azure"), TIMEOUT);

        assertThat(cli.isAvailable()).isFalse();
        assertThat(cli.unavailableReason()).contains("az bicep install").contains(temp.resolve(".azure").resolve("bin").toString());
    }

    @Test
    void azureCliCommandsUseFileOption() throws IOException {
        Path az = script("bin", "az", "printf '%s\\n' \"$@\" > \"$0.args\"\n"
                + "echo \"$AZURE_BICEP_CHECK_VERSION\" > \"$0.check\"\nexit 0\n");
        script(".azure/bin", "bicep", "exit 0\n");

        BicepCli cli = BicepCli.locate(null, az.getParent().toString(), temp.resolve(".azure"), TIMEOUT);
        BicepResult result = cli.format(temp.resolve("main.bicep"), temp.resolve("out.bicep"));

        assertThat(cli.executable()).hasValue(new BicepExecutable(az, true));
        assertThat(result.status()).isEqualTo(BicepStatus.SUCCEEDED);
        assertThat(Files.readAllLines(Path.of(az + ".args"))).containsExactly(
                "bicep", "format", "--file", temp.resolve("main.bicep").toString(),
                "--outfile", temp.resolve("out.bicep").toString());
        assertThat(Files.readString(Path.of(az + ".check")).strip()).isEqualTo("false");
    }

    @Test
    void standaloneBicepWinsOverAzureCli() throws IOException {
        Path az = script("bin", "az", "exit 0\n");
        Path bicep = script("bin", "bicep", "exit 0\n");

        BicepCli cli = BicepCli.locate(null, az.getParent().toString(), temp.resolve(".azure"), TIMEOUT);

        assertThat(cli.executable()).hasValue(new BicepExecutable(bicep, false));
    }

    @Test
    void configuredAzIsAzureCli() throws IOException {
        Path az = script("tools", "az", "exit 0\n");

        BicepCli cli = BicepCli.locate(az, null, temp.resolve(".azure"), TIMEOUT);

        assertThat(cli.executable()).hasValue(new BicepExecutable(az, true));
        assertThat(List.of(cli.unavailableReason())).containsExactly("");
    }

    private Path script(String folder, String name, String body) throws IOException {
        Path directory = Files.createDirectories(temp.resolve(folder));
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
