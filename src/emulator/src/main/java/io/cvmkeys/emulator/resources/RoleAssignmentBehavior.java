package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Role assignments at any scope. Their names must be GUIDs, their principal, role and scope never change, and a
 * second assignment of the same role to the same principal at the same scope fails with {@code RoleAssignmentExists}.
 */
final class RoleAssignmentBehavior implements ResourceBehavior {

    @Override
    public StoredResource prepare(EmulatorContext context, ArmRequest request, ResourceId id, StoredResource existing,
                                  ObjectNode requestBody) {
        requireGuidName(id);
        String principalId = Json.text(requestBody, "properties.principalId");
        String roleDefinitionId = Json.text(requestBody, "properties.roleDefinitionId");
        if (principalId == null || roleDefinitionId == null) {
            throw ArmException.badRequest("InvalidRoleAssignmentRequest", "Role assignment '" + id.name()
                + "' needs properties.principalId and properties.roleDefinitionId.");
        }

        if (existing != null) {
            boolean samePrincipal = principalId.equalsIgnoreCase(Json.text(existing.body(), "properties.principalId"));
            boolean sameRole = roleGuid(roleDefinitionId).equals(
                roleGuid(Json.text(existing.body(), "properties.roleDefinitionId")));
            if (!samePrincipal || !sameRole) {
                throw ArmException.badRequest("RoleAssignmentUpdateNotPermitted", "Tenant ID, application ID, "
                    + "principal ID, and scope are not allowed to be updated; role assignment '" + id.name()
                    + "' keeps its principal and role. Delete it and create a new assignment.");
            }
        }

        String scope = normalizeScope(id.scope());
        List<StoredResource> duplicates = context.store().find(resource ->
            resource.type().equalsIgnoreCase("Microsoft.Authorization/roleAssignments")
                && !resource.id().equalsIgnoreCase(id.id())
                && normalizeScope(resource.resourceId().scope()).equals(scope)
                && principalId.equalsIgnoreCase(Json.text(resource.body(), "properties.principalId"))
                && roleGuid(roleDefinitionId).equals(roleGuid(Json.text(resource.body(), "properties.roleDefinitionId"))));
        if (!duplicates.isEmpty()) {
            throw ArmException.conflict("RoleAssignmentExists", "The role assignment already exists. The ID of the "
                + "existing role assignment is " + duplicates.get(0).body().path("name").asText() + ".");
        }

        StoredResource prepared = GenericResources.prepare(context, id, existing, requestBody);
        ObjectNode properties = prepared.properties();
        properties.put("scope", id.scope());
        if (!properties.has("principalType")) {
            properties.put("principalType", "User");
        }
        String now = context.now().toString();
        properties.put("createdOn", existing != null ? Json.text(existing.body(), "properties.createdOn") : now);
        properties.put("updatedOn", now);
        return prepared;
    }

    private static void requireGuidName(ResourceId id) {
        try {
            UUID.fromString(id.name());
        } catch (IllegalArgumentException e) {
            throw ArmException.badRequest("InvalidRoleAssignmentId", "The role assignment ID '" + id.name()
                + "' is not valid. The role assignment ID must be a GUID.");
        }
    }

    /** Returns the role definition's GUID in lower case, so subscription-scoped and bare ids compare equal. */
    private static String roleGuid(String roleDefinitionId) {
        if (roleDefinitionId == null) {
            return "";
        }
        String[] segments = roleDefinitionId.split("/");
        return segments[segments.length - 1].toLowerCase(Locale.ROOT);
    }

    private static String normalizeScope(String scope) {
        String normalized = scope.toLowerCase(Locale.ROOT);
        return normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1) : normalized;
    }
}
