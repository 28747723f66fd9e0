package io.cvmkeys.engine.rotation;

import io.cvmkeys.engine.azure.AzureTarget;
import io.cvmkeys.modules.env.Environment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One {@code cvmkeys rotate} or {@code cvmkeys:rotate} invocation.
 *
 * @param environment      the loaded environment file
 * @param target           real Azure or the emulator
 * @param journalDirectory folder of the journals, for example {@code target/cvmkeys/prd}
 * @param options          drain timeout, forced logoff and polling
 * @param dryRun           show the plan and stop
 * @param approved         run without asking ({@code --yes}); without it the plan is shown and nothing changes
 * @param resume           journal of an interrupted rotation to continue, or null
 * @param json             write JSON: the plan as a document, progress as one object per line, then the report
 * @param emulatorKeys     for the emulator target: adds a key version to the key with the given ARM id and returns
 *                         its versioned URL; null for real Azure, which uses the Key Vault or Managed HSM data plane
 */
public record RotationRequest(Environment environment, AzureTarget target, Path journalDirectory, RotationOptions options,
                              boolean dryRun, boolean approved, Path resume, boolean json,
                              UnaryOperator<String> emulatorKeys) {

    public RotationRequest {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(journalDirectory, "journalDirectory");
        Objects.requireNonNull(options, "options");
        if (target.isEmulator() && emulatorKeys == null) {
            throw new RotationInputException("The emulator target needs a way to add key versions, because the emulator"
                    + " serves no Key Vault data plane.");
        }
    }
}
