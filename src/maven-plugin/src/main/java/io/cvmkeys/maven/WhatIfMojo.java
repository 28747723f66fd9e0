package io.cvmkeys.maven;

import io.cvmkeys.engine.run.StackRunner;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.time.Clock;

/** {@code cvmkeys:what-if}: What-If for every stage and the safety gates; writes the plan and changes nothing. */
@Mojo(name = "what-if", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class WhatIfMojo extends AbstractDeploymentMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cvmkeys:what-if skipped (cvmkeys.skip)");
            return;
        }
        finish(new StackRunner(Clock.systemUTC()).whatIf(request(), progress()));
    }
}
