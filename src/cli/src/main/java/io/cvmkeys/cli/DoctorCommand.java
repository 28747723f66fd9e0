package io.cvmkeys.cli;

import com.azure.core.exception.HttpResponseException;
import io.cvmkeys.engine.azure.ArmOperationException;
import io.cvmkeys.engine.azure.AzureClients;
import io.cvmkeys.engine.azure.AzureTarget;
import io.cvmkeys.engine.azure.EmbeddedEmulator;
import io.cvmkeys.engine.azure.CredentialSource;
import io.cvmkeys.engine.azure.SignInRequiredException;
import io.cvmkeys.engine.doctor.Doctor;
import io.cvmkeys.engine.doctor.DoctorEnvironment;
import io.cvmkeys.engine.doctor.DoctorJson;
import io.cvmkeys.engine.doctor.DoctorMarkdown;
import io.cvmkeys.engine.doctor.DoctorReport;
import io.cvmkeys.engine.doctor.DoctorText;
import io.cvmkeys.engine.doctor.EmulatorTargets;
import io.cvmkeys.modules.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code cvmkeys doctor}: read-only live checks of a deployed environment, for scheduled runs. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the live key stack of an environment: key expiry and state, vault protection, Disk"
                + " Encryption Set, role assignments, session hosts and expiry alerting. Sends only GET requests.",
                "Exit codes: 0 healthy, 3 warnings only, 1 errors, 2 invalid input."})
final class DoctorCommand implements Callable<Integer> {

    enum Target { azure, emulator }

    enum Format { text, markdown, json }

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", required = true, description = "Environment name; reads <env-dir>/<env>.json, .yaml or .yml.")
    private String environmentName;

    @Option(names = "--env-dir", defaultValue = "env", description = "Folder of the environment files (default: ${DEFAULT-VALUE}).")
    private Path environmentDirectory;

    @Option(names = "--target", defaultValue = "azure", description = "Where the stack runs: ${COMPLETION-CANDIDATES}"
            + " (default: ${DEFAULT-VALUE}).")
    private Target target;

    @Option(names = "--credential", defaultValue = "default", description = "Azure credential source: default,"
            + " azure-cli, environment, workload-identity or managed-identity (default: ${DEFAULT-VALUE}).")
    private String credential;

    @Option(names = "--tenant", description = "Tenant id to sign in to; default: the credential's own.")
    private String tenantId;

    @Option(names = "--subscription", description = "Subscription name or GUID; default: the environment file's.")
    private String subscription;

    @Option(names = "--emulator-endpoint", description = "With --target emulator: the emulator's URL, such as"
            + " https://127.0.0.1:8443/.")
    private String emulatorEndpoint;

    @Option(names = "--emulator-cert", description = "With --target emulator: the PEM certificate the emulator wrote.")
    private Path emulatorCertificate;

    @Option(names = "--format", defaultValue = "text", description = "Report format: ${COMPLETION-CANDIDATES}"
            + " (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--output", description = "Also write the report to this file, such as doctor-report.md.")
    private Path output;

    @Option(names = "--emulator-state", defaultValue = "target/cvmkeys-emulator",
            description = "With --target emulator and no --emulator-endpoint: state folder of the embedded emulator,"
                    + " the one 'deploy --target emulator' used (default: ${DEFAULT-VALUE}).")
    private Path emulatorState;

    @Override
    public Integer call() {
        Environment environment = DoctorEnvironment.load(environmentDirectory, environmentName);
        if (target == Target.emulator && emulatorEndpoint == null) {
            try (EmbeddedEmulator embedded = EmbeddedEmulator.start(emulatorState, environment,
                    line -> spec.commandLine().getErr().println(line))) {
                return examine(environment, embedded.target());
            }
        }
        return examine(environment, azureTarget(environment));
    }

    private int examine(Environment environment, AzureTarget azureTarget) {
        DoctorReport report;
        try {
            report = new Doctor(AzureClients.connect(azureTarget), Clock.systemUTC()).examine(environment);
        } catch (SignInRequiredException | ArmOperationException | HttpResponseException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.FAILED;
        }

        String rendered = render(report);
        PrintWriter out = spec.commandLine().getOut();
        out.print(rendered);
        out.flush();
        if (output != null) {
            write(output, rendered);
        }
        return exitCode(report);
    }

    private AzureTarget azureTarget(Environment environment) {
        String subscriptionName = subscription != null ? subscription : environment.subscription();
        if (target == Target.emulator) {
            if (emulatorCertificate == null) {
                throw new ParameterException(spec.commandLine(),
                        "--emulator-endpoint needs --emulator-cert, the PEM certificate the emulator wrote.");
            }
            return EmulatorTargets.fromCertificate(emulatorEndpoint, emulatorCertificate, subscriptionName);
        }
        return AzureTarget.azure(subscriptionName, CredentialSource.fromName(credential), tenantId);
    }

    private String render(DoctorReport report) {
        return switch (format) {
            case text -> new DoctorText().render(report);
            case markdown -> new DoctorMarkdown().render(report);
            case json -> new DoctorJson().render(report) + "\n";
        };
    }

    static int exitCode(DoctorReport report) {
        return switch (report.status()) {
            case HEALTHY -> ExitCodes.OK;
            case WARNINGS -> ExitCodes.WARNINGS;
            case ERRORS -> ExitCodes.FAILED;
        };
    }

    private static void write(Path file, String report) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write the report to " + file, e);
        }
    }
}
