package io.cvmkeys.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.dsl.stack.StageInput;
import io.cvmkeys.engine.ProgressListener;
import io.cvmkeys.engine.azure.ArmDeploymentClient;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs What-If for every stage of a stack in order. The outputs of earlier stages come from their last succeeded
 * deployment; the outputs of a stage never deployed are unknown, and the plan marks them.
 */
public final class WhatIfRunner {

    private final ArmDeploymentClient deployments;
    private final StageParameters parameters;

    public WhatIfRunner(ArmDeploymentClient deployments, StageParameters parameters) {
        this.deployments = deployments;
        this.parameters = parameters;
    }

    /** The What-If of each stage, with the requests that were sent and the outputs found. */
    public record Result(WhatIfPlan plan, List<StageRequest> requests, Map<String, ObjectNode> deployedOutputs) {
    }

    public Result run(Stack stack, ProgressListener listener) {
        Map<String, ObjectNode> outputs = new LinkedHashMap<>();
        List<StageWhatIf> stages = new ArrayList<>();
        List<StageRequest> requests = new ArrayList<>();
        Set<String> changingStages = new HashSet<>();

        for (Stage stage : stack.stages()) {
            StageRequest request = parameters.build(stack, stage, outputs);
            listener.progress("What-If of stage " + stage.name() + " in resource group " + stage.resourceGroup()
                    + " (deployment " + request.deploymentName() + ")");
            List<StageInput> pending = stage.inputs().stream()
                    .filter(input -> changingStages.contains(input.fromStage()))
                    .filter(input -> request.unknownInputs().stream().noneMatch(unknown -> unknown.parameter().equals(input.parameter())))
                    .toList();
            StageWhatIf whatIf = run(request).withPendingInputs(pending);
            if (whatIf.hasRealChanges()) {
                changingStages.add(stage.name());
            }
            stages.add(whatIf);
            requests.add(request);
            deployments.succeededDeploymentOutputs(stage.resourceGroup(), request.deploymentName())
                    .ifPresent(found -> outputs.put(stage.name(), found));
        }
        return new Result(new WhatIfPlan(stack.name(), stack.environment(), stages), requests, outputs);
    }

    /** Runs What-If of one prepared stage. */
    public StageWhatIf run(StageRequest request) {
        Stage stage = request.stage();
        JsonNode body = deployments.whatIf(stage.resourceGroup(), request.deploymentName(), request.template(),
                request.parameters());
        List<ResourceChange> changes = WhatIfResults.parse("What-If of stage '" + stage.name() + "'", body);
        return new StageWhatIf(stage.name(), stage.resourceGroup(), request.deploymentName(), changes, request.unknownInputs());
    }
}
