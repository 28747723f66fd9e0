package io.cvmkeys.emulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Expands an ARM template into the resources a deployment writes, and computes What-If changes. The emulator's
 * deployment and What-If endpoints delegate to it. {@link ArmTemplateEngine} is the default; {@link LiteralTemplateEngine}
 * accepts literal templates only.
 */
public interface DeploymentEngine {

    /**
     * Evaluates the template with its parameter values. Raise {@link DeploymentEngineException} for an invalid
     * template or an unsupported function. The emulator returns 400 with its code (usually {@code InvalidTemplate}).
     */
    PlannedDeployment plan(DeploymentRequest request, ResourceReader reader);

    /** Returns the {@code properties.changes} array of a What-If result for a planned deployment. */
    JsonNode whatIf(PlannedDeployment deployment, ResourceReader reader);
}
