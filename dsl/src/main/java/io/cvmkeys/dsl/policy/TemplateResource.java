package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One resource of a template, with where it sits and the resolver for the template scope it belongs to.
 *
 * @param location  where the resource is, for example {@code resources[3]} or
 *                  {@code resources[2].properties.template.resources[0]} inside a nested deployment
 * @param type      the resource type as written, for example {@code Microsoft.KeyVault/vaults/keys}
 * @param name      the name as written in the template, possibly an expression
 * @param node      the resource's JSON object
 * @param resolver  resolves parameters and variables of the template that declares the resource
 */
public record TemplateResource(String location, String type, String name, JsonNode node, ExpressionResolver resolver) {

    /** Returns true when the type equals {@code expectedType}, ignoring case as ARM does. */
    public boolean isType(String expectedType) {
        return type.equalsIgnoreCase(expectedType);
    }

    /** Resolves the value at a path relative to the resource, for example {@code properties.sku.name}. */
    public ResolvedValue value(String relativePath) {
        return resolver.resolvePath(node, relativePath);
    }

    /** Returns the raw node at a path relative to the resource, without resolving expressions, or null. */
    public JsonNode raw(String relativePath) {
        return JsonPaths.at(node, relativePath);
    }

    /** Returns the JSON path of a property of this resource, for example {@code $.resources[3].properties.sku.name}. */
    public String path(String relativePath) {
        return relativePath.isEmpty() ? "$." + location : "$." + location + "." + JsonPaths.normalize(relativePath);
    }

    /** Returns the label used in findings: {@code resources[3] Microsoft.KeyVault/vaults 'kv1'}. */
    public String label() {
        return location + " " + type + " '" + name + "'";
    }
}
