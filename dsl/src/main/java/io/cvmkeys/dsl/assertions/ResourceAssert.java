package io.cvmkeys.dsl.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.policy.JsonPaths;
import io.cvmkeys.dsl.policy.TemplateResource;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Assertions on one resource of a template. Property paths are relative to the resource and may start with
 * {@code $.}: {@code $.properties.attributes.exportable} and {@code properties.attributes.exportable} are the same.
 * Values are compared as written in the template; expressions are not evaluated.
 */
public class ResourceAssert extends AbstractAssert<ResourceAssert, JsonNode> {

    private final TemplateResource resource;

    ResourceAssert(TemplateResource resource) {
        super(resource.node(), ResourceAssert.class);
        this.resource = resource;
    }

    /**
     * Verifies that the property at {@code path} matches {@code expected}: a plain value must be equal, a map or
     * JSON object matches as a subset, a list must match element by element, or pass any {@link Match} matcher.
     */
    public ResourceAssert hasProperty(String path, Object expected) {
        String normalized = JsonPaths.normalize(path);
        List<Mismatch> mismatches = Match.of(expected).mismatches(JsonPaths.at(actual, normalized), normalized);
        if (!mismatches.isEmpty()) {
            failWithMismatches(mismatches, expected);
        }
        return this;
    }

    /** Verifies that the property at {@code path} is present and not null. */
    public ResourceAssert hasProperty(String path) {
        return hasProperty(path, Match.anyValue());
    }

    /** Verifies that the resource has no property at {@code path}. */
    public ResourceAssert doesNotHaveProperty(String path) {
        return hasProperty(path, Match.absent());
    }

    /** Verifies that {@code properties} matches {@code expected} as a subset, in the manner of CDK's {@code hasResourceProperties}. */
    public ResourceAssert hasProperties(Map<String, ?> expected) {
        return hasProperty("properties", Match.objectLike(expected));
    }

    /** Verifies that the whole resource (type, name, identity, properties, ...) matches {@code expected} as a subset. */
    public ResourceAssert matches(Map<String, ?> expected) {
        List<Mismatch> mismatches = Match.objectLike(expected).mismatches(actual, "");
        if (!mismatches.isEmpty()) {
            failWithMismatches(mismatches, expected);
        }
        return this;
    }

    /** Verifies the {@code name} as written in the template, for example {@code [parameters('vaultName')]}. */
    public ResourceAssert hasName(String expected) {
        return hasProperty("name", expected);
    }

    public ResourceAssert hasApiVersion(String expected) {
        return hasProperty("apiVersion", expected);
    }

    /** Returns the raw value at {@code path}, or null when it is absent, for checks the other methods do not cover. */
    public JsonNode property(String path) {
        return JsonPaths.at(actual, path);
    }

    /** Returns the resource with its location and label, for example {@code resources[1] Microsoft.KeyVault/vaults 'kv1'}. */
    public TemplateResource resource() {
        return resource;
    }

    private void failWithMismatches(List<Mismatch> mismatches, Object expected) {
        String message = mismatches.stream()
                .map(mismatch -> mismatch.describe() + " in " + resource.label())
                .collect(Collectors.joining(System.lineSeparator()));
        failWithActualExpectedAndMessage(actual.toPrettyString(), String.valueOf(expected), "%s", message);
    }
}
