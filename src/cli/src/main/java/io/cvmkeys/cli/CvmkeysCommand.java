package io.cvmkeys.cli;

import picocli.CommandLine.Command;

/** The {@code cvmkeys} command and its subcommands. */
@Command(name = "cvmkeys",
        mixinStandardHelpOptions = true,
        version = "cvmkeys 0.1.0",
        description = "Customer-managed keys for Azure Confidential VMs: synthesize, check and deploy the key stack.",
        subcommands = {SynthCommand.class, LintCommand.class, RotateCommand.class})
final class CvmkeysCommand {
}
