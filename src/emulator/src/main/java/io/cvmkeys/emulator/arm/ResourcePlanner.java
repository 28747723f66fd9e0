package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the template's {@code resources} array into resource instances in deployment order: expands resource-level
 * {@code copy} loops, drops instances whose {@code condition} is false, computes ids and resolves {@code dependsOn}.
 */
final class ResourcePlanner {

    private final TemplateScope scope;
    private final List<PlannedResource> planned = new ArrayList<>();
    private final Map<PlannedResource, List<String>> dependsOnEntries = new LinkedHashMap<>();
    private final List<String> skippedIds = new ArrayList<>();
    private final List<String> skippedNames = new ArrayList<>();

    private ResourcePlanner(TemplateScope scope) {
        this.scope = scope;
    }

    static List<PlannedResource> plan(JsonNode template, TemplateScope scope) {
        JsonNode resources = template.path("resources");
        if (resources.isObject()) {
            throw ArmExpressionException.invalidTemplate("The template's 'resources' is an object of symbolic names"
                    + " (languageVersion 2.0), which the cvmkeys emulator does not support. Use an array of"
                    + " resources.");
        }

        ResourcePlanner planner = new ResourcePlanner(scope);
        for (int i = 0; i < resources.size(); i++) {
            planner.planDefinition(i, resources.get(i));
        }
        return DependencyOrder.sort(planner.resolveDependencies());
    }

    private void planDefinition(int templateIndex, JsonNode definition) {
        if (definition.has("resources")) {
            throw ArmExpressionException.invalidTemplate("The resource at index " + templateIndex + " nests child"
                    + " resources in 'resources', which the cvmkeys emulator does not support. Declare child"
                    + " resources at the top level with their full type and name.");
        }

        JsonNode copy = definition.get("copy");
        if (copy == null) {
            planInstance(templateIndex, definition, null, 0);
            return;
        }

        String loopName = scope.staticEvaluator().evaluateValue(copy.path("name")).asText("");
        JsonNode count = scope.staticEvaluator().evaluateValue(copy.get("count"));
        if (loopName.isEmpty() || count == null || !count.isIntegralNumber() || count.longValue() < 0
                || count.longValue() > 800) {
            throw ArmExpressionException.invalidTemplate("The copy loop of the resource at index " + templateIndex
                    + " must have a 'name' and an integer 'count' from 0 to 800.");
        }
        for (int i = 0; i < count.intValue(); i++) {
            planInstance(templateIndex, definition, loopName, i);
        }
    }

    private void planInstance(int templateIndex, JsonNode definition, String loopName, int copyIndex) {
        ExpressionEvaluator evaluator = loopName == null
                ? scope.staticEvaluator()
                : scope.staticEvaluator().withCopyIndex(loopName, copyIndex);

        String type = requiredText(templateIndex, definition, "type", evaluator);
        String apiVersion = requiredText(templateIndex, definition, "apiVersion", evaluator);
        String name = requiredText(templateIndex, definition, "name", evaluator);

        String scopeId = null;
        String id;
        if (definition.has("scope")) {
            scopeId = ResourceIds.resolveScope(scope.context(),
                    ArmValues.toText(evaluator.evaluateValue(definition.get("scope"))));
            id = scopeId + ResourceIds.providerPath(type, List.of(name));
        } else {
            id = ResourceIds.resourceGroupResourceId(
                    scope.context().subscriptionId(), scope.context().resourceGroup(), type, List.of(name));
        }

        if (definition.has("condition")) {
            JsonNode condition = evaluator.evaluateValue(definition.get("condition"));
            if (!condition.isBoolean()) {
                throw ArmExpressionException.invalidTemplate("The condition of the resource '" + id + "' must be"
                        + " a Boolean but is of type '" + ArmValues.typeName(condition) + "'.");
            }
            if (!condition.booleanValue()) {
                skippedIds.add(key(id));
                skippedNames.add(key(name));
                skippedNames.add(key(type + "/" + name));
                return;
            }
        }

        for (PlannedResource existing : planned) {
            if (existing.id().equalsIgnoreCase(id)) {
                throw ArmExpressionException.invalidTemplate("The resource '" + id + "' is defined multiple times"
                        + " in the template. Give each resource a distinct name.");
            }
        }

        List<String> entries = new ArrayList<>();
        for (JsonNode entry : definition.path("dependsOn")) {
            entries.add(ArmValues.toText(evaluator.evaluateValue(entry)));
        }
        PlannedResource resource = new PlannedResource(
                templateIndex, definition, loopName, copyIndex, id, type, apiVersion, name, scopeId, List.of());
        planned.add(resource);
        dependsOnEntries.put(resource, entries);
    }

    private List<PlannedResource> resolveDependencies() {
        List<PlannedResource> resolved = new ArrayList<>();
        for (PlannedResource resource : planned) {
            List<String> ids = new ArrayList<>();
            for (String entry : dependsOnEntries.get(resource)) {
                for (String id : resolveEntry(resource, entry)) {
                    if (!containsIgnoreCase(ids, id)) {
                        ids.add(id);
                    }
                }
            }
            resolved.add(resource.withDependsOn(ids));
        }
        return resolved;
    }

    /**
     * Resolves one {@code dependsOn} entry as ARM does: a resource id, a resource-level copy loop's name, a resource
     * name or {@code type/name}. Entries for resources whose condition is false are dropped.
     */
    private List<String> resolveEntry(PlannedResource resource, String entry) {
        List<String> ids = new ArrayList<>();
        for (PlannedResource candidate : planned) {
            if (candidate.id().equalsIgnoreCase(entry)
                    || entry.equalsIgnoreCase(candidate.copyLoopName())
                    || candidate.name().equalsIgnoreCase(entry)
                    || (candidate.type() + "/" + candidate.name()).equalsIgnoreCase(entry)) {
                ids.add(candidate.id());
            }
        }
        if (ids.isEmpty() && !skippedIds.contains(key(entry)) && !skippedNames.contains(key(entry))) {
            throw ArmExpressionException.invalidTemplate("The resource '" + entry + "' in the dependsOn of '"
                    + resource.id() + "' is not defined in the template.");
        }
        if (containsIgnoreCase(ids, resource.id())) {
            throw ArmExpressionException.invalidTemplate("Circular dependency detected on resource '"
                    + resource.id() + "': it depends on itself.");
        }
        return ids;
    }

    private static String requiredText(int templateIndex, JsonNode definition, String field,
            ExpressionEvaluator evaluator) {
        JsonNode value = definition.get(field);
        if (value == null) {
            throw ArmExpressionException.invalidTemplate("The resource at index " + templateIndex
                    + " has no '" + field + "'.");
        }
        JsonNode evaluated = evaluator.evaluateValue(value);
        if (!evaluated.isTextual() || evaluated.textValue().isEmpty()) {
            throw ArmExpressionException.invalidTemplate("The '" + field + "' of the resource at index "
                    + templateIndex + " must be a non-empty String.");
        }
        return evaluated.textValue();
    }

    private static boolean containsIgnoreCase(List<String> values, String value) {
        for (String candidate : values) {
            if (candidate.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
