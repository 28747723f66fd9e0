package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.ArmResponse;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.Operation;
import io.cvmkeys.emulator.state.StoredResource;
import java.util.ArrayList;
import java.util.List;

/** Resource groups: PUT, GET, HEAD, PATCH (tags), list, and DELETE as a long-running operation. */
public final class ResourceGroupHandler {
    private static final String TYPE = "Microsoft.Resources/resourceGroups";

    private final EmulatorContext context;

    public ResourceGroupHandler(EmulatorContext context) {
        this.context = context;
    }

    public ArmResponse list(ArmRequest request, String subscriptionId) {
        request.requireApiVersion();
        String prefix = "/subscriptions/" + subscriptionId + "/resourcegroups/";
        List<ObjectNode> groups = new ArrayList<>();
        for (StoredResource group : context.store().find(resource -> resource.type().equalsIgnoreCase(TYPE)
            && resource.id().toLowerCase().startsWith(prefix))) {
            groups.add(group.body().deepCopy());
        }
        return ArmResponse.ok(context.pager().page(request, groups));
    }

    public ArmResponse get(ArmRequest request, String subscriptionId, String name) {
        request.requireApiVersion();
        return ArmResponse.ok(context.requireResourceGroup(subscriptionId, name).body().deepCopy());
    }

    public ArmResponse head(String subscriptionId, String name) {
        boolean exists = context.store().contains(EmulatorContext.resourceGroupId(subscriptionId, name));
        return exists ? ArmResponse.noContent() : new ArmResponse(404, null);
    }

    public ArmResponse put(ArmRequest request, String subscriptionId, String name) {
        request.requireApiVersion();
        ObjectNode requestBody = request.jsonObject();
        String location = EmulatorContext.normalizeLocation(Json.text(requestBody, "location"));
        if (location == null || location.isBlank()) {
            throw ArmException.badRequest("LocationRequired",
                "The location property is required for resource group '" + name + "'.");
        }

        StoredResource existing = context.store().get(EmulatorContext.resourceGroupId(subscriptionId, name)).orElse(null);
        if (existing != null && !location.equals(existing.body().path("location").asText())) {
            throw ArmException.conflict("InvalidResourceGroupLocation", "Invalid resource group location '" + location
                + "'. The Resource group already exists in location '" + existing.body().path("location").asText()
                + "'.");
        }
        if (existing != null && existing.properties().path("provisioningState").asText().equals("Deleting")) {
            throw ArmException.conflict("ResourceGroupBeingDeleted", "The resource group '" + name
                + "' is in deprovisioning state and cannot perform this operation.");
        }

        ObjectNode body = Json.object();
        body.put("id", existing != null ? existing.id() : EmulatorContext.resourceGroupId(subscriptionId, name));
        body.put("name", existing != null ? existing.body().path("name").asText() : name);
        body.put("type", TYPE);
        body.put("location", location);
        if (requestBody.has("tags")) {
            body.set("tags", requestBody.get("tags").deepCopy());
        }
        if (requestBody.has("managedBy")) {
            body.set("managedBy", requestBody.get("managedBy").deepCopy());
        }
        body.putObject("properties").put("provisioningState", "Succeeded");
        context.store().put(new StoredResource(body));
        return existing == null ? ArmResponse.created(body.deepCopy()) : ArmResponse.ok(body.deepCopy());
    }

    public ArmResponse patch(ArmRequest request, String subscriptionId, String name) {
        request.requireApiVersion();
        StoredResource group = context.requireResourceGroup(subscriptionId, name);
        ObjectNode patch = request.jsonObject();
        if (patch.has("tags")) {
            group.body().set("tags", patch.get("tags").deepCopy());
        }
        return ArmResponse.ok(group.body().deepCopy());
    }

    /** Deletes the group and everything in it when the operation ends. Vaults in it are soft-deleted. */
    public ArmResponse delete(ArmRequest request, String subscriptionId, String name) {
        request.requireApiVersion();
        StoredResource group = context.requireResourceGroup(subscriptionId, name);
        group.properties().put("provisioningState", "Deleting");
        Operation operation = context.operations().start(request, subscriptionId, "Microsoft.Resources",
            group.body().path("location").asText(), context.options().operationDuration(),
            () -> {
                for (StoredResource vault : context.store().findByTypeUnder("Microsoft.KeyVault/vaults", group.id())) {
                    VaultBehavior.softDelete(context, vault);
                }
                context.store().removeWithDescendants(group.id());
                return null;
            },
            error -> group.properties().put("provisioningState", "Succeeded"));
        ArmResponse response = ArmResponse.accepted();
        response.header("Location", context.operations().url(context.operations().resultPath(operation),
            request.apiVersion()));
        response.header("Retry-After", context.operations().retryAfterSeconds());
        return response;
    }
}
