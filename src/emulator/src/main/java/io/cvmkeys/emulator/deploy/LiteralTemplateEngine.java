package io.cvmkeys.emulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deployment engine for templates whose values are all literals: it rejects any ARM expression with
 * {@code InvalidTemplate}, turns {@code [[} escapes back into {@code [}, and writes resources in template order.
 *
 * <p>It neither evaluates expressions nor orders resources by {@code dependsOn}, and its What-If delta compares only
 * the properties the template sets.
 */
public final class LiteralTemplateEngine implements DeploymentEngine {
    /** Template keys of a resource that are not part of the PUT body. */
    private static final Set<String> TEMPLATE_ONLY_KEYS = Set.of("type", "apiVersion", "name", "dependsOn", "scope",
        "condition", "copy", "comments", "metadata");

    @Override
    public PlannedDeployment plan(DeploymentRequest request, ResourceReader reader) {
        JsonNode template = request.template();
        if (template == null || !template.isObject() || !template.path("resources").isArray()) {
            throw new DeploymentEngineException("InvalidTemplate",
                "The template of deployment '" + request.deploymentName() + "' must be a JSON object with a "
                    + "'resources' array (classic ARM template).");
        }
        JsonNode literal = unescape(template, "template");

        List<PlannedResource> resources = new ArrayList<>();
        int index = 0;
        for (JsonNode resource : literal.get("resources")) {
            resources.add(planResource(request, resource, "resources[" + index + "]"));
            index++;
        }
        JsonNode outputs = literal.path("outputs").isObject() ? literal.get("outputs") : JsonNodeFactory.instance.objectNode();
        return new LiteralDeployment(resources, outputs);
    }

    @Override
    public JsonNode whatIf(PlannedDeployment deployment, ResourceReader reader) {
        ArrayNode changes = JsonNodeFactory.instance.arrayNode();
        for (PlannedResource resource : deployment.resources()) {
            ObjectNode change = changes.addObject();
            change.put("resourceId", resource.id());
            ObjectNode after = resource.body().deepCopy();
            after.put("id", resource.id());
            after.put("name", resource.name());
            after.put("type", resource.type());
            after.put("apiVersion", resource.apiVersion());

            Optional<ObjectNode> before = reader.get(resource.id());
            if (before.isEmpty()) {
                change.put("changeType", "Create");
                change.set("after", after);
                continue;
            }
            ArrayNode delta = JsonNodeFactory.instance.arrayNode();
            diff("", before.get(), resource.body(), delta);
            change.put("changeType", delta.isEmpty() ? "NoChange" : "Modify");
            change.set("before", before.get());
            change.set("after", after);
            if (!delta.isEmpty()) {
                change.set("delta", delta);
            }
        }
        return changes;
    }

    private static PlannedResource planResource(DeploymentRequest request, JsonNode resource, String path) {
        String type = requireText(resource, "type", path);
        String apiVersion = requireText(resource, "apiVersion", path);
        String name = requireText(resource, "name", path);

        String[] typeSegments = type.split("/");
        String[] nameSegments = name.split("/");
        if (typeSegments.length != nameSegments.length + 1) {
            throw new DeploymentEngineException("InvalidTemplate", "The resource at '" + path + "' has type '" + type
                + "' and name '" + name + "': a name needs one segment per type level after the namespace.");
        }

        StringBuilder id = new StringBuilder(scopeOf(request, resource.path("scope").asText(null)))
            .append("/providers/").append(typeSegments[0]);
        for (int i = 0; i < nameSegments.length; i++) {
            id.append('/').append(typeSegments[i + 1]).append('/').append(nameSegments[i]);
        }

        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = resource.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!TEMPLATE_ONLY_KEYS.contains(field.getKey())) {
                body.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return new PlannedResource(id.toString(), type, apiVersion, nameSegments[nameSegments.length - 1],
            body.path("location").asText(null), body);
    }

    /** Resolves a resource's {@code scope}: absent means the resource group, a relative id is under the group. */
    private static String scopeOf(DeploymentRequest request, String scope) {
        String group = "/subscriptions/" + request.subscriptionId() + "/resourceGroups/" + request.resourceGroup();
        if (scope == null || scope.isBlank()) {
            return group;
        }
        return scope.startsWith("/") ? scope : group + "/providers/" + scope;
    }

    private static String requireText(JsonNode resource, String field, String path) {
        JsonNode value = resource.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new DeploymentEngineException("InvalidTemplate",
                "The resource at '" + path + "' has no '" + field + "'; every template resource needs type, "
                    + "apiVersion and name.");
        }
        return value.asText();
    }

    /** Copies {@code node}, rejecting ARM expressions and turning {@code [[} escapes into literal {@code [}. */
    private static JsonNode unescape(JsonNode node, String path) {
        if (node.isTextual()) {
            String text = node.asText();
            if (text.startsWith("[[")) {
                return TextNode.valueOf(text.substring(1));
            }
            if (text.startsWith("[") && text.endsWith("]")) {
                throw new DeploymentEngineException("InvalidTemplate", "The template expression '" + text + "' at '"
                    + path + "' cannot be evaluated: the emulator's literal template engine accepts literal values "
                    + "only. Deploy with the ARM template evaluator, or inline the value.");
            }
            return node;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(),
                unescape(field.getValue(), path + "." + field.getKey())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(unescape(node.get(i), path + "[" + i + "]"));
            }
            return copy;
        }
        return node;
    }

    /** Adds a {@code Modify} or {@code Create} property change for each planned value that differs from the existing one. */
    private static void diff(String path, JsonNode before, JsonNode planned, ArrayNode delta) {
        Iterator<Map.Entry<String, JsonNode>> fields = planned.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode existing = before.get(field.getKey());
            if (field.getValue().isObject() && existing != null && existing.isObject()) {
                diff(fieldPath, existing, field.getValue(), delta);
            } else if (existing == null || !sameValue(existing, field.getValue())) {
                ObjectNode change = delta.addObject();
                change.put("path", fieldPath);
                change.put("propertyChangeType", existing == null ? "Create" : "Modify");
                if (existing != null) {
                    change.set("before", existing);
                }
                change.set("after", field.getValue());
            }
        }
    }

    private static boolean sameValue(JsonNode existing, JsonNode planned) {
        if (existing.isNumber() && planned.isNumber()) {
            return existing.decimalValue().compareTo(planned.decimalValue()) == 0;
        }
        if (existing.isTextual() && planned.isTextual()) {
            return existing.asText().equalsIgnoreCase(planned.asText());
        }
        return existing.equals(planned);
    }

    private record LiteralDeployment(List<PlannedResource> resources, JsonNode literalOutputs)
        implements PlannedDeployment {

        @Override
        public JsonNode outputs(ResourceReader reader) {
            ObjectNode outputs = JsonNodeFactory.instance.objectNode();
            literalOutputs.fields().forEachRemaining(field -> {
                ObjectNode output = outputs.putObject(field.getKey());
                output.put("type", field.getValue().path("type").asText("String"));
                output.set("value", field.getValue().path("value").deepCopy());
            });
            return outputs;
        }
    }
}
