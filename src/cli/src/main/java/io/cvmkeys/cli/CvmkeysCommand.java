package io.cvmkeys.cli;

import picocli.CommandLine.Command;

/** The {@code cvmkeys} command and its subcommands. */
@Command(name = "cvmkeys",
        mixinStandardHelpOptions = true,
        version = "cvmkeys 0.1.0",
        description = "Customer-managed keys for Azure Confidential VMs: synthesize, check, deploy and watch the key stack.",
        subcommands = {SynthCommand.class, LintCommand.class, DoctorCommand.class})
final class CvmkeysCommand {
}
