package io.cvmkeys.dsl.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the Bicep CLI: the standalone {@code bicep} program, or the one inside the Azure CLI.
 *
 * @param program  the executable, {@code bicep} or {@code az}
 * @param azureCli true when the commands go through {@code az bicep}, which names the input with {@code --file}
 */
public record BicepExecutable(Path program, boolean azureCli) {

    public BicepExecutable {
        Objects.requireNonNull(program, "program");
    }

    /**
     * Returns the environment variables to add for the call. Through {@code az}, the version check is turned off:
     * {@code AZURE_BICEP_CHECK_VERSION=false} is the environment form of
     * {@code az config set bicep.check_version=false}, which stops {@code az bicep} from looking online for a
     * newer Bicep release on each call.
     */
    Map<String, String> environment() {
        return azureCli ? Map.of("AZURE_BICEP_CHECK_VERSION", "false") : Map.of();
    }

    /** Builds the command line for a Bicep subcommand, for example {@code build}, on {@code file}. */
    List<String> command(String subcommand, Path file, List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        if (azureCli) {
            command.add("bicep");
            command.add(subcommand);
            command.add("--file");
        } else {
            command.add(subcommand);
        }
        command.add(file.toString());
        command.addAll(options);
        return command;
    }
}
