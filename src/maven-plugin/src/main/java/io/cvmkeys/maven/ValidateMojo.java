package io.cvmkeys.maven;

import io.cvmkeys.dsl.stack.StackSynthesizer;
import io.cvmkeys.dsl.stack.StageCheckResult;
import io.cvmkeys.dsl.stack.Synthesis;
import io.cvmkeys.dsl.validate.Severity;
import io.cvmkeys.modules.env.EnvironmentLoader;
import io.cvmkeys.modules.env.InvalidEnvironmentException;
import io.cvmkeys.modules.synth.StandardChecks;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code cvmkeys:validate}: the environment, ARM schema validation, the policy rules and the Bicep CLI on every
 * stage, without writing anything. The build fails on an error finding.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ValidateMojo extends AbstractCvmkeysMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cvmkeys:validate skipped (cvmkeys.skip)");
            return;
        }
        String environment = environmentName();
        Synthesis synthesis;
        try {
            Path file = EnvironmentLoader.find(environmentDirectory.toPath(), environment);
            var stack = stackDefinition().build(new EnvironmentLoader(Clock.systemUTC()).load(file));
            synthesis = new StackSynthesizer(StandardChecks.create(armSchemasPath(), bicepPath())).synthesize(stack);
        } catch (InvalidEnvironmentException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (StageCheckResult check : synthesis.checks()) {
            getLog().info("  " + check.stage() + ": " + check.result().summaryLine());
        }
        synthesis.findingLines(Severity.WARNING).forEach(line -> getLog().warn(line));
        if (synthesis.hasErrors()) {
            synthesis.findingLines(Severity.ERROR).forEach(line -> getLog().error(line));
            throw new MojoFailureException("Validation of " + environment + " found errors; see the lines above.");
        }
    }
}
