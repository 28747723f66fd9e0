package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The template under evaluation: its resources (including those of inline nested deployments) and the resolvers
 * that turn {@code parameters()} and {@code variables()} into values.
 */
public final class PolicyContext {

    private static final String DEPLOYMENTS = "Microsoft.Resources/deployments";

    private final JsonNode template;
    private final List<TemplateScope> scopes = new ArrayList<>();
    private final List<TemplateResource> resources = new ArrayList<>();

    /**
     * One template with its own parameters and variables: the root template or the inline template of a nested
     * deployment.
     *
     * @param location where the template is, empty for the root or for example {@code resources[2].properties.template}
     * @param resolver resolves its parameters and variables
     */
    public record TemplateScope(String location, ExpressionResolver resolver) {

        public JsonNode template() {
            return resolver.template();
        }

        /** Returns the JSON path of a location inside this template, for example {@code $.parameters.webhookUri}. */
        public String path(String relativePath) {
            String prefix = location.isEmpty() ? "$" : "$." + location;
            return prefix + "." + JsonPaths.normalize(relativePath);
        }
    }

    public PolicyContext(JsonNode template, ParameterValues parameterValues) {
        this.template = Objects.requireNonNull(template, "template");
        if (!template.isObject()) {
            throw new IllegalArgumentException("An ARM template must be a JSON object, but was " + template.getNodeType() + ".");
        }
        collect("", new ExpressionResolver(template, parameterValues), true);
    }

    public JsonNode template() {
        return template;
    }

    /** Returns every resource in document order, nested deployments' resources right after their deployment. */
    public List<TemplateResource> resources() {
        return Collections.unmodifiableList(resources);
    }

    /** Returns the resources of one type, compared case-insensitively. */
    public List<TemplateResource> resourcesOfType(String type) {
        return resources.stream().filter(resource -> resource.isType(type)).toList();
    }

    public boolean hasResourceOfType(String type) {
        return resources.stream().anyMatch(resource -> resource.isType(type));
    }

    /**
     * Returns the templates that declare their own parameters: the root template and the inline templates of nested
     * deployments with inner expression scope. An outer-scope nested template uses the root's parameters.
     */
    public List<TemplateScope> scopes() {
        return Collections.unmodifiableList(scopes);
    }

    private void collect(String templateLocation, ExpressionResolver resolver, boolean ownParameters) {
        if (ownParameters) {
            scopes.add(new TemplateScope(templateLocation, resolver));
        }
        JsonNode array = resolver.template().path("resources");
        if (!array.isArray()) {
            // TODO: templates with languageVersion 2.0 keep resources in an object keyed by symbolic name; they are not read yet.
            return;
        }
        String prefix = templateLocation.isEmpty() ? "" : templateLocation + ".";
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String location = prefix + "resources[" + i + "]";
            String type = node.path("type").asText("");
            TemplateResource resource = new TemplateResource(location, type, node.path("name").asText(""), node, resolver);
            resources.add(resource);
            if (resource.isType(DEPLOYMENTS) && node.path("properties").path("template").isObject()) {
                collect(location + ".properties.template", nestedResolver(resource, resolver), isInnerScope(node));
            }
        }
    }

    private static boolean isInnerScope(JsonNode deployment) {
        String scope = deployment.path("properties").path("expressionEvaluationOptions").path("scope").asText("outer");
        return scope.equalsIgnoreCase("inner");
    }

    /**
     * Creates the resolver of a nested deployment. With {@code expressionEvaluationOptions.scope = inner} (what
     * Bicep modules compile to) the nested template has its own parameters, fed from the deployment's
     * {@code parameters}; otherwise its expressions see the outer template's parameters and variables.
     */
    private static ExpressionResolver nestedResolver(TemplateResource deployment, ExpressionResolver outer) {
        JsonNode properties = deployment.node().path("properties");
        JsonNode nestedTemplate = properties.path("template");
        if (!isInnerScope(deployment.node())) {
            ObjectNode merged = nestedTemplate.deepCopy();
            merged.set("parameters", outer.template().path("parameters"));
            merged.set("variables", outer.template().path("variables"));
            return new ExpressionResolver(merged, outer.parameterValues());
        }

        Map<String, JsonNode> supplied = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        properties.path("parameters").fields().forEachRemaining(entry -> {
            ResolvedValue value = outer.resolve(entry.getValue().get("value"));
            if (value.isKnown()) {
                supplied.put(entry.getKey(), value.value());
            } else {
                unknown.add(entry.getKey());
            }
        });
        return new ExpressionResolver(nestedTemplate, ParameterValues.of(supplied, unknown));
    }
}
