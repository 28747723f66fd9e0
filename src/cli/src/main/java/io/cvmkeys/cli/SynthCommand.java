package io.cvmkeys.cli;

import io.cvmkeys.dsl.stack.StageCheckResult;
import io.cvmkeys.modules.StackDefinition;
import io.cvmkeys.modules.synth.StandardChecks;
import io.cvmkeys.modules.synth.SynthRequest;
import io.cvmkeys.modules.synth.SynthService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code cvmkeys synth}: writes the reviewable templates of one environment into {@code generated/<env>/}. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Check an environment and write its ARM, Bicep and parameter files, main.bicep and README.md.")
final class SynthCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", required = true, description = "Environment name; reads <env-dir>/<env>.json, .yaml or .yml.")
    private String environment;

    @Option(names = "--env-dir", defaultValue = "env", description = "Folder of the environment files (default: ${DEFAULT-VALUE}).")
    private Path environmentDirectory;

    @Option(names = "--out", defaultValue = "generated", description = "Folder that receives <env>/ (default: ${DEFAULT-VALUE}).")
    private Path outputRoot;

    @Option(names = "--stack", defaultValue = "io.cvmkeys.modules.stack.CmkStackDefinition",
            description = "Class implementing io.cvmkeys.modules.StackDefinition (default: ${DEFAULT-VALUE}).")
    private String stackClass;

    @Option(names = "--arm-schemas", description = "Folder with the official ARM schemas (the one that contains schemas/);"
            + " default: the CVMKEYS_ARM_SCHEMAS environment variable.")
    private Path armSchemas;

    @Option(names = "--bicep", description = "Path of the Bicep CLI; default: bicep or az on PATH.")
    private Path bicep;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SynthRequest request = new SynthRequest(environmentDirectory, environment, outputRoot, stackDefinition(),
                StandardChecks.create(armSchemas, bicep), Clock.systemUTC());
        SynthService.Outcome outcome = new SynthService().run(request);

        out.println("synthesized " + outcome.stack().name() + " for " + environment + " from " + outcome.environmentFile()
                + " into " + request.outputDirectory() + ": " + outcome.files().written().size() + " written, "
                + outcome.files().unchanged().size() + " unchanged");
        for (StageCheckResult check : outcome.synthesis().checks()) {
            out.println("  " + check.stage() + ": " + check.result().summaryLine());
        }
        return ExitCodes.OK;
    }

    private StackDefinition stackDefinition() {
        try {
            Class<?> type = Class.forName(stackClass);
            return (StackDefinition) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("Stack class '" + stackClass + "' cannot be used: " + e
                    + ". Give a public class with a no-argument constructor that implements"
                    + " io.cvmkeys.modules.StackDefinition, on the classpath.");
        }
    }
}
