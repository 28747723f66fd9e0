package io.cvmkeys.cli;

import io.cvmkeys.engine.run.RunRequest;
import io.cvmkeys.modules.synth.StandardChecks;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by {@code what-if} and {@code deploy}. */
final class DeploymentOptions {

    @Option(names = "--env", required = true, description = "Environment name; reads <env-dir>/<env>.json, .yaml or .yml.")
    String environment;

    @Option(names = "--env-dir", defaultValue = "env", description = "Folder of the environment files (default: ${DEFAULT-VALUE}).")
    Path environmentDirectory;

    @Option(names = "--project-dir", defaultValue = ".",
            description = "Project folder that receives target/cvmkeys/<env>/ (the plan) and generated/<env>/ (outputs).")
    Path projectDirectory;

    @Option(names = "--stack", defaultValue = "io.cvmkeys.modules.stack.CmkStackDefinition",
            description = "Class implementing io.cvmkeys.modules.StackDefinition (default: ${DEFAULT-VALUE}).")
    String stackClass;

    @Option(names = "--target", defaultValue = "azure",
            description = "azure, or emulator to run against the embedded ARM emulator, which sends nothing to Azure"
                    + " (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--credential", description = "Credential source for Azure: default, azure-cli, environment,"
            + " workload-identity or managed-identity (default: the DefaultAzureCredential chain).")
    String credential;

    @Option(names = "--tenant", description = "Tenant id to sign in to; default: the credential's own.")
    String tenant;

    @Option(names = "--emulator-state", description = "State folder of the embedded emulator (default: target/cvmkeys-emulator).")
    Path emulatorState;

    @Option(names = "--arm-schemas", description = "Folder with the official ARM schemas; default: CVMKEYS_ARM_SCHEMAS.")
    Path armSchemas;

    @Option(names = "--bicep", description = "Path of the Bicep CLI; default: bicep or az on PATH.")
    Path bicep;

    @Option(names = "--no-color", description = "Print What-If without ANSI colours.")
    boolean noColour;

    @Option(names = "--json", description = "Print the result as JSON; progress lines go to standard error.")
    boolean json;

    RunRequest toRequest(boolean approved) {
        boolean colour = !noColour && !json && System.console() != null;
        return new RunRequest(environmentDirectory, environment, StackClasses.instantiate(stackClass),
                StandardChecks.create(armSchemas, bicep), projectDirectory, target, credential, tenant, emulatorState,
                approved, colour);
    }
}
