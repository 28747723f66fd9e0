package io.cvmkeys.maven;

import io.cvmkeys.engine.EngineResult;
import io.cvmkeys.engine.ProgressListener;
import io.cvmkeys.engine.run.RunRequest;
import io.cvmkeys.modules.synth.StandardChecks;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/** Settings of the goals that talk to Azure or to the embedded emulator. */
abstract class AbstractDeploymentMojo extends AbstractCvmkeysMojo {

    /** {@code azure}, or {@code emulator} for the embedded ARM emulator, which sends nothing to Azure. */
    @Parameter(property = "cvmkeys.target", defaultValue = "azure")
    protected String target;

    /** Credential source: {@code default}, {@code azure-cli}, {@code environment}, {@code workload-identity}, {@code managed-identity}. */
    @Parameter(property = "cvmkeys.credential")
    protected String credential;

    /** Tenant to sign in to; by default the credential's own. */
    @Parameter(property = "cvmkeys.tenant")
    protected String tenant;

    /** State folder of the embedded emulator; by default {@code target/cvmkeys-emulator}. */
    @Parameter(property = "cvmkeys.emulator.state")
    protected File emulatorState;

    /** Approves the changes What-If shows, so {@code deploy} applies them. */
    @Parameter(property = "cvmkeys.approve", defaultValue = "false")
    protected boolean approve;

    /**
     * Fails the build when changes wait for approval. Off by default, so a What-If stage of a pipeline succeeds and
     * publishes its plan; turn it on where "pending" must stop the pipeline.
     */
    @Parameter(property = "cvmkeys.failOnPending", defaultValue = "false")
    protected boolean failOnPending;

    protected RunRequest request() throws MojoExecutionException {
        quietLibraryLogs();
        String environment = environmentName();
        try {
            return new RunRequest(environmentDirectory.toPath(), environment, stackDefinition(),
                    StandardChecks.create(armSchemasPath(), bicepPath()), project.getBasedir().toPath(), target,
                    credential, tenant, emulatorState == null ? null : emulatorState.toPath(), approve, false);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * Keeps the build log to cvmkeys' own lines: azure-identity logs its error before the engine reports a missing
     * sign-in in one line, and the embedded emulator logs every request. Maven's logger reads these properties
     * when a logger is created, and an explicit -D setting wins.
     */
    private static void quietLibraryLogs() {
        System.setProperty("org.slf4j.simpleLogger.log.com.azure.identity",
                System.getProperty("org.slf4j.simpleLogger.log.com.azure.identity", "off"));
        System.setProperty("org.slf4j.simpleLogger.log.io.cvmkeys.emulator.server",
                System.getProperty("org.slf4j.simpleLogger.log.io.cvmkeys.emulator.server", "warn"));
    }

    protected ProgressListener progress() {
        return line -> getLog().info(line);
    }

    /**
     * Maps a result to the build's outcome. Maven has no custom exit codes, so changes pending approval succeed;
     * pipelines read the plan written under {@code target/cvmkeys/<env>/}.
     */
    protected void finish(EngineResult result) throws MojoExecutionException, MojoFailureException {
        switch (result.status()) {
            case DONE, NO_CHANGES -> getLog().info(result.message());
            case CHANGES_PENDING_APPROVAL -> {
                String plan = project.getBasedir().toPath().resolve("target/cvmkeys").resolve(environmentName())
                        .resolve("plan.md").toString();
                String line = result.message() + " (approve with -Dcvmkeys.approve=true; the plan is in " + plan + ")";
                if (failOnPending) {
                    throw new MojoFailureException(line);
                }
                getLog().warn(line);
            }
            case INVALID_INPUT -> throw new MojoExecutionException(result.message());
            default -> throw new MojoFailureException(result.message());
        }
    }
}
