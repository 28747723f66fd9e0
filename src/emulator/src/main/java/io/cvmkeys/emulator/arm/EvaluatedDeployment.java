package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A template evaluated for one deployment: its resources in dependency order and its outputs.
 *
 * <p>{@link #resources()} are evaluated against the state given to {@link TemplateEvaluator#evaluate}, as ARM's
 * What-If does: a string that uses {@code reference()} of a template resource that will be created or changed
 * stays unevaluated (for example {@code [reference(...).principalId]}). Those bodies are right for What-If but
 * not for a PUT. To deploy, walk {@link #deploymentSteps()}: each step evaluates the next resource against the
 * state at that moment, so the caller PUTs resource i before resource i+1 is evaluated and its
 * {@code reference()} reads resource i.
 *
 * <p>Instances are not thread-safe: parameters and variables are resolved and cached on first use.
 */
public final class EvaluatedDeployment {

    /** Template resource fields that are not part of the PUT body. */
    private static final Set<String> NON_BODY_FIELDS = Set.of(
            "type", "apiVersion", "name", "dependsOn", "condition", "copy", "scope", "comments", "resources");

    private final TemplateScope scope;
    private final List<PlannedResource> planned;
    private final JsonNode outputs;
    private final List<EvaluatedResource> previews = new ArrayList<>();

    EvaluatedDeployment(TemplateScope scope, List<PlannedResource> planned, JsonNode outputs) {
        this.scope = scope;
        this.planned = List.copyOf(planned);
        this.outputs = outputs;
    }

    /** Returns the resources in dependency order, evaluated against the state before the deployment. */
    public List<EvaluatedResource> resources() {
        return List.copyOf(previews);
    }

    /** Returns a fresh walk over the resources for deploying them one by one. */
    public DeploymentSteps deploymentSteps() {
        return new DeploymentSteps(this);
    }

    /**
     * Evaluates the template's {@code outputs} against the state after the deployment, returning ARM's shape
     * {@code {"name": {"type": "String", "value": ...}}}. Outputs whose condition is false are left out, and
     * secure outputs carry no value, as in ARM.
     */
    public ObjectNode evaluateOutputs(ResourceLookup afterDeploy) {
        ExpressionEvaluator evaluator = scope.evaluator(
                TemplateReferences.forDeployment(scope.context(), afterDeploy, planned));
        ObjectNode result = ArmValues.NODES.objectNode();

        Iterator<Map.Entry<String, JsonNode>> fields = outputs.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode definition = field.getValue();
            if (definition.has("condition") && !evaluator.evaluateValue(definition.get("condition")).asBoolean()) {
                continue;
            }

            String type = outputType(field.getKey(), definition.path("type").asText(""));
            ObjectNode output = result.putObject(field.getKey());
            output.put("type", type);
            if (type.startsWith("Secure")) {
                continue;
            }
            JsonNode value = definition.has("copy")
                    ? outputLoop(field.getKey(), definition.get("copy"), evaluator)
                    : evaluator.evaluateValue(definition.get("value"));
            output.set("value", value);
        }
        return result;
    }

    int size() {
        return planned.size();
    }

    /** Evaluates the planned resource at {@code index} with {@code reference()} reading {@code lookup}. */
    EvaluatedResource evaluateForDeployment(int index, ResourceLookup lookup) {
        ExpressionEvaluator evaluator = scope.evaluator(
                TemplateReferences.forDeployment(scope.context(), lookup, planned));
        return evaluate(planned.get(index), evaluator);
    }

    /** Evaluates every resource for What-If, noting which ones change so later references know what to trust. */
    void preview(ResourceLookup lookup) {
        TemplateReferences references = TemplateReferences.forPreview(scope.context(), lookup, planned);
        ExpressionEvaluator evaluator = scope.evaluator(references);
        for (PlannedResource resource : planned) {
            EvaluatedResource evaluated = evaluate(resource, evaluator);
            previews.add(evaluated);

            boolean changes = lookup.get(evaluated.id())
                    .map(before -> WhatIfDelta.hasChange(WhatIfDelta.compute(
                            evaluated.type(), before, WhatIfCalculator.after(evaluated))))
                    .orElse(true);
            references.recordPreview(evaluated.id(), changes);
        }
    }

    private static EvaluatedResource evaluate(PlannedResource resource, ExpressionEvaluator evaluator) {
        ExpressionEvaluator bound = resource.bind(evaluator);
        ObjectNode body = ArmValues.NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = resource.definition().properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!NON_BODY_FIELDS.contains(field.getKey())) {
                body.set(field.getKey(), bound.evaluateValue(field.getValue()));
            }
        }
        return new EvaluatedResource(resource.id(), resource.type(), resource.apiVersion(), resource.name(), body,
                resource.scope(), resource.dependsOnIds());
    }

    private static ArrayNode outputLoop(String name, JsonNode copy, ExpressionEvaluator evaluator) {
        // An output loop has no name of its own; copyIndex() without a name refers to it.
        return PropertyCopy.evaluateLoop(name, copy, evaluator);
    }

    private static String outputType(String name, String declaredType) {
        return switch (declaredType.toLowerCase(Locale.ROOT)) {
            case "string" -> "String";
            case "securestring" -> "SecureString";
            case "int" -> "Int";
            case "bool" -> "Bool";
            case "object" -> "Object";
            case "secureobject" -> "SecureObject";
            case "array" -> "Array";
            default -> throw ArmExpressionException.invalidTemplate("The template output '" + name + "' has type '"
                    + declaredType + "', which is not valid. Use one of string, securestring, int, bool, object,"
                    + " secureObject or array.");
        };
    }
}
