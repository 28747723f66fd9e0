package io.cvmkeys.dsl.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
