package io.cvmkeys.engine.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.engine.EngineResult;
import io.cvmkeys.engine.ProgressListener;
import io.cvmkeys.engine.azure.ArmDeploymentClient;
import io.cvmkeys.engine.azure.ArmOperationException;
import io.cvmkeys.engine.gates.GateReport;
import io.cvmkeys.engine.gates.Gates;
import io.cvmkeys.engine.whatif.StageParameters;
import io.cvmkeys.engine.whatif.StageRequest;
import io.cvmkeys.engine.whatif.StageWhatIf;
import io.cvmkeys.engine.whatif.WhatIfPlan;
import io.cvmkeys.engine.whatif.WhatIfRunner;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deploys the stages of an approved plan in order. A stage whose What-If shows no real change and whose outputs are
 * known is skipped, so an unchanged re-run writes nothing and a re-run after a failure resumes at the failed stage.
 * A stage whose parameters differ from the plan's, because an earlier stage was deployed in this run, gets a fresh
 * What-If and gates before its PUT.
 */
public final class StackDeployer {

    private final ArmDeploymentClient deployments;
    private final StageParameters parameters;
    private final Gates gates;
    private final OutputLayout layout;
    private final Path hostPoolConfigurationFile;
    private final Clock clock;

    public StackDeployer(ArmDeploymentClient deployments, StageParameters parameters, Gates gates, OutputLayout layout,
            Path hostPoolConfigurationFile, Clock clock) {
        this.deployments = deployments;
        this.parameters = parameters;
        this.gates = gates;
        this.layout = layout;
        this.hostPoolConfigurationFile = hostPoolConfigurationFile;
        this.clock = clock;
    }

    public EngineResult deploy(Stack stack, WhatIfRunner.Result planned, GateReport plannedGates, ProgressListener listener) {
        WhatIfRunner runner = new WhatIfRunner(deployments, parameters);
        DeploymentState state = DeploymentState.load(layout.stateFile(stack.environment()));
        Set<String> keysToSkip = new HashSet<>(plannedGates.keysToSkip());
        Map<String, ObjectNode> outputs = new LinkedHashMap<>();
        int deployed = 0;

        for (int i = 0; i < stack.stages().size(); i++) {
            Stage stage = stack.stages().get(i);
            StageRequest request = parameters.build(stack, stage, outputs);
            StageWhatIf whatIf = planned.plan().stages().get(i);

            if (!request.parameters().equals(planned.requests().get(i).parameters())) {
                listener.progress("Stage " + stage.name() + ": inputs from earlier stages are known now; running What-If again");
                whatIf = runner.run(request);
                GateReport report = gates.evaluate(null, new WhatIfPlan(stack.name(), stack.environment(), List.of(whatIf)));
                report.lines().forEach(listener::progress);
                if (report.blocked()) {
                    return new EngineResult(EngineResult.Status.FAILED, "stage " + stage.name() + " blocked by "
                            + report.findings().size() + " gate finding(s) after its inputs became known; stages before it"
                            + " are deployed", planned.plan(), report.findings(), null);
                }
                keysToSkip.addAll(report.keysToSkip());
            }

            Optional<ObjectNode> existing = deployments.succeededDeploymentOutputs(stage.resourceGroup(), request.deploymentName())
                    .or(() -> state.outputs(stage.name(), request.deploymentName()));
            if (!whatIf.hasRealChanges() && existing.isPresent()) {
                listener.progress("Stage " + stage.name() + ": no changes, deployment skipped");
                outputs.put(stage.name(), existing.get());
                if (!state.isCompleted(stage.name())) {
                    state.complete(stage.name(), request.deploymentName(), existing.get(), clock.instant());
                }
                continue;
            }

            ObjectNode template = ExistingKeys.withoutExistingKeys(request.template(), whatIf, keysToSkip);
            if (template != request.template()) {
                listener.progress("Stage " + stage.name() + ": the key exists exactly as defined; its PUT is skipped"
                        + " and its keyUriWithVersion is read from the existing key");
            }
            listener.progress("Stage " + stage.name() + ": deploying " + whatIf.realChangeCount() + " change(s) as "
                    + request.deploymentName() + " to resource group " + stage.resourceGroup());
            ObjectNode stageOutputs;
            try {
                stageOutputs = deployments.deploy(stage.resourceGroup(), request.deploymentName(), template,
                        request.parameters(), listener);
            } catch (ArmOperationException e) {
                listener.progress("Stage " + stage.name() + ": failed: " + e.code() + ": " + e.armMessage());
                return new EngineResult(EngineResult.Status.FAILED, "stage " + stage.name() + " failed: " + e.code() + ": "
                        + e.armMessage() + " (" + deployed + " stage(s) deployed before it; re-run to resume at stage "
                        + stage.name() + ")", planned.plan(), plannedGates.findings(), null);
            }
            listener.progress("Stage " + stage.name() + ": deployed");
            outputs.put(stage.name(), stageOutputs);
            state.complete(stage.name(), request.deploymentName(), stageOutputs, clock.instant());
            deployed++;
        }

        ObjectNode flat = OutputFiles.flatten(outputs);
        Path outputsFile = layout.outputsFile(stack.environment());
        OutputFiles.writeOutputs(outputsFile, flat);
        listener.progress("Outputs written to " + outputsFile);
        if (hostPoolConfigurationFile != null) {
            OutputFiles.writeHostPoolConfiguration(hostPoolConfigurationFile, flat);
            listener.progress("diskEncryptionSetId written to " + hostPoolConfigurationFile);
        }

        if (deployed == 0) {
            return new EngineResult(EngineResult.Status.NO_CHANGES, "no changes: every stage is up to date",
                    planned.plan(), plannedGates.findings(), flat);
        }
        return new EngineResult(EngineResult.Status.DONE, "deployed " + deployed + " of " + stack.stages().size()
                + " stage(s)", planned.plan(), plannedGates.findings(), flat);
    }
}
