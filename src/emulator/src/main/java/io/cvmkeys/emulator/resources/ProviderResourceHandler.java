package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.ArmResponse;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET, PUT, PATCH, DELETE, list and POST actions on any resource under a {@code /providers/} path, with the
 * type-specific rules of {@link ResourceBehaviors}.
 */
public final class ProviderResourceHandler {
    private static final Pattern PRINCIPAL_FILTER = Pattern.compile("principalId\\s+eq\\s+'([^']+)'",
        Pattern.CASE_INSENSITIVE);

    private final EmulatorContext context;
    private final ResourceBehaviors behaviors;

    public ProviderResourceHandler(EmulatorContext context, ResourceBehaviors behaviors) {
        this.context = context;
        this.behaviors = behaviors;
    }

    public ArmResponse get(ArmRequest request, ResourceId id) {
        request.requireApiVersion();
        StoredResource resource = require(id);
        return ArmResponse.ok(behaviors.forType(resource.type()).render(context, resource, request));
    }

    public ArmResponse head(ArmRequest request, ResourceId id) {
        return context.store().contains(id.id()) ? ArmResponse.noContent() : new ArmResponse(404, null);
    }

    public ArmResponse put(ArmRequest request, ResourceId id) {
        request.requireApiVersion();
        ObjectNode body = request.jsonObject();
        requireContainers(id);
        ResourceBehavior behavior = behaviors.forType(id.type());
        StoredResource existing = context.store().get(id.id()).orElse(null);
        if (existing == null && requiresLocation(id) && !body.hasNonNull("location")) {
            throw ArmException.badRequest("LocationRequired",
                "The location property is required for resource '" + id.id() + "' of type '" + id.type() + "'.");
        }
        StoredResource prepared = behavior.prepare(context, request, id, existing, body);
        return behavior.write(context, request, id, existing, prepared, false);
    }

    public ArmResponse patch(ArmRequest request, ResourceId id) {
        request.requireApiVersion();
        ObjectNode patch = request.jsonObject();
        StoredResource existing = require(id);
        ResourceBehavior behavior = behaviors.forType(existing.type());

        ObjectNode merged = existing.body().deepCopy();
        patch.remove(List.of("id", "name", "type"));
        Json.mergePatch(merged, patch);
        StoredResource prepared = behavior.prepare(context, request, id, existing, merged);
        return behavior.write(context, request, id, existing, prepared, true);
    }

    public ArmResponse delete(ArmRequest request, ResourceId id) {
        request.requireApiVersion();
        Optional<StoredResource> existing = context.store().get(id.id());
        if (existing.isEmpty()) {
            return ArmResponse.noContent();
        }
        return behaviors.forType(existing.get().type()).delete(context, request, existing.get());
    }

    public ArmResponse action(ArmRequest request, ResourceId id, String action) {
        request.requireApiVersion();
        StoredResource resource = require(id);
        return behaviors.forType(resource.type()).action(context, request, resource, action);
    }

    /**
     * Lists the resources of a collection path: {@code {scope}/providers/{namespace}/{type}} lists that type under
     * the scope, {@code {resource}/{childType}} lists the children, and a name that is a sub-resource (a VM's
     * {@code instanceView}) returns that instead.
     */
    public ArmResponse list(ArmRequest request, String scope, String namespace, List<String> types, List<String> names) {
        request.requireApiVersion();
        String type = namespace + "/" + String.join("/", types);
        String parentId;
        if (names.isEmpty()) {
            parentId = scope;
            ResourceId scopeId = scope.toLowerCase(Locale.ROOT).contains("/providers/") ? ResourceId.parse(scope) : null;
            if (scopeId != null) {
                require(scopeId);
            } else if (scope.toLowerCase(Locale.ROOT).contains("/resourcegroups/")) {
                String[] parts = scope.split("/");
                context.requireResourceGroup(parts[2], parts[4]);
            }
        } else {
            StringBuilder parent = new StringBuilder(scope).append("/providers/").append(namespace);
            for (int i = 0; i < names.size(); i++) {
                parent.append('/').append(types.get(i)).append('/').append(names.get(i));
            }
            parentId = parent.toString();
            StoredResource parentResource = require(ResourceId.parse(parentId));
            Optional<ArmResponse> subresource = behaviors.forType(parentResource.type())
                .subresource(context, request, parentResource, types.get(types.size() - 1));
            if (subresource.isPresent()) {
                return subresource.get();
            }
        }

        String principalId = principalFilter(request.query("$filter"));
        List<ObjectNode> items = new ArrayList<>();
        for (StoredResource resource : context.store().findByTypeUnder(type, parentId)) {
            if (principalId == null || principalId.equalsIgnoreCase(Json.text(resource.body(), "properties.principalId"))) {
                items.add(behaviors.forType(resource.type()).render(context, resource, request));
            }
        }
        return ArmResponse.ok(context.pager().page(request, items));
    }

    /** Lists the top-level, non-extension resources of a resource group or subscription. */
    public ArmResponse listResources(ArmRequest request, String scope) {
        request.requireApiVersion();
        List<ObjectNode> items = new ArrayList<>();
        for (StoredResource resource : context.store().find(r -> r.id().toLowerCase(Locale.ROOT)
            .startsWith(scope.toLowerCase(Locale.ROOT) + "/")
            && !r.type().equalsIgnoreCase("Microsoft.Resources/resourceGroups"))) {
            ResourceId id = resource.resourceId();
            if (id.names().size() == 1 && !id.isExtension() && id.resourceGroup() != null
                && !id.hasType("Microsoft.Resources/deployments")) {
                items.add(behaviors.forType(resource.type()).render(context, resource, request));
            }
        }
        return ArmResponse.ok(context.pager().page(request, items));
    }

    private StoredResource require(ResourceId id) {
        return context.store().get(id.id()).orElseThrow(() -> {
            if (id.resourceGroup() != null && !context.store().contains(id.resourceGroupId())) {
                return ArmException.resourceGroupNotFound(id.resourceGroup());
            }
            if (id.hasType("Microsoft.Resources/deployments")) {
                return new ArmException(404, "DeploymentNotFound", "Deployment '" + id.name()
                    + "' could not be found.");
            }
            return new ArmException(404, "ResourceNotFound",
                "The Resource '" + id.type() + "/" + String.join("/", id.names()) + "' under resource group '"
                    + id.resourceGroup() + "' was not found.");
        });
    }

    /** Checks that the resource group, the parent resource and, for extension resources, the scope exist. */
    private void requireContainers(ResourceId id) {
        if (id.resourceGroup() != null) {
            context.requireResourceGroup(id.subscriptionId(), id.resourceGroup());
        }
        ResourceId parent = id.parent();
        if (parent != null && !context.store().contains(parent.id())) {
            throw new ArmException(404, "ParentResourceNotFound", "Can not perform requested operation on nested "
                + "resource. Parent resource '" + String.join("/", parent.names()) + "' not found.");
        }
        if (id.isExtension() && !context.store().contains(id.scope())) {
            throw new ArmException(404, "ResourceNotFound", "The scope '" + id.scope() + "' of extension resource '"
                + id.id() + "' does not exist.");
        }
    }

    /** Tracked top-level resources in a resource group need a location, as in ARM. */
    private static boolean requiresLocation(ResourceId id) {
        return id.resourceGroup() != null && id.names().size() == 1 && !id.isExtension()
            && !id.hasType("Microsoft.Resources/deployments");
    }

    private static String principalFilter(String filter) {
        if (filter == null) {
            return null;
        }
        Matcher matcher = PRINCIPAL_FILTER.matcher(filter);
        return matcher.find() ? matcher.group(1) : null;
    }
}
