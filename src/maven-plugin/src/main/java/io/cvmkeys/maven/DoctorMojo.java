package io.cvmkeys.maven;

import com.azure.core.exception.HttpResponseException;
import io.cvmkeys.engine.azure.ArmOperationException;
import io.cvmkeys.engine.azure.AzureClients;
import io.cvmkeys.engine.azure.AzureTarget;
import io.cvmkeys.engine.azure.CredentialSource;
import io.cvmkeys.engine.azure.SignInRequiredException;
import io.cvmkeys.engine.doctor.Doctor;
import io.cvmkeys.engine.doctor.DoctorEnvironment;
import io.cvmkeys.engine.doctor.DoctorMarkdown;
import io.cvmkeys.engine.doctor.DoctorReport;
import io.cvmkeys.engine.doctor.EmulatorTargets;
import io.cvmkeys.engine.doctor.Finding;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.env.InvalidEnvironmentException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;

/**
 * {@code cvmkeys:doctor}: read-only live checks of the selected environment's deployed key stack. Maven cannot
 * return the CLI's exit codes, so the build fails on error findings and logs warnings; the Markdown report is written
 * to {@code reportFile} either way.
 */
@Mojo(name = "doctor", requiresProject = false, threadSafe = true)
public class DoctorMojo extends AbstractCvmkeysMojo {

    /** {@code azure} or {@code emulator}. */
    @Parameter(property = "cvmkeys.target", defaultValue = "azure")
    String target;

    /** Azure credential source: default, azure-cli, environment, workload-identity or managed-identity. */
    @Parameter(property = "cvmkeys.credential", defaultValue = "default")
    String credential;

    /** Tenant id to sign in to; by default the credential's own. */
    @Parameter(property = "cvmkeys.tenant")
    String tenant;

    /** Subscription name or GUID; by default the environment file's. */
    @Parameter(property = "cvmkeys.subscription")
    String subscription;

    /** With target {@code emulator}: the emulator's URL, such as {@code https://127.0.0.1:8443/}. */
    @Parameter(property = "cvmkeys.emulatorEndpoint")
    String emulatorEndpoint;

    /** With target {@code emulator}: the PEM certificate the emulator wrote. */
    @Parameter(property = "cvmkeys.emulatorCertificate")
    File emulatorCertificate;

    /** Path of the Markdown report. */
    @Parameter(property = "cvmkeys.doctor.reportFile", defaultValue = "${project.build.directory}/cvmkeys/doctor.md")
    File reportFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cvmkeys:doctor skipped (cvmkeys.skip)");
            return;
        }
        String name = environmentName();

        DoctorReport report;
        try {
            Environment environment = DoctorEnvironment.load(environmentDirectory.toPath(), name);
            report = new Doctor(AzureClients.connect(azureTarget(environment)), Clock.systemUTC()).examine(environment);
        } catch (InvalidEnvironmentException | IllegalArgumentException | SignInRequiredException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (ArmOperationException | HttpResponseException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }

        writeReport(report);
        verdict(report, getLog());
    }

    private AzureTarget azureTarget(Environment environment) {
        String subscriptionName = subscription != null ? subscription : environment.subscription();
        if ("emulator".equals(target)) {
            if (emulatorEndpoint == null || emulatorCertificate == null) {
                throw new IllegalArgumentException("Target 'emulator' needs cvmkeys.emulatorEndpoint and"
                        + " cvmkeys.emulatorCertificate.");
            }
            return EmulatorTargets.fromCertificate(emulatorEndpoint, emulatorCertificate.toPath(), subscriptionName);
        }
        if (!"azure".equals(target)) {
            throw new IllegalArgumentException("Target '" + target + "' is invalid. Use 'azure' or 'emulator'.");
        }
        return AzureTarget.azure(subscriptionName, CredentialSource.fromName(credential), tenant);
    }

    private void writeReport(DoctorReport report) throws MojoExecutionException {
        try {
            Files.createDirectories(reportFile.toPath().toAbsolutePath().getParent());
            Files.writeString(reportFile.toPath(), new DoctorMarkdown().render(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Failed to write the doctor report to " + reportFile + ": " + e.getMessage(), e);
        }
        getLog().info("Doctor report written to " + reportFile);
    }

    /** Logs each finding and fails when any is an error; warnings alone let the build pass. */
    static void verdict(DoctorReport report, Log log) throws MojoFailureException {
        for (Finding finding : report.findings()) {
            String line = finding.id() + " " + finding.resourceId() + ": " + finding.message() + " Fix: " + finding.fix()
                    + (finding.impact() == null ? "" : " Impact: " + finding.impact());
            switch (finding.severity()) {
                case ERROR -> log.error(line);
                case WARNING -> log.warn(line);
            }
        }
        log.info("cvmkeys doctor " + report.environment() + ": " + report.errors().size() + " errors, "
                + report.warnings().size() + " warnings");
        if (!report.errors().isEmpty()) {
            throw new MojoFailureException(report.errors().size() + " error findings in environment '"
                    + report.environment() + "'; see the lines above.");
        }
    }
}
