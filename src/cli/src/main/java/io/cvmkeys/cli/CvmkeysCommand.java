package io.cvmkeys.cli;

import picocli.CommandLine.Command;

/** The {@code cvmkeys} command and its subcommands. */
@Command(name = "cvmkeys",
        mixinStandardHelpOptions = true,
        version = "cvmkeys 0.1.0",
        description = "Customer-managed keys for Azure Confidential VMs: synthesize and check the key stack, lint ARM"
                + " templates, deploy, rotate the disk key offline, check a deployed environment, run the ARM emulator.",
        subcommands = {SynthCommand.class, LintCommand.class, WhatIfCommand.class, DeployCommand.class,
                RotateCommand.class, DoctorCommand.class, EmulatorCommand.class})
final class CvmkeysCommand {
}
