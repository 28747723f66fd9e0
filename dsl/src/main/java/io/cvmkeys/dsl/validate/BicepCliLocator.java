package io.cvmkeys.dsl.validate;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds the Bicep CLI: a configured path first, then {@code bicep} on {@code PATH}, then {@code az} on
 * {@code PATH} with its own Bicep CLI installed.
 */
final class BicepCliLocator {

    /** Outcome of a search: an executable, or the reason why none was found. */
    record Located(BicepExecutable executable, String reason) {
    }

    private BicepCliLocator() {
    }

    /**
     * Searches for the CLI.
     *
     * @param configured     an explicit path to {@code bicep} or {@code az}, or null
     * @param pathVariable   the value of {@code PATH}, or null
     * @param azureConfigDir the Azure CLI configuration folder ({@code AZURE_CONFIG_DIR}, by default
     *                       {@code ~/.azure}); {@code az bicep install} puts the CLI in its {@code bin} folder
     */
    static Located locate(Path configured, String pathVariable, Path azureConfigDir) {
        if (configured != null) {
            if (!Files.isRegularFile(configured) || !Files.isExecutable(configured)) {
                return new Located(null, "the configured Bicep CLI " + configured + " is not an executable file");
            }
            return new Located(new BicepExecutable(configured, isAzureCli(configured)), "");
        }

        Path bicep = findOnPath(pathVariable, "bicep");
        if (bicep != null) {
            return new Located(new BicepExecutable(bicep, false), "");
        }

        Path az = findOnPath(pathVariable, "az");
        if (az == null) {
            return new Located(null, "neither bicep nor az was found on PATH");
        }

        // Without an installed Bicep CLI, `az bicep` downloads one on first use. Only an installed one is used,
        // so that validation never starts a download.
        Path azureBin = azureConfigDir.resolve("bin");
        boolean installed = Files.isExecutable(azureBin.resolve("bicep")) || Files.isExecutable(azureBin.resolve("bicep.exe"));
        if (!installed) {
            return new Located(null, "az was found on PATH, but its Bicep CLI is not installed in " + azureBin
                    + "; run az bicep install");
        }
        return new Located(new BicepExecutable(az, true), "");
    }

    private static boolean isAzureCli(Path program) {
        String name = program.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.equals("az") || name.equals("az.cmd");
    }

    private static Path findOnPath(String pathVariable, String name) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return null;
        }
        for (String folder : pathVariable.split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            for (String candidate : new String[] {name, name + ".exe", name + ".cmd"}) {
                Path program = Path.of(folder, candidate);
                if (Files.isRegularFile(program) && Files.isExecutable(program)) {
                    return program;
                }
            }
        }
        return null;
    }
}
