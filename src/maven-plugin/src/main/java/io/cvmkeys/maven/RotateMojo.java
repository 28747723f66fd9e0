package io.cvmkeys.maven;

import io.cvmkeys.emulator.ArmEmulator;
import io.cvmkeys.emulator.ArmEmulatorOptions;
import io.cvmkeys.engine.azure.AzureTarget;
import io.cvmkeys.engine.azure.CredentialSource;
import io.cvmkeys.engine.rotation.DurationText;
import io.cvmkeys.engine.rotation.RotationInputException;
import io.cvmkeys.engine.rotation.RotationOptions;
import io.cvmkeys.engine.rotation.RotationRequest;
import io.cvmkeys.engine.rotation.RotationService;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.env.EnvironmentLoader;
import io.cvmkeys.modules.env.InvalidEnvironmentException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * {@code cvmkeys:rotate}: the offline key rotation of the selected environment's Disk Encryption Set, as
 * {@code cvmkeys rotate} runs it. Without {@code -Dcvmkeys.yes} it logs the plan and fails the build with
 * "approval needed", so nothing changes by accident. Not bound to a phase: run it from the command line.
 */
@Mojo(name = "rotate", threadSafe = true)
public class RotateMojo extends AbstractDeploymentMojo {

    /** Log the plan and change nothing. */
    @Parameter(property = "cvmkeys.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** How long to wait for user sessions to end, such as 30m, 90s or 1h. */
    @Parameter(property = "cvmkeys.drainTimeout", defaultValue = "30m")
    private String drainTimeout;

    /** Log remaining users off after the drain timeout; without it the rotation rolls back when sessions remain. */
    @Parameter(property = "cvmkeys.forceLogoff", defaultValue = "false")
    private boolean forceLogoff;

    /** Journal of an interrupted rotation to continue. */
    @Parameter(property = "cvmkeys.resume")
    private File resume;

    /** Log the plan, progress events and the report as JSON. */
    @Parameter(property = "cvmkeys.json", defaultValue = "false")
    private boolean json;

    /** Rotate without asking; the same as {@code cvmkeys.approve}, which {@code cvmkeys:deploy} also reads. */
    @Parameter(property = "cvmkeys.yes", defaultValue = "false")
    private boolean yes;

    /** Folder of the rotation journals; by default {@code target/cvmkeys/<env>}. */
    @Parameter(property = "cvmkeys.journalDirectory")
    private File journalDirectory;

    /**
     * With the emulator target: the emulator fixture to load (VMs, disks, session hosts). The state folder is
     * {@code cvmkeys.emulator.state}, as for the other goals.
     */
    @Parameter(property = "cvmkeys.emulatorFixture")
    private File emulatorFixture;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cvmkeys:rotate skipped (cvmkeys.skip)");
            return;
        }
        String environment = environmentName();
        int exit;
        try {
            Environment env = new EnvironmentLoader(Clock.systemUTC())
                    .load(EnvironmentLoader.find(environmentDirectory.toPath(), environment));
            RotationOptions options = RotationOptions.defaults()
                    .withDrainTimeout(DurationText.parse("cvmkeys.drainTimeout", drainTimeout))
                    .withForceLogoff(forceLogoff);
            Path journals = journalDirectory != null ? journalDirectory.toPath()
                    : Path.of(project.getBuild().getDirectory(), "cvmkeys", environment);
            exit = run(env, options, journals);
        } catch (InvalidEnvironmentException | IllegalArgumentException | RotationInputException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }

        switch (exit) {
            case RotationService.OK -> getLog().info("cvmkeys:rotate done for " + environment + ".");
            case RotationService.APPROVAL_NEEDED -> throw new MojoFailureException("Approval needed: review the plan"
                    + " above and run again with -Dcvmkeys.approve=true (or -Dcvmkeys.yes=true) to rotate.");
            case RotationService.INVALID_INPUT -> throw new MojoExecutionException("cvmkeys:rotate rejected its input;"
                    + " see the error above.");
            default -> throw new MojoFailureException("The rotation of " + environment + " failed; the report above"
                    + " gives each resource's state and what to do next.");
        }
    }

    private int run(Environment env, RotationOptions options, Path journals) {
        PrintWriter out = new PrintWriter(new LineWriter(line -> getLog().info(line)), true);
        PrintWriter err = new PrintWriter(new LineWriter(line -> getLog().error(line)), true);
        Path resumeFile = resume == null ? null : resume.toPath();
        if (!target.equalsIgnoreCase("emulator")) {
            if (!target.equalsIgnoreCase("azure")) {
                throw new IllegalArgumentException("Unknown cvmkeys.target '" + target + "'. Use azure or emulator.");
            }
            AzureTarget azure = AzureTarget.azure(env.subscription(), CredentialSource.fromName(credential == null ? "default" : credential), tenant);
            return new RotationService().run(new RotationRequest(env, azure, journals, options, dryRun, yes || approve, resumeFile,
                    json, null), out, err);
        }
        ArmEmulatorOptions emulatorOptions = new ArmEmulatorOptions()
                .fixture(emulatorFixture == null ? null : emulatorFixture.toPath())
                .stateDirectory(emulatorState == null ? null : emulatorState.toPath());
        try (ArmEmulator emulator = ArmEmulator.start(emulatorOptions)) {
            AzureTarget local = AzureTarget.emulator(emulator.endpoint(), emulator.httpClient(), emulator.credential(),
                    env.subscription(), null);
            return new RotationService().run(new RotationRequest(env, local, journals, options, dryRun, yes || approve, resumeFile,
                    json, emulator::addKeyVersion), out, err);
        }
    }

    /** Sends each complete line to the Maven log. */
    private static final class LineWriter extends Writer {

        private final Consumer<String> sink;
        private final StringBuilder line = new StringBuilder();

        LineWriter(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    sink.accept(line.toString());
                    line.setLength(0);
                } else if (buffer[i] != '\r') {
                    line.append(buffer[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            if (!line.isEmpty()) {
                sink.accept(line.toString());
                line.setLength(0);
            }
        }
    }
}
