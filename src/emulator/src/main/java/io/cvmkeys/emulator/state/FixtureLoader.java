package io.cvmkeys.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.Fault;
import io.cvmkeys.emulator.resources.ProviderResourceHandler;
import io.cvmkeys.emulator.resources.ResourceBehaviors;
import io.cvmkeys.emulator.resources.ResourceGroupHandler;
import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.FaultRegistry;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.ResourceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the resources of a fixture file through the same PUT path clients use, so every resource gets the
 * fields its type adds (key versions, identity ids, disk links). Entries whose id already exists, for example
 * from the state of an earlier run, are skipped. The format is described in the module README.
 */
public final class FixtureLoader {
    private static final Logger LOGGER = LoggerFactory.getLogger(FixtureLoader.class);
    private static final String FIXTURE_API_VERSION = "fixture";

    private final EmulatorContext context;
    private final FaultRegistry faults;
    private final ProviderResourceHandler resources;
    private final ResourceGroupHandler resourceGroups;

    public FixtureLoader(EmulatorContext context, FaultRegistry faults) {
        this.context = context;
        this.faults = faults;
        this.resources = new ProviderResourceHandler(context, new ResourceBehaviors());
        this.resourceGroups = new ResourceGroupHandler(context);
    }

    public void load(Path fixture) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(fixture.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read fixture " + fixture + ": " + e.getMessage(), e);
        }
        try {
            loadResourceGroups(root);
            loadResources(root);
            loadFaults(root);
        } catch (ArmException e) {
            throw new IllegalArgumentException("Fixture " + fixture + " is invalid: " + e.code() + ": "
                + e.getMessage(), e);
        }
        context.store().save();
    }

    private void loadResourceGroups(JsonNode root) {
        String defaultSubscription = root.path("subscriptionId").asText(null);
        for (JsonNode group : root.path("resourceGroups")) {
            String subscriptionId = group.path("subscriptionId").asText(defaultSubscription);
            String name = required(group, "name", "resourceGroups[]");
            if (subscriptionId == null) {
                throw new IllegalArgumentException("Fixture resource group '" + name + "' has no subscriptionId, and "
                    + "the fixture sets no top-level subscriptionId.");
            }
            if (context.store().contains(EmulatorContext.resourceGroupId(subscriptionId, name))) {
                continue;
            }
            ObjectNode body = Json.object();
            body.put("location", required(group, "location", "resourceGroups[" + name + "]"));
            if (group.has("tags")) {
                body.set("tags", group.get("tags"));
            }
            resourceGroups.put(request("PUT", EmulatorContext.resourceGroupId(subscriptionId, name), body),
                subscriptionId, name);
        }
    }

    private void loadResources(JsonNode root) {
        for (JsonNode entry : root.path("resources")) {
            String id = required(entry, "id", "resources[]");
            ResourceId resourceId = ResourceId.parse(id);
            boolean deleted = entry.path("emulator").path("deleted").asBoolean(false);
            if (context.store().contains(id) || (deleted && isSoftDeleted(resourceId))) {
                continue;
            }
            ObjectNode body = entry.path("body") instanceof ObjectNode object ? object : Json.object();
            resources.put(request("PUT", id, body), resourceId);

            StoredResource stored = context.store().get(id).orElseThrow();
            if ("Updating".equals(stored.properties().path("provisioningState").asText())) {
                stored.properties().put("provisioningState", "Succeeded");
            }
            JsonNode emulator = entry.path("emulator");
            if (emulator instanceof ObjectNode internal) {
                internal.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals("deleted")) {
                        stored.internal().set(field.getKey(), field.getValue().deepCopy());
                    }
                });
                if (deleted) {
                    resources.delete(request("DELETE", id, null), resourceId);
                }
            }
            LOGGER.debug("Fixture created {}", id);
        }
    }

    private void loadFaults(JsonNode root) {
        for (JsonNode entry : root.path("faults")) {
            Fault.Matcher matcher = entry.has("operation")
                ? Fault.onOperation(entry.get("operation").asText())
                : Fault.onPath(entry.path("method").asText("*"), required(entry, "path", "faults[]"));
            String kind = required(entry, "kind", "faults[]");
            int status = entry.path("status").asInt(500);
            String code = entry.path("code").asText("InternalServerError");
            String message = entry.path("message").asText("Injected fault.");
            switch (kind) {
                case "FAIL" -> faults.add(matcher.fail(status, code, message));
                case "FAIL_ONCE" -> faults.add(matcher.failOnce(status, code, message));
                case "DELAY" -> faults.add(matcher.delay(Duration.ofMillis(entry.path("delayMillis").asLong(1000))));
                case "FAIL_OPERATION" -> faults.add(matcher.failOperation(code, message));
                default -> throw new IllegalArgumentException("Fixture fault kind '" + kind + "' is not one of FAIL, "
                    + "FAIL_ONCE, DELAY, FAIL_OPERATION.");
            }
        }
    }

    private boolean isSoftDeleted(ResourceId id) {
        return !context.store().find(resource -> resource.type().equalsIgnoreCase("Microsoft.KeyVault/deletedVaults")
            && id.id().equalsIgnoreCase(Json.text(resource.body(), "properties.vaultId"))).isEmpty();
    }

    private static ArmRequest request(String method, String id, ObjectNode body) {
        try {
            byte[] bytes = body == null ? new byte[0] : Json.MAPPER.writeValueAsBytes(body);
            return new ArmRequest(method, id, "api-version=" + FIXTURE_API_VERSION, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(JsonNode node, String field, String where) {
        String value = node.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Fixture entry " + where + " has no '" + field + "'.");
        }
        return value;
    }
}
