package io.cvmkeys.maven;

import io.cvmkeys.engine.run.StackRunner;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.time.Clock;

/**
 * {@code cvmkeys:deploy}: What-If and the safety gates, then the stages in order with their outputs wired. Without
 * {@code -Dcvmkeys.approve=true} it stops after What-If when there are changes.
 */
@Mojo(name = "deploy", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class DeployMojo extends AbstractDeploymentMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cvmkeys:deploy skipped (cvmkeys.skip)");
            return;
        }
        finish(new StackRunner(Clock.systemUTC()).deploy(request(), progress()));
    }
}
