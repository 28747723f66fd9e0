package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Source of the values {@code reference()} returns, in one of two modes.
 *
 * <ul>
 *   <li>Deployment: the current state from a {@link ResourceLookup}; a missing resource is {@code ResourceNotFound}.
 *   <li>What-If preview: a template resource that the deployment creates or changes has no known state yet, so the
 *       reference raises {@link UnresolvedReferenceException} and the enclosing string stays unevaluated. A template
 *       resource that exists and will not change, and any resource outside the template, read the current state.
 * </ul>
 */
final class TemplateReferences implements ExpressionEvaluator.References {

    private final DeploymentContext context;
    private final ResourceLookup lookup;
    private final boolean preview;
    private final Map<String, PlannedResource> templateResources = new HashMap<>();
    private final Map<String, Boolean> willChange = new HashMap<>();

    private TemplateReferences(
            DeploymentContext context, ResourceLookup lookup, boolean preview, List<PlannedResource> resources) {
        this.context = context;
        this.lookup = lookup;
        this.preview = preview;
        for (PlannedResource resource : resources) {
            templateResources.put(key(resource.id()), resource);
        }
    }

    static TemplateReferences forDeployment(
            DeploymentContext context, ResourceLookup lookup, List<PlannedResource> resources) {
        return new TemplateReferences(context, lookup, false, resources);
    }

    static TemplateReferences forPreview(
            DeploymentContext context, ResourceLookup lookup, List<PlannedResource> resources) {
        return new TemplateReferences(context, lookup, true, resources);
    }

    /** Records the preview's verdict for a template resource, so later references to it can read current state. */
    void recordPreview(String resourceId, boolean changes) {
        willChange.put(key(resourceId), changes);
    }

    @Override
    public JsonNode reference(String resourceIdOrName, String apiVersion, boolean full) {
        String resourceId = resolveId(resourceIdOrName);

        if (preview && templateResources.containsKey(key(resourceId))
                && !Boolean.FALSE.equals(willChange.get(key(resourceId)))) {
            throw new UnresolvedReferenceException(resourceId);
        }

        Optional<ObjectNode> body = lookup.get(resourceId);
        if (body.isEmpty()) {
            throw new ArmExpressionException("ResourceNotFound", "The Resource '" + ResourceIds.typeOf(resourceId)
                    + "/" + ResourceIds.nameOf(resourceId) + "' under resource group '" + context.resourceGroup()
                    + "' was not found. reference() reads '" + resourceId + "', which must exist or be deployed"
                    + " earlier in this deployment (add it to dependsOn).");
        }
        if (full) {
            ObjectNode copy = body.get().deepCopy();
            if (apiVersion != null && !copy.has("apiVersion")) {
                copy.put("apiVersion", apiVersion);
            }
            return copy;
        }
        JsonNode properties = body.get().get("properties");
        return properties == null ? ArmValues.NODES.objectNode() : properties.deepCopy();
    }

    /** Resolves a plain name to the template resource of that name, as ARM's {@code reference('kv1')} does. */
    private String resolveId(String resourceIdOrName) {
        if (resourceIdOrName.startsWith("/")) {
            return resourceIdOrName;
        }
        for (PlannedResource resource : templateResources.values()) {
            if (resource.name().equalsIgnoreCase(resourceIdOrName)) {
                return resource.id();
            }
        }
        throw ArmExpressionException.invalidTemplate("The template function 'reference' was given '"
                + resourceIdOrName + "', which is neither a resource id nor the name of a resource in the template."
                + " Pass resourceId(...) of the resource.");
    }

    private static String key(String resourceId) {
        return resourceId.toLowerCase(Locale.ROOT);
    }
}
