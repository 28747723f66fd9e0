package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;

/** User-assigned identities: the service fills in read-only {@code principalId}, {@code clientId} and {@code tenantId}. */
final class UserAssignedIdentityBehavior implements ResourceBehavior {

    @Override
    public StoredResource prepare(EmulatorContext context, ArmRequest request, ResourceId id, StoredResource existing,
                                  ObjectNode requestBody) {
        StoredResource prepared = GenericResources.prepare(context, id, existing, requestBody);
        ObjectNode properties = prepared.properties();
        properties.remove("provisioningState");
        String seed = existing != null ? existing.id() : id.id();
        properties.put("tenantId", context.tenantId());
        properties.put("principalId", EmulatorContext.stableGuid("principal", seed));
        properties.put("clientId", EmulatorContext.stableGuid("client", seed));
        return prepared;
    }
}
