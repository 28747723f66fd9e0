package io.cvmkeys.engine.run;

import io.cvmkeys.engine.EngineResult;
import io.cvmkeys.modules.stack.CmkStackDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner behind the CLI and the Maven goals, on the embedded emulator with the reference environment. */
class StackRunnerTest {

    private static final Path SAMPLE_ENV = Path.of("../../samples/avd-cmk/env");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();

    private RunRequest request(Path environmentDirectory, String environment, String target, boolean approved) {
        return new RunRequest(environmentDirectory, environment, new CmkStackDefinition(), List.of(), project, target,
                null, null, null, approved, false);
    }

    @Test
    void deployTwiceOnEmulatorEndsWithNoChanges() {
        StackRunner runner = new StackRunner(TODAY);

        EngineResult first = runner.deploy(request(SAMPLE_ENV, "prd", RunRequest.TARGET_EMULATOR, true), log::add);
        EngineResult second = runner.deploy(request(SAMPLE_ENV, "prd", RunRequest.TARGET_EMULATOR, true), log::add);

        assertThat(first.status()).isEqualTo(EngineResult.Status.DONE);
        assertThat(second.status()).isEqualTo(EngineResult.Status.NO_CHANGES);
        assertThat(log).anyMatch(line -> line.contains("Nothing is sent to Azure."));
        assertThat(log).anyMatch(line -> line.startsWith("Created resource group rg-avd-cmk-prd-weu-001 in the emulator"));
        assertThat(project.resolve("generated/prd/outputs.json")).isRegularFile();
        assertThat(project.resolve("target/cvmkeys-emulator")).isDirectory();
    }

    @Test
    void deployWithoutApprovalStopsAfterWhatIf() {
        EngineResult result = new StackRunner(TODAY).deploy(request(SAMPLE_ENV, "prd", RunRequest.TARGET_EMULATOR, false),
                log::add);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.message()).isEqualTo("not deployed: 11 changes pending approval");
        assertThat(project.resolve("target/cvmkeys/prd/plan.md")).isRegularFile();
        assertThat(project.resolve("generated/prd/outputs.json")).doesNotExist();
    }

    @Test
    void invalidEnvironmentIsInvalidInput() throws IOException {
        Path environments = Files.createDirectories(project.resolve("env"));
        Files.writeString(environments.resolve("prd.json"),
                Files.readString(SAMPLE_ENV.resolve("prd.json")).replace("\"size\": 3072", "\"size\": 1024"));

        EngineResult result = new StackRunner(TODAY).deploy(request(environments, "prd", RunRequest.TARGET_EMULATOR, true),
                log::add);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.message()).contains("$.key.size: 1024 is invalid");
        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    void unknownTargetIsInvalidInput() {
        EngineResult result = new StackRunner(TODAY).whatIf(request(SAMPLE_ENV, "prd", "staging", false), log::add);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.message()).isEqualTo("Unknown target 'staging'. Use azure or emulator.");
    }
}
