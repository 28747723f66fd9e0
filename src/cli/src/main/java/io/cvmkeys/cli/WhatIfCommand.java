package io.cvmkeys.cli;

import io.cvmkeys.engine.run.StackRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code cvmkeys what-if}: What-If for every stage and the safety gates; changes nothing. */
@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = "Run What-If for every stage and the safety gates, and write the plan to target/cvmkeys/<env>/."
                + " Changes nothing.",
        footer = {"", "Exit codes: 0 no changes, 1 failed or blocked by a gate, 2 invalid input, 3 changes found."})
final class WhatIfCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DeploymentOptions options;

    @Override
    public Integer call() {
        EngineOutput output = new EngineOutput(spec.commandLine(), options.json);
        return output.finish(new StackRunner(Clock.systemUTC()).whatIf(options.toRequest(false), output.progress()));
    }
}
