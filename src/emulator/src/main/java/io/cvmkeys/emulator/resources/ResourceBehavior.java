package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.ArmResponse;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;
import java.util.Optional;

/**
 * The rules specific to one resource type. The defaults give plain ARM semantics: PUT replaces and returns 200 or
 * 201 with {@code provisioningState: Succeeded}, GET returns what was stored, DELETE removes the resource and its
 * children, and there are no actions.
 */
public interface ResourceBehavior {

    /**
     * Builds the resource a PUT (or a PATCH, after merging) stores. {@code existing} is {@code null} on create.
     * Raise an {@link ArmException} to reject the request.
     */
    default StoredResource prepare(EmulatorContext context, ArmRequest request, ResourceId id,
                                   StoredResource existing, ObjectNode requestBody) {
        return GenericResources.prepare(context, id, existing, requestBody);
    }

    /** Stores the prepared resource and returns the response. Long-running types start an operation here. */
    default ArmResponse write(EmulatorContext context, ArmRequest request, ResourceId id, StoredResource existing,
                              StoredResource prepared, boolean patch) {
        context.store().put(prepared);
        ObjectNode body = render(context, prepared, request);
        return existing == null ? ArmResponse.created(body) : ArmResponse.ok(body);
    }

    /** Returns the body that GET and list return. Add computed, read-only fields here. */
    default ObjectNode render(EmulatorContext context, StoredResource resource, ArmRequest request) {
        return resource.body().deepCopy();
    }

    /** Deletes the resource and returns the response. */
    default ArmResponse delete(EmulatorContext context, ArmRequest request, StoredResource existing) {
        context.store().removeWithDescendants(existing.id());
        return ArmResponse.ok(null);
    }

    /** Runs a POST action such as {@code deallocate}. The default reports that the type has no such action. */
    default ArmResponse action(EmulatorContext context, ArmRequest request, StoredResource resource, String action) {
        throw new ArmException(404, "InvalidResourceType", "The resource type '" + resource.type()
            + "' has no action '" + action + "' in the emulator.");
    }

    /** Returns a GET sub-resource such as a VM's {@code instanceView}, or empty when the name is a child collection. */
    default Optional<ArmResponse> subresource(EmulatorContext context, ArmRequest request, StoredResource resource,
                                              String name) {
        return Optional.empty();
    }
}
