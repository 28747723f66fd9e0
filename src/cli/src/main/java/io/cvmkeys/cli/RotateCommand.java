package io.cvmkeys.cli;

import io.cvmkeys.emulator.ArmEmulator;
import io.cvmkeys.emulator.ArmEmulatorOptions;
import io.cvmkeys.engine.azure.AzureTarget;
import io.cvmkeys.engine.azure.CredentialSource;
import io.cvmkeys.engine.rotation.DurationText;
import io.cvmkeys.engine.rotation.RotationOptions;
import io.cvmkeys.engine.rotation.RotationRequest;
import io.cvmkeys.engine.rotation.RotationService;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.env.EnvironmentLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code cvmkeys rotate}: the offline key rotation of one environment's Disk Encryption Set. Without {@code --yes} it
 * shows the plan and stops with exit code 3.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = "Rotate the disk encryption key of an environment's Confidential VMs offline: drain, deallocate,"
                + " new key version, update the Disk Encryption Set, restart what ran, restore the hosts.")
final class RotateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", required = true, description = "Environment name; reads <env-dir>/<env>.json, .yaml or .yml.")
    private String environment;

    @Option(names = "--env-dir", defaultValue = "env", description = "Folder of the environment files (default: ${DEFAULT-VALUE}).")
    private Path environmentDirectory;

    @Option(names = "--target", defaultValue = "azure", description = "azure or emulator (default: ${DEFAULT-VALUE}).")
    private String target;

    @Option(names = "--credential", defaultValue = "default",
            description = "Azure credential source: default, azure-cli, environment, workload-identity, managed-identity"
                    + " (default: ${DEFAULT-VALUE}).")
    private String credential;

    @Option(names = "--tenant", description = "Tenant id to sign in to; default: the credential's tenant.")
    private String tenant;

    @Option(names = "--dry-run", description = "Show the plan and change nothing.")
    private boolean dryRun;

    @Option(names = "--drain-timeout", defaultValue = "30m",
            description = "How long to wait for user sessions to end, such as 30m, 90s or 1h (default: ${DEFAULT-VALUE}).")
    private String drainTimeout;

    @Option(names = "--force-logoff", description = "Log remaining users off after the drain timeout; without it the"
            + " rotation rolls back when sessions remain.")
    private boolean forceLogoff;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue the rotation of this journal after a crash.")
    private Path resume;

    @Option(names = "--json", description = "Write the plan, progress events (one JSON object per line) and the report as JSON.")
    private boolean json;

    @Option(names = "--yes", description = "Rotate without asking; without it the plan is shown and nothing changes.")
    private boolean yes;

    @Option(names = "--journal-dir", description = "Folder of the rotation journals (default: target/cvmkeys/<env>).")
    private Path journalDirectory;

    @Option(names = "--emulator-fixture", paramLabel = "FILE",
            description = "With --target emulator: the emulator fixture to load (resources, power states, sessions).")
    private Path emulatorFixture;

    @Option(names = "--emulator-state", paramLabel = "DIR",
            description = "With --target emulator: keep the emulator's resources in DIR/state.json between runs.")
    private Path emulatorState;

    @Override
    public Integer call() {
        Environment env = new EnvironmentLoader(Clock.systemUTC()).load(EnvironmentLoader.find(environmentDirectory, environment));
        RotationOptions options = RotationOptions.defaults()
                .withDrainTimeout(DurationText.parse("--drain-timeout", drainTimeout))
                .withForceLogoff(forceLogoff);
        Path journals = journalDirectory != null ? journalDirectory : Path.of("target", "cvmkeys", environment);

        if (target.equalsIgnoreCase("azure")) {
            AzureTarget azure = AzureTarget.azure(env.subscription(), CredentialSource.fromName(credential), tenant);
            return run(new RotationRequest(env, azure, journals, options, dryRun, yes, resume, json, null));
        }
        if (!target.equalsIgnoreCase("emulator")) {
            throw new IllegalArgumentException("Unknown --target '" + target + "'. Use azure or emulator.");
        }
        ArmEmulatorOptions emulatorOptions = new ArmEmulatorOptions().fixture(emulatorFixture).stateDirectory(emulatorState);
        try (ArmEmulator emulator = ArmEmulator.start(emulatorOptions)) {
            AzureTarget local = AzureTarget.emulator(emulator.endpoint(), emulator.httpClient(), emulator.credential(),
                    env.subscription(), null);
            return run(new RotationRequest(env, local, journals, options, dryRun, yes, resume, json, emulator::addKeyVersion));
        }
    }

    private int run(RotationRequest request) {
        return new RotationService().run(request, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
