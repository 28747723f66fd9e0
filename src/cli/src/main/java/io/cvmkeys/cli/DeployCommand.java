package io.cvmkeys.cli;

import io.cvmkeys.engine.run.StackRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code cvmkeys deploy}: What-If, gates, then the stages in order when approved. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Run What-If and the safety gates, then deploy the stages in order with their outputs wired."
                + " Without --yes it stops after What-If when there are changes.",
        footer = {"", "Exit codes: 0 done or no changes, 1 failed or blocked by a gate, 2 invalid input,"
                + " 3 changes pending approval."})
final class DeployCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DeploymentOptions options;

    @Option(names = "--yes", description = "Approve the changes What-If shows and deploy them.")
    private boolean approved;

    @Override
    public Integer call() {
        EngineOutput output = new EngineOutput(spec.commandLine(), options.json);
        return output.finish(new StackRunner(Clock.systemUTC()).deploy(options.toRequest(approved), output.progress()));
    }
}
