package io.cvmkeys.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone until the process is stopped:
 * {@code java io.cvmkeys.emulator.ArmEmulatorMain [--port N] [--state DIR] [--fixture FILE] [--cert FILE]}.
 * The certificate is written as PEM to {@code --cert}, or to {@code DIR/emulator-cert.pem} with {@code --state}, so
 * another process can trust it.
 */
public final class ArmEmulatorMain {
    private static final String USAGE = "Usage: ArmEmulatorMain [--port N] [--state DIR] [--fixture FILE] [--cert FILE]\n"
        + "  --port N        TCP port on 127.0.0.1; 0 (the default) picks a free port\n"
        + "  --state DIR     folder that keeps resources between runs as JSON; omit to keep them in memory\n"
        + "  --fixture FILE  JSON fixture whose resources exist from the start\n"
        + "  --cert FILE     where to write the self-signed certificate as PEM (default DIR/emulator-cert.pem)";

    private ArmEmulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws IOException, InterruptedException {
        ArmEmulatorOptions options = new ArmEmulatorOptions();
        Path certificateFile = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                System.out.println(USAGE);
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value.\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> options.port(parsePort(value));
                case "--state" -> options.stateDirectory(Path.of(value));
                case "--fixture" -> options.fixture(Path.of(value));
                case "--cert" -> certificateFile = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option " + option + ".\n" + USAGE);
            }
        }
        if (certificateFile == null && options.stateDirectory() != null) {
            certificateFile = options.stateDirectory().resolve("emulator-cert.pem");
        }

        ArmEmulator emulator = ArmEmulator.start(options);
        if (certificateFile != null) {
            Path parent = certificateFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(certificateFile, emulator.certificatePem(), StandardCharsets.US_ASCII);
        }
        System.out.println("ARM emulator on " + emulator.endpoint() + " (test double: nothing is sent to Azure)");
        if (certificateFile != null) {
            System.out.println("Certificate: " + certificateFile.toAbsolutePath());
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "arm-emulator-shutdown"));
        stopped.await();
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid --port '" + value + "': expected a number from 0 to 65535.\n"
                + USAGE, e);
        }
    }
}
