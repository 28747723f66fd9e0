package io.cvmkeys.emulator.resources;

import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.ArmResponse;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Operation;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;

/** Soft-deleted vaults: read-only, and {@code purge} frees the name unless purge protection is on. */
final class DeletedVaultBehavior implements ResourceBehavior {

    @Override
    public StoredResource prepare(EmulatorContext context, ArmRequest request, ResourceId id, StoredResource existing,
                                  com.fasterxml.jackson.databind.node.ObjectNode requestBody) {
        throw new ArmException(405, "MethodNotAllowed", "Deleted vaults cannot be created or changed; recover vault '"
            + id.name() + "' with a PUT of the vault and createMode 'recover'.");
    }

    @Override
    public ArmResponse delete(EmulatorContext context, ArmRequest request, StoredResource existing) {
        throw new ArmException(405, "MethodNotAllowed", "Deleted vault '" + existing.body().path("name").asText()
            + "' cannot be deleted; POST to its purge action instead.");
    }

    @Override
    public ArmResponse action(EmulatorContext context, ArmRequest request, StoredResource resource, String action) {
        if (!action.equalsIgnoreCase("purge")) {
            return ResourceBehavior.super.action(context, request, resource, action);
        }
        if (resource.properties().path("purgeProtectionEnabled").asBoolean(false)) {
            throw ArmException.conflict("Conflict", "Deleted vault '" + resource.body().path("name").asText()
                + "' has purge protection enabled and cannot be purged before "
                + resource.properties().path("scheduledPurgeDate").asText() + ".");
        }
        ResourceId id = resource.resourceId();
        Operation operation = context.operations().start(request, id.subscriptionId(), "Microsoft.KeyVault",
            resource.properties().path("location").asText(), context.options().operationDuration(),
            () -> {
                context.store().remove(resource.id());
                return null;
            },
            error -> { });
        return ArmResponse.accepted().headers(context.operations().pollingHeaders(operation, request.apiVersion()));
    }
}
