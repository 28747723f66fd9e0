package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything a template's expressions can see besides resource state: the deployment context, parameters and
 * variables. It hands out evaluators that differ only in what {@code reference()} reads.
 */
final class TemplateScope {

    /** Rejects {@code reference()} where ARM does not allow it: parameter defaults, variables, names, dependsOn. */
    static final ExpressionEvaluator.References NO_REFERENCES = (target, apiVersion, full) -> {
        throw ArmExpressionException.invalidTemplate("The template function 'reference' is not expected at this"
                + " location: it is valid only in resource properties and outputs.");
    };

    private final DeploymentContext context;
    private final TemplateParameters parameters;
    private final TemplateVariables variables;
    private final ExpressionEvaluator staticEvaluator;

    TemplateScope(JsonNode template, JsonNode parameterValues, DeploymentContext context) {
        this.context = context;
        this.parameters = new TemplateParameters(template, parameterValues);
        this.variables = new TemplateVariables(template);
        this.staticEvaluator = new ExpressionEvaluator(context, new Bindings(), NO_REFERENCES);
    }

    DeploymentContext context() {
        return context;
    }

    /** Resolves and validates every parameter now, so an invalid value fails the deployment before any resource. */
    void validateParameters() {
        for (String name : parameters.names()) {
            parameters.value(name, staticEvaluator::evaluateValue);
        }
    }

    /** Returns an evaluator where {@code reference()} is not allowed. */
    ExpressionEvaluator staticEvaluator() {
        return staticEvaluator;
    }

    /** Returns an evaluator whose {@code reference()} calls go to {@code references}. */
    ExpressionEvaluator evaluator(ExpressionEvaluator.References references) {
        return new ExpressionEvaluator(context, new Bindings(), references);
    }

    private final class Bindings implements ExpressionEvaluator.Bindings {

        @Override
        public JsonNode parameter(String name) {
            return parameters.value(name, staticEvaluator::evaluateValue);
        }

        @Override
        public JsonNode variable(String name) {
            return variables.value(name, staticEvaluator);
        }
    }
}
