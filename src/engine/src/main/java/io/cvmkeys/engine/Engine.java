package io.cvmkeys.engine;

import com.azure.core.management.exception.ManagementException;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.stack.StackSynthesizer;
import io.cvmkeys.dsl.stack.Synthesis;
import io.cvmkeys.engine.azure.ArmOperationException;
import io.cvmkeys.engine.azure.AzureConnection;
import io.cvmkeys.engine.azure.AzureTarget;
import io.cvmkeys.engine.azure.SignInRequiredException;
import io.cvmkeys.engine.deploy.OutputLayout;
import io.cvmkeys.engine.deploy.PlanFiles;
import io.cvmkeys.engine.deploy.StackDeployer;
import io.cvmkeys.engine.gates.GateReport;
import io.cvmkeys.engine.gates.Gates;
import io.cvmkeys.engine.whatif.InvalidInputException;
import io.cvmkeys.engine.whatif.StageParameters;
import io.cvmkeys.engine.whatif.WhatIfRunner;
import io.cvmkeys.engine.whatif.WhatIfText;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Entry point of the deployment engine, for the CLI and the Maven plugin.
 *
 * <p>{@link #whatIf} runs What-If for every stage and the gates, and writes the plan to
 * {@code <project>/target/cvmkeys/<env>/plan.json} and {@code plan.md}. {@link #deploy} does the same, then, when
 * approved, deploys the stages in order, writes {@code <project>/generated/<env>/outputs.json} and puts the Disk
 * Encryption Set id into the host pool configuration file. Neither throws for Azure, input or sign-in problems:
 * they come back as an {@link EngineResult} with a one-line message and an exit code.
 */
public final class Engine {

    private final EngineOptions options;
    private final Function<AzureTarget, AzureConnection> connector;
    private final Clock clock;

    public Engine(EngineOptions options) {
        this(options, AzureConnection::connect, Clock.systemUTC());
    }

    /** @param connector opens the connection for a target; tests pass an in-memory ARM */
    public Engine(EngineOptions options, Function<AzureTarget, AzureConnection> connector, Clock clock) {
        this.options = options;
        this.connector = connector;
        this.clock = clock;
    }

    /** Runs What-If and the gates; writes the plan files and nothing in Azure. */
    public EngineResult whatIf(Stack stack, AzureTarget target, Path projectDirectory, ProgressListener listener) {
        return run(stack, target, false, false, projectDirectory, listener);
    }

    /**
     * Runs What-If and the gates, then deploys when {@code approved}; without approval a plan with changes stops
     * with {@link EngineResult.Status#CHANGES_PENDING_APPROVAL} and nothing is written in Azure.
     */
    public EngineResult deploy(Stack stack, AzureTarget target, boolean approved, Path projectDirectory,
            ProgressListener listener) {
        return run(stack, target, true, approved, projectDirectory, listener);
    }

    private EngineResult run(Stack stack, AzureTarget target, boolean deploy, boolean approved, Path projectDirectory,
            ProgressListener listener) {
        OutputLayout layout = new OutputLayout(projectDirectory);
        try {
            Synthesis synthesis = options.checks().isEmpty() ? null : new StackSynthesizer(options.checks()).synthesize(stack);
            AzureConnection connection = connector.apply(target);
            listener.progress("Stack " + stack.name() + ", environment " + stack.environment() + ", subscription "
                    + connection.subscriptionId());

            StageParameters parameters = new StageParameters(options.environmentVariables());
            WhatIfRunner.Result whatIf = new WhatIfRunner(connection.deployments(), parameters).run(stack, listener);
            Gates gates = new Gates(connection.diskEncryptionSetUsage(), connection.lookups());
            GateReport report = gates.evaluate(synthesis, whatIf.plan());

            PlanFiles.write(layout, whatIf.plan(), report);
            new WhatIfText(options.colour()).render(whatIf.plan()).lines().forEach(listener::progress);
            report.lines().forEach(listener::progress);
            listener.progress("Plan written to " + layout.planJson(stack.environment()) + " and plan.md");

            long changes = whatIf.plan().realChangeCount();
            if (report.blocked()) {
                return new EngineResult(EngineResult.Status.FAILED, "blocked by " + report.findings().size()
                        + " gate finding(s); nothing was deployed", whatIf.plan(), report.findings(), null);
            }
            if (!deploy || (changes > 0 && !approved)) {
                return pending(whatIf, report, changes, deploy);
            }
            return new StackDeployer(connection.deployments(), parameters, gates, layout,
                    options.hostPoolConfigurationFile(), clock).deploy(stack, whatIf, report, listener);
        } catch (SignInRequiredException | InvalidInputException | IllegalArgumentException e) {
            // IllegalArgumentException covers the DSL's InvalidModelException and an unknown subscription name.
            return new EngineResult(EngineResult.Status.INVALID_INPUT, e.getMessage(), null, List.of(), null);
        } catch (ArmOperationException e) {
            return new EngineResult(EngineResult.Status.FAILED, e.getMessage(), null, List.of(), null);
        } catch (ManagementException e) {
            // SDK calls outside the deployment client, such as the disk and VM look-ups of the gates.
            String code = e.getValue() == null ? "HTTP " + e.getResponse().getStatusCode() : e.getValue().getCode();
            String message = e.getValue() == null ? e.getMessage() : e.getValue().getMessage();
            return new EngineResult(EngineResult.Status.FAILED, "Azure request failed: " + code + ": " + message,
                    null, List.of(), null);
        } catch (UncheckedIOException e) {
            return new EngineResult(EngineResult.Status.FAILED, e.getMessage(), null, List.of(), null);
        }
    }

    private static EngineResult pending(WhatIfRunner.Result whatIf, GateReport report, long changes, boolean deploy) {
        if (changes == 0) {
            return new EngineResult(EngineResult.Status.NO_CHANGES, "no changes", whatIf.plan(), report.findings(), null);
        }
        String message = deploy
                ? "not deployed: " + changes + " changes pending approval"
                : changes + " changes; deploy with approval to apply them";
        return new EngineResult(EngineResult.Status.CHANGES_PENDING_APPROVAL, message, whatIf.plan(), report.findings(), null);
    }
}
