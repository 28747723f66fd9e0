package io.cvmkeys.maven;

import io.cvmkeys.dsl.stack.StackSynthesizer;
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
        // synth prints each check per stage already; one line here keeps the deploy-infra log short.
        long notAvailable = synthesis.checks().stream()
                .filter(check -> check.result().status() == io.cvmkeys.dsl.stack.CheckResult.Status.NOT_AVAILABLE).count();
        getLog().info("Validated " + synthesis.stack().stages().size() + " stages of " + environment + ": "
                + io.cvmkeys.dsl.stack.CheckResult.count(synthesis.findingLines(Severity.ERROR).size(), "error") + ", "
                + io.cvmkeys.dsl.stack.CheckResult.count(synthesis.findingLines(Severity.WARNING).size()
                        - synthesis.findingLines(Severity.ERROR).size(), "warning")
                + (notAvailable == 0 ? "" : ", " + notAvailable + " checks not available"));
        synthesis.findingLines(Severity.WARNING).forEach(line -> getLog().warn(line));
        if (synthesis.hasErrors()) {
            synthesis.findingLines(Severity.ERROR).forEach(line -> getLog().error(line));
            throw new MojoFailureException("Validation of " + environment + " found errors; see the lines above.");
        }
    }
}
