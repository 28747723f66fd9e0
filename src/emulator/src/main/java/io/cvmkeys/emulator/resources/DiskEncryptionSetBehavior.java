package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.ArmResponse;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.Operation;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Disk encryption sets. PUT and PATCH are long-running ({@code Updating} until the operation ends). When the
 * operation ends, disks that are unattached or whose VM is deallocated move to the new key. Disks of running VMs
 * keep the old one, and {@code previousKeys} lists every key that some disk still uses.
 */
final class DiskEncryptionSetBehavior implements ResourceBehavior {
    private static final Pattern VERSIONED_KEY_URL =
        Pattern.compile("https://[^/]+/keys/[^/]+/[0-9a-fA-F]{32}/?");
    private static final Set<String> READ_ONLY = Set.of("provisioningState", "previousKeys", "lastKeyRotationTimestamp",
        "autoKeyRotationError");

    @Override
    public StoredResource prepare(EmulatorContext context, ArmRequest request, ResourceId id, StoredResource existing,
                                  ObjectNode requestBody) {
        String keyUrl = Json.text(requestBody, "properties.activeKey.keyUrl");
        if (keyUrl == null || !VERSIONED_KEY_URL.matcher(keyUrl).matches()) {
            throw ArmException.badRequest("InvalidParameter", "The key URL '" + keyUrl + "' of disk encryption set '"
                + id.name() + "' is not a versioned Key Vault key URL. Use the key's keyUriWithVersion, "
                + "https://{vault}.vault.azure.net/keys/{name}/{version}.");
        }

        StoredResource prepared = GenericResources.prepare(context, id, existing, requestBody);
        ObjectNode properties = prepared.properties();
        READ_ONLY.forEach(properties::remove);
        if (existing != null) {
            for (String name : READ_ONLY) {
                JsonNode value = existing.properties().get(name);
                if (value != null) {
                    properties.set(name, value.deepCopy());
                }
            }
        }
        properties.put("provisioningState", "Updating");
        fillIdentity(context, prepared);
        return prepared;
    }

    @Override
    public ArmResponse write(EmulatorContext context, ArmRequest request, ResourceId id, StoredResource existing,
                             StoredResource prepared, boolean patch) {
        ObjectNode before = existing == null ? null : existing.body().deepCopy();
        String previousKeyUrl = existing == null ? null : Json.text(existing.body(), "properties.activeKey.keyUrl");
        context.store().put(prepared);

        Operation operation = context.operations().start(request, id.subscriptionId(), "Microsoft.Compute",
            prepared.body().path("location").asText(), context.options().operationDuration(),
            () -> {
                complete(context, prepared, previousKeyUrl);
                return null;
            },
            error -> {
                if (before != null) {
                    prepared.body().removeAll();
                    prepared.body().setAll(before);
                }
                prepared.properties().put("provisioningState", "Failed");
            });

        Map<String, String> headers = context.operations().pollingHeaders(operation, request.apiVersion());
        if (patch) {
            return ArmResponse.accepted().headers(headers);
        }
        ObjectNode body = render(context, prepared, request);
        return (existing == null ? ArmResponse.created(body) : ArmResponse.ok(body)).headers(headers);
    }

    @Override
    public ObjectNode render(EmulatorContext context, StoredResource resource, ArmRequest request) {
        ObjectNode body = resource.body().deepCopy();
        String activeKeyUrl = Json.text(body, "properties.activeKey.keyUrl");
        Set<String> previous = new LinkedHashSet<>();
        for (StoredResource disk : disksUsing(context, resource.id())) {
            String diskKey = disk.internal().path("keyUrl").asText(null);
            if (diskKey != null && !diskKey.equalsIgnoreCase(activeKeyUrl)) {
                previous.add(diskKey);
            }
        }
        ArrayNode previousKeys = Json.child(body, "properties").putArray("previousKeys");
        previous.forEach(keyUrl -> previousKeys.addObject().put("keyUrl", keyUrl));
        return body;
    }

    private static void complete(EmulatorContext context, StoredResource set, String previousKeyUrl) {
        String activeKeyUrl = Json.text(set.body(), "properties.activeKey.keyUrl");
        set.properties().put("provisioningState", "Succeeded");
        if (previousKeyUrl != null && !previousKeyUrl.equalsIgnoreCase(activeKeyUrl)) {
            set.properties().put("lastKeyRotationTimestamp", context.now().toString());
        }
        for (StoredResource disk : disksUsing(context, set.id())) {
            String vmId = Json.text(disk.body(), "managedBy");
            String power = vmId == null ? "deallocated" : context.store().get(vmId)
                .map(vm -> vm.internal().path("powerState").asText("running")).orElse("deallocated");
            if (power.equals("deallocated") || !disk.internal().has("keyUrl")) {
                disk.internal().put("keyUrl", activeKeyUrl);
            }
        }
    }

    static java.util.List<StoredResource> disksUsing(EmulatorContext context, String setId) {
        return context.store().find(resource -> resource.type().equalsIgnoreCase("Microsoft.Compute/disks")
            && setId.equalsIgnoreCase(DiskBehavior.diskEncryptionSetId(resource)));
    }

    /** Fills the read-only principal and client ids of each user-assigned identity from the identity resource. */
    private static void fillIdentity(EmulatorContext context, StoredResource set) {
        JsonNode identities = set.body().path("identity").path("userAssignedIdentities");
        if (!(identities instanceof ObjectNode identityMap)) {
            return;
        }
        identityMap.fieldNames().forEachRemaining(identityId -> {
            ObjectNode entry = identityMap.get(identityId) instanceof ObjectNode object ? object : identityMap.putObject(identityId);
            context.store().get(identityId).ifPresent(identity -> {
                entry.put("principalId", Json.text(identity.body(), "properties.principalId"));
                entry.put("clientId", Json.text(identity.body(), "properties.clientId"));
            });
        });
    }
}
