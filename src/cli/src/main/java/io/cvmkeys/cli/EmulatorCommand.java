package io.cvmkeys.cli;

import io.cvmkeys.emulator.ArmEmulator;
import io.cvmkeys.emulator.ArmEmulatorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code cvmkeys emulator}: runs the ARM emulator on 127.0.0.1 until the process is stopped, as a demo target and
 * for trying the deployment commands without an Azure subscription. Nothing it receives reaches Azure.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Run the ARM emulator on loopback HTTPS (a test double: nothing is sent to Azure).")
final class EmulatorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "TCP port on 127.0.0.1; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--state", description = "Folder that keeps resources between runs as JSON; without it, state is in memory.")
    private Path state;

    @Option(names = "--fixture", description = "JSON fixture whose resources exist from the start.")
    private Path fixture;

    @Option(names = "--cert", description = "Where to write the self-signed certificate as PEM (default: STATE/emulator-cert.pem).")
    private Path certificate;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid --port " + port + ": use a number from 0 to 65535.");
        }
        ArmEmulatorOptions options = new ArmEmulatorOptions().port(port);
        if (state != null) {
            options.stateDirectory(state);
        }
        if (fixture != null) {
            options.fixture(fixture);
        }
        Path certificateFile = certificate != null ? certificate : state != null ? state.resolve("emulator-cert.pem") : null;

        ArmEmulator emulator = ArmEmulator.start(options);
        PrintWriter out = spec.commandLine().getOut();
        out.println("ARM emulator on " + emulator.endpoint() + " (test double: nothing is sent to Azure)");
        if (certificateFile != null) {
            Path parent = certificateFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(certificateFile, emulator.certificatePem(), StandardCharsets.US_ASCII);
            out.println("Certificate: " + certificateFile.toAbsolutePath());
        }
        out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "arm-emulator-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
