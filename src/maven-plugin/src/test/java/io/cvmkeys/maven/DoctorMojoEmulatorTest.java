package io.cvmkeys.maven;

import io.cvmkeys.emulator.ArmEmulator;
import io.cvmkeys.emulator.ArmEmulatorOptions;
import io.cvmkeys.emulator.Throttling;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code cvmkeys:doctor} run against an emulator on loopback with nothing deployed. */
class DoctorMojoEmulatorTest {

    private static final String SUBSCRIPTION = "6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14";

    @TempDir
    Path temp;

    private ArmEmulator emulator;
    private DoctorMojo mojo;

    @BeforeEach
    @SuppressWarnings("deprecation")
    void start() throws IOException {
        emulator = ArmEmulator.start(new ArmEmulatorOptions()
                .throttling(Throttling.disabled())
                .retryAfter(Duration.ZERO)
                .operationDuration(Duration.ZERO));
        mojo = new DoctorMojo();
        mojo.project = new MavenProject();
        mojo.session = new MavenSession(null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult(),
                mojo.project);
        mojo.env = "prd";
        mojo.environmentDirectory = new File("../../samples/avd-cmk/env");
        mojo.target = "emulator";
        mojo.subscription = SUBSCRIPTION;
        mojo.emulatorEndpoint = emulator.endpoint();
        mojo.emulatorCertificate = Files.writeString(temp.resolve("emulator-cert.pem"), emulator.certificatePem()).toFile();
        mojo.reportFile = temp.resolve("cvmkeys/doctor.md").toFile();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void missingStackFailsAndWritesReport() throws IOException {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("error findings in environment 'prd'");

        assertThat(Files.readString(mojo.reportFile.toPath())).startsWith("# cvmkeys doctor: prd")
                .contains("DOCTOR-VAULT-001");
    }

    @Test
    void unknownTargetIsAConfigurationError() {
        mojo.target = "staging";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Target 'staging' is invalid");
    }
}
