package io.cvmkeys.maven;

import io.cvmkeys.dsl.stack.StageCheckResult;
import io.cvmkeys.dsl.stack.SynthesisFailedException;
import io.cvmkeys.modules.env.InvalidEnvironmentException;
import io.cvmkeys.modules.synth.StandardChecks;
import io.cvmkeys.modules.synth.SynthRequest;
import io.cvmkeys.modules.synth.SynthService;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.time.Clock;

/**
 * {@code cvmkeys:synth}: checks the environment and writes {@code generated/<env>/}: per stage ARM JSON, Bicep and
 * parameter files, then {@code main.bicep} and {@code README.md}. An invalid environment or an error finding
 * fails the build and writes nothing.
 */
@Mojo(name = "synth", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class SynthMojo extends AbstractCvmkeysMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cvmkeys:synth skipped (cvmkeys.skip)");
            return;
        }
        if (boundToLifecycle() && !isEnvironmentSelected()) {
            getLog().info("cvmkeys:synth skipped: no environment selected (use -Penv=NAME or -Dcvmkeys.env=NAME)");
            return;
        }
        String environment = environmentName();
        SynthRequest request = new SynthRequest(environmentDirectory.toPath(), environment, outputDirectory.toPath(),
                stackDefinition(), StandardChecks.create(armSchemasPath(), bicepPath()), Clock.systemUTC());
        try {
            SynthService.Outcome outcome = new SynthService().run(request);
            getLog().info("Synthesized " + outcome.stack().name() + " for " + environment + " from "
                    + outcome.environmentFile() + " into " + request.outputDirectory() + ": "
                    + outcome.files().written().size() + " written, " + outcome.files().unchanged().size() + " unchanged");
            for (StageCheckResult check : outcome.synthesis().checks()) {
                getLog().info("  " + check.stage() + ": " + check.result().summaryLine());
            }
        } catch (InvalidEnvironmentException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (SynthesisFailedException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
