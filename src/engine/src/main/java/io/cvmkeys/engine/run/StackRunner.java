package io.cvmkeys.engine.run;

import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.engine.Engine;
import io.cvmkeys.engine.EngineOptions;
import io.cvmkeys.engine.EngineResult;
import io.cvmkeys.engine.ProgressListener;
import io.cvmkeys.engine.azure.AzureTarget;
import io.cvmkeys.engine.azure.CredentialSource;
import io.cvmkeys.engine.azure.EmbeddedEmulator;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.env.EnvironmentLoader;
import io.cvmkeys.modules.env.InvalidEnvironmentException;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Runs What-If or a deployment for the CLI and the Maven goals: loads the environment, builds the stack, picks the
 * target (Azure, or the embedded emulator) and calls the {@link Engine}. Input problems come back as a result with
 * exit code 2, never as an exception.
 */
public final class StackRunner {

    private final Clock clock;

    public StackRunner(Clock clock) {
        this.clock = clock;
    }

    public EngineResult whatIf(RunRequest request, ProgressListener listener) {
        return run(request, false, listener);
    }

    public EngineResult deploy(RunRequest request, ProgressListener listener) {
        return run(request, true, listener);
    }

    private EngineResult run(RunRequest request, boolean deploy, ProgressListener listener) {
        Environment environment;
        Path environmentFile;
        try {
            environmentFile = EnvironmentLoader.find(request.environmentDirectory(), request.environment());
            environment = new EnvironmentLoader(clock).load(environmentFile);
        } catch (InvalidEnvironmentException | IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        Stack stack = request.stackDefinition().build(environment);
        EngineOptions options = EngineOptions.defaults()
                .withChecks(request.checks())
                .withColour(request.colour())
                .withHostPoolConfigurationFile(hostPoolFile(environmentFile, environment));

        String target = request.target().toLowerCase(Locale.ROOT);
        if (target.equals(RunRequest.TARGET_EMULATOR)) {
            try (EmbeddedEmulator emulator = EmbeddedEmulator.start(request.emulatorStateDirectory(), environment,
                    listener::progress)) {
                return engine(options).run(stack, emulator.target(), deploy, request, listener);
            }
        }
        if (!target.equals(RunRequest.TARGET_AZURE)) {
            return invalid("Unknown target '" + request.target() + "'. Use azure or emulator.");
        }
        CredentialSource source;
        try {
            source = request.credential() == null ? CredentialSource.DEFAULT : CredentialSource.fromName(request.credential());
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        AzureTarget azure = AzureTarget.azure(environment.subscription(), source, request.tenantId());
        return engine(options).run(stack, azure, deploy, request, listener);
    }

    private EngineCall engine(EngineOptions options) {
        return new EngineCall(new Engine(options));
    }

    private static Path hostPoolFile(Path environmentFile, Environment environment) {
        if (environment.hostPool() == null || environment.hostPool().configurationFile() == null) {
            return null;
        }
        return environmentFile.toAbsolutePath().getParent().resolve(environment.hostPool().configurationFile()).normalize();
    }

    private static EngineResult invalid(String message) {
        return new EngineResult(EngineResult.Status.INVALID_INPUT, message, null, List.of(), null);
    }

    /** Calls What-If or deploy on one engine. */
    private record EngineCall(Engine engine) {

        EngineResult run(Stack stack, AzureTarget target, boolean deploy, RunRequest request, ProgressListener listener) {
            return deploy
                    ? engine.deploy(stack, target, request.approved(), request.projectDirectory(), listener)
                    : engine.whatIf(stack, target, request.projectDirectory(), listener);
        }
    }
}
