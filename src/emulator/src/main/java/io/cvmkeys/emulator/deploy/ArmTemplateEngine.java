package io.cvmkeys.emulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.arm.ArmExpressionException;
import io.cvmkeys.emulator.arm.DeploymentContext;
import io.cvmkeys.emulator.arm.DeploymentSteps;
import io.cvmkeys.emulator.arm.EvaluatedDeployment;
import io.cvmkeys.emulator.arm.EvaluatedResource;
import io.cvmkeys.emulator.arm.TemplateEvaluator;
import io.cvmkeys.emulator.arm.WhatIfCalculator;

import java.util.List;

/**
 * The emulator's default deployment engine: ARM templates evaluated by {@link TemplateEvaluator}, What-If computed
 * by {@link WhatIfCalculator}. Each resource's PUT body is evaluated only after the resources before it were
 * written, so {@code reference()} sees them as ARM's would.
 */
public final class ArmTemplateEngine implements DeploymentEngine {

    @Override
    public PlannedDeployment plan(DeploymentRequest request, ResourceReader reader) {
        DeploymentContext context = new DeploymentContext(request.subscriptionId(), request.resourceGroup(),
                request.location(), request.tenantId(), request.deploymentName());
        try {
            EvaluatedDeployment deployment = TemplateEvaluator.evaluate(request.template(), request.parameters(), context,
                    reader::get);
            return new Evaluated(deployment);
        } catch (ArmExpressionException e) {
            throw new DeploymentEngineException(e.code(), e.getMessage());
        }
    }

    @Override
    public JsonNode whatIf(PlannedDeployment deployment, ResourceReader reader) {
        try {
            return WhatIfCalculator.compute(((Evaluated) deployment).deployment, reader::get).at("/properties/changes");
        } catch (ArmExpressionException e) {
            throw new DeploymentEngineException(e.code(), e.getMessage());
        }
    }

    private static PlannedResource toPlanned(EvaluatedResource resource) {
        JsonNode location = resource.body().get("location");
        return new PlannedResource(resource.id(), resource.type(), resource.apiVersion(), resource.name(),
                location == null ? null : location.asText(), resource.body());
    }

    /** An evaluated template; {@link #resolveForWrite} walks its deployment steps in order. */
    private static final class Evaluated implements PlannedDeployment {

        private final EvaluatedDeployment deployment;
        private final List<PlannedResource> preview;
        private DeploymentSteps steps;

        Evaluated(EvaluatedDeployment deployment) {
            this.deployment = deployment;
            this.preview = deployment.resources().stream().map(ArmTemplateEngine::toPlanned).toList();
        }

        @Override
        public List<PlannedResource> resources() {
            return preview;
        }

        @Override
        public PlannedResource resolveForWrite(PlannedResource planned, ResourceReader reader) {
            if (steps == null) {
                steps = deployment.deploymentSteps();
            }
            try {
                EvaluatedResource next = steps.evaluateNext(reader::get);
                if (!next.id().equalsIgnoreCase(planned.id())) {
                    throw new IllegalStateException("Deployment steps are out of order: expected " + planned.id()
                            + " but evaluated " + next.id());
                }
                return toPlanned(next);
            } catch (ArmExpressionException e) {
                throw new DeploymentEngineException(e.code(), e.getMessage());
            }
        }

        @Override
        public ObjectNode outputs(ResourceReader reader) {
            try {
                return deployment.evaluateOutputs(reader::get);
            } catch (ArmExpressionException e) {
                throw new DeploymentEngineException(e.code(), e.getMessage());
            }
        }
    }
}
