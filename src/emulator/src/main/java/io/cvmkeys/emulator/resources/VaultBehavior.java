package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.ArmResponse;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Key vaults with soft delete: deleting a vault moves it, with its keys, to
 * {@code /subscriptions/{s}/providers/Microsoft.KeyVault/locations/{location}/deletedVaults/{name}}, and the name
 * stays taken until the deleted vault is purged or recovered with {@code createMode: recover}.
 */
final class VaultBehavior implements ResourceBehavior {

    @Override
    public StoredResource prepare(EmulatorContext context, ArmRequest request, ResourceId id, StoredResource existing,
                                  ObjectNode requestBody) {
        JsonNode purgeProtection = requestBody.path("properties").path("enablePurgeProtection");
        if (purgeProtection.isBoolean() && !purgeProtection.asBoolean()) {
            throw ArmException.badRequest("BadRequest", "The property \"enablePurgeProtection\" cannot be set to false "
                + "on vault '" + id.name() + "'. Enabling purge protection is irreversible; omit the property or set "
                + "it to true.");
        }

        Optional<StoredResource> deleted = findDeleted(context, id.name());
        boolean recover = "recover".equalsIgnoreCase(Json.text(requestBody, "properties.createMode"));
        if (existing == null && deleted.isPresent() && !recover) {
            throw ArmException.conflict("ConflictError", "A vault with the same name already exists in deleted state. "
                + "You need to either recover or purge existing key vault '" + id.name() + "' (deleted vault "
                + deleted.get().id() + ").");
        }

        StoredResource prepared = GenericResources.prepare(context, id, existing, requestBody);
        ObjectNode properties = prepared.properties();
        properties.remove("createMode");
        properties.put("vaultUri", "https://" + id.name().toLowerCase() + ".vault.azure.net/");
        if (!properties.has("tenantId")) {
            properties.put("tenantId", context.tenantId());
        }
        if (!properties.has("enableSoftDelete")) {
            properties.put("enableSoftDelete", true);
        }
        if (!properties.has("softDeleteRetentionInDays")) {
            properties.put("softDeleteRetentionInDays", 90);
        }
        if (existing != null && existing.properties().path("enablePurgeProtection").asBoolean(false)) {
            properties.put("enablePurgeProtection", true);
        }
        if (recover && deleted.isPresent()) {
            restoreChildren(context, deleted.get());
            context.store().remove(deleted.get().id());
        }
        return prepared;
    }

    @Override
    public ArmResponse delete(EmulatorContext context, ArmRequest request, StoredResource existing) {
        softDelete(context, existing);
        return ArmResponse.ok(null);
    }

    /** Removes a vault and, unless soft delete is off, keeps it and its keys as a deleted vault. */
    static void softDelete(EmulatorContext context, StoredResource vault) {
        List<StoredResource> removed = context.store().removeWithDescendants(vault.id());
        if (!vault.properties().path("enableSoftDelete").asBoolean(true)) {
            return;
        }

        ResourceId id = vault.resourceId();
        String location = EmulatorContext.normalizeLocation(vault.body().path("location").asText("global"));
        ObjectNode body = Json.object();
        body.put("id", "/subscriptions/" + id.subscriptionId() + "/providers/Microsoft.KeyVault/locations/" + location
            + "/deletedVaults/" + id.name());
        body.put("name", id.name());
        body.put("type", "Microsoft.KeyVault/deletedVaults");
        ObjectNode properties = body.putObject("properties");
        properties.put("vaultId", vault.id());
        properties.put("location", location);
        properties.put("deletionDate", context.now().toString());
        int retentionDays = vault.properties().path("softDeleteRetentionInDays").asInt(90);
        properties.put("scheduledPurgeDate", context.now().plus(Duration.ofDays(retentionDays)).toString());
        properties.put("purgeProtectionEnabled", vault.properties().path("enablePurgeProtection").asBoolean(false));
        if (vault.body().has("tags")) {
            properties.set("tags", vault.body().get("tags"));
        }

        ObjectNode internal = Json.object();
        ArrayNode saved = internal.putArray("resources");
        for (StoredResource resource : removed) {
            ObjectNode entry = saved.addObject();
            entry.set("body", resource.body());
            entry.set("internal", resource.internal());
        }
        context.store().put(new StoredResource(body, internal));
    }

    static Optional<StoredResource> findDeleted(EmulatorContext context, String vaultName) {
        List<StoredResource> matches = context.store().find(resource ->
            resource.type().equalsIgnoreCase("Microsoft.KeyVault/deletedVaults")
                && resource.body().path("name").asText().equalsIgnoreCase(vaultName));
        return matches.stream().findFirst();
    }

    /** Puts the keys of a deleted vault back. The vault itself is stored by the PUT that recovers it. */
    private static void restoreChildren(EmulatorContext context, StoredResource deleted) {
        for (JsonNode entry : deleted.internal().path("resources")) {
            StoredResource resource = new StoredResource(((ObjectNode) entry.get("body")).deepCopy(),
                ((ObjectNode) entry.get("internal")).deepCopy());
            if (!resource.type().equalsIgnoreCase("Microsoft.KeyVault/vaults")) {
                context.store().put(resource);
            }
        }
    }
}
