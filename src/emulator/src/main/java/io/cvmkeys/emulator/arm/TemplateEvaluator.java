package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates classic (resources as an array) ARM templates for a resource-group deployment.
 *
 * <p>{@link #evaluate} validates the parameters, plans the resources (copy loops, conditions, ids, dependsOn,
 * order) and previews their bodies against the current state for What-If. Deploy through
 * {@link EvaluatedDeployment#deploymentSteps()}, which evaluates each resource right before its PUT, and read the
 * outputs with {@link EvaluatedDeployment#evaluateOutputs} afterwards.
 */
public final class TemplateEvaluator {

    private TemplateEvaluator() {
    }

    /**
     * Evaluates a template.
     *
     * @param template the template JSON
     * @param parameterValues the deployment's {@code parameters} object, {@code {"name": {"value": ...}}}; may be
     *     null when the template needs none
     * @param context the deployment's subscription, resource group and names
     * @param lookup the current state, read by {@code reference()} during the What-If preview
     * @throws ArmExpressionException with code {@code InvalidTemplate} for invalid parameters, expressions or
     *     dependencies
     */
    public static EvaluatedDeployment evaluate(
            JsonNode template, JsonNode parameterValues, DeploymentContext context, ResourceLookup lookup) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(lookup, "lookup");
        if (!template.isObject()) {
            throw ArmExpressionException.invalidTemplate("The template must be a JSON object.");
        }

        TemplateScope scope = new TemplateScope(template, parameterValues, context);
        scope.validateParameters();

        List<PlannedResource> planned = ResourcePlanner.plan(template, scope);
        EvaluatedDeployment deployment = new EvaluatedDeployment(scope, planned, template.path("outputs"));
        deployment.preview(lookup);
        return deployment;
    }
}
