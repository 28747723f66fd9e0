package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.ArmResponse;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;
import java.util.List;
import java.util.UUID;

/**
 * Key Vault keys through the management plane, which only creates: a PUT on an existing key with identical
 * parameters returns the key unchanged, and one with different parameters fails with
 * {@code KeyCreationParametersDidNotMatchExistingKey}. Each version is also stored as a
 * {@code Microsoft.KeyVault/vaults/keys/versions} child, so {@code .../keys/{k}/versions} lists them.
 */
public final class KeyBehavior implements ResourceBehavior {
    static final String VERSIONS_TYPE = "Microsoft.KeyVault/vaults/keys/versions";

    /** The request properties that the service compares with the existing key. */
    private static final List<String> CREATE_PARAMETERS = List.of("kty", "keySize", "keyOps", "curveName",
        "attributes", "release_policy", "rotationPolicy");

    @Override
    public StoredResource prepare(EmulatorContext context, ArmRequest request, ResourceId id, StoredResource existing,
                                  ObjectNode requestBody) {
        ObjectNode parameters = createParameters(requestBody);
        if (existing != null) {
            if (!Json.semanticallyEqual(parameters, existing.internal().get("createParameters"))) {
                throw ArmException.conflict("KeyCreationParametersDidNotMatchExistingKey", "Key '" + id.name()
                    + "' already exists in vault '" + id.names().get(0) + "' with different creation parameters. The "
                    + "management plane only creates keys; change an existing key through the Key Vault data plane, "
                    + "or send the parameters the key was created with.");
            }
            return existing;
        }

        StoredResource prepared = GenericResources.prepare(context, id, null, requestBody);
        prepared.properties().remove("provisioningState");
        prepared.internal().set("createParameters", parameters);
        String vaultUri = context.store().get(id.parent().id())
            .map(vault -> vault.properties().path("vaultUri").asText())
            .orElse("https://" + id.names().get(0).toLowerCase() + ".vault.azure.net/");
        prepared.properties().put("keyUri", vaultUri + "keys/" + id.name());
        return prepared;
    }

    @Override
    public ArmResponse write(EmulatorContext context, ArmRequest request, ResourceId id, StoredResource existing,
                             StoredResource prepared, boolean patch) {
        if (existing != null) {
            return ArmResponse.ok(render(context, existing, request));
        }
        context.store().put(prepared);
        addVersion(context, prepared);
        return ArmResponse.ok(render(context, prepared, request));
    }

    /**
     * Adds a new version with the key's creation parameters and makes it current, as a data-plane rotate does.
     * Returns the new version's {@code keyUriWithVersion}.
     */
    public static String addVersion(EmulatorContext context, StoredResource key) {
        String version = UUID.randomUUID().toString().replace("-", "");
        ObjectNode properties = key.properties();
        String keyUriWithVersion = properties.path("keyUri").asText() + "/" + version;
        properties.put("keyUriWithVersion", keyUriWithVersion);

        ObjectNode attributes = Json.child(properties, "attributes");
        long now = context.now().getEpochSecond();
        if (!attributes.has("enabled")) {
            attributes.put("enabled", true);
        }
        attributes.put("created", now);
        attributes.put("updated", now);
        attributes.put("recoveryLevel", "Recoverable");

        ObjectNode versionBody = Json.object();
        versionBody.put("id", key.id() + "/versions/" + version);
        versionBody.put("name", version);
        versionBody.put("type", VERSIONS_TYPE);
        if (key.body().has("tags")) {
            versionBody.set("tags", key.body().get("tags").deepCopy());
        }
        ObjectNode versionProperties = properties.deepCopy();
        versionProperties.remove("rotationPolicy");
        versionBody.set("properties", versionProperties);
        context.store().put(new StoredResource(versionBody));
        return keyUriWithVersion;
    }

    private static ObjectNode createParameters(ObjectNode requestBody) {
        ObjectNode parameters = Json.object();
        JsonNode properties = requestBody.path("properties");
        for (String name : CREATE_PARAMETERS) {
            if (properties.hasNonNull(name)) {
                parameters.set(name, properties.get(name).deepCopy());
            }
        }
        return parameters;
    }
}
