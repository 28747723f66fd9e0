package io.cvmkeys.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.dsl.write.ArmParametersWriter;
import io.cvmkeys.dsl.write.ArmTemplateWriter;
import io.cvmkeys.emulator.arm.DeploymentContext;
import io.cvmkeys.emulator.arm.EvaluatedDeployment;
import io.cvmkeys.emulator.arm.ResourceLookup;
import io.cvmkeys.emulator.arm.TemplateEvaluator;
import io.cvmkeys.emulator.arm.WhatIfCalculator;
import io.cvmkeys.dsl.stack.DeploymentNames;

/** What-If bodies in ARM's shape for a stage of a stack, computed by the emulator's evaluator without HTTP. */
public final class EmulatedWhatIf {

    public static final String SUBSCRIPTION_ID = "6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14";
    public static final String TENANT_ID = "3c1e4b7a-9d2f-4e85-b6a0-5f7c2d9e1b34";

    private EmulatedWhatIf() {
    }

    /** Computes the What-If body of {@code stageName} against {@code current}, in Incremental mode. */
    public static ObjectNode of(Stack stack, String stageName, ResourceLookup current) {
        Stage stage = stack.stage(stageName);
        JsonNode template = new ArmTemplateWriter().toJson(stage.template());
        JsonNode parameters = new ArmParametersWriter().toJson(stage.template(), stage.parameterValues()).get("parameters");
        DeploymentContext context = new DeploymentContext(SUBSCRIPTION_ID, stage.resourceGroup(), "westeurope", TENANT_ID,
                DeploymentNames.of(stack, stage));
        EvaluatedDeployment deployment = TemplateEvaluator.evaluate(template, parameters, context, current);
        return WhatIfCalculator.compute(deployment, current);
    }
}
