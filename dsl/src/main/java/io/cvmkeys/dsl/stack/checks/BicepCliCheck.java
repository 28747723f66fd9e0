package io.cvmkeys.dsl.stack.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.stack.CheckResult;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.dsl.stack.TemplateCheck;
import io.cvmkeys.dsl.validate.BicepBuildComparison;
import io.cvmkeys.dsl.validate.BicepCli;
import io.cvmkeys.dsl.validate.BicepResult;
import io.cvmkeys.dsl.validate.BicepStatus;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.write.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cross-checks each stage with the Bicep CLI: {@code bicep build} must compile the emitted Bicep to the same
 * resources as the emitted ARM JSON, and {@code bicep lint} must report no errors. Without the CLI the check
 * reports itself not available.
 */
public final class BicepCliCheck implements TemplateCheck {

    public static final String NAME = "Bicep CLI build and lint";

    private final BicepCli cli;

    public BicepCliCheck(BicepCli cli) {
        this.cli = cli;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(Stage stage, JsonNode armTemplate, JsonNode armParameters, String bicep) {
        if (!cli.isAvailable()) {
            return CheckResult.notAvailable(NAME, cli.unavailableReason());
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("cvmkeys-bicep-");
            Path bicepFile = folder.resolve(stage.name() + ".bicep");
            Files.writeString(bicepFile, bicep);

            List<Finding> findings = new ArrayList<>();
            BicepResult build = cli.build(bicepFile, folder.resolve(stage.name() + ".built.json"));
            findings.addAll(build.findings());
            if (build.status() == BicepStatus.SUCCEEDED) {
                JsonNode built = Json.MAPPER.readTree(folder.resolve(stage.name() + ".built.json").toFile());
                findings.addAll(BicepBuildComparison.compare(built, armTemplate));
            }
            findings.addAll(cli.lint(bicepFile).findings());
            return CheckResult.ran(NAME, findings);
        } catch (IOException e) {
            throw new UncheckedIOException("Bicep cross-check of stage " + stage.name() + " failed in " + folder, e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the check result does not depend on it.
        }
    }
}
