package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * In-memory resource state that behaves like resource providers: GET bodies carry read-only properties the PUT
 * did not send, and ids come back with {@code resourcegroups} in lower case, as ARM often returns them.
 */
final class FakeArmState implements ResourceLookup {

    static final String KEY_VERSION = "0123456789abcdef0123456789abcdef";

    private final Map<String, ObjectNode> bodies = new LinkedHashMap<>();

    @Override
    public Optional<ObjectNode> get(String resourceId) {
        return Optional.ofNullable(bodies.get(resourceId.toLowerCase(Locale.ROOT))).map(ObjectNode::deepCopy);
    }

    /** Returns the stored body itself, for tests that change state behind the template's back. */
    ObjectNode stored(String resourceId) {
        return bodies.get(resourceId.toLowerCase(Locale.ROOT));
    }

    List<String> ids() {
        List<String> ids = new ArrayList<>();
        bodies.values().forEach(body -> ids.add(body.get("id").textValue()));
        return ids;
    }

    /** Deploys every resource in order, evaluating each one after the previous PUT. */
    void deploy(EvaluatedDeployment deployment) {
        DeploymentSteps steps = deployment.deploymentSteps();
        while (steps.hasNext()) {
            put(steps.evaluateNext(this));
        }
    }

    ObjectNode put(EvaluatedResource resource) {
        String name = resource.name().substring(resource.name().lastIndexOf('/') + 1);
        ObjectNode body = ArmValues.NODES.objectNode();
        body.put("id", resource.id().replace("/resourceGroups/", "/resourcegroups/"));
        body.put("name", name);
        body.put("type", resource.type());
        body.setAll(resource.body().deepCopy());

        ObjectNode properties = body.has("properties")
                ? (ObjectNode) body.get("properties")
                : body.putObject("properties");
        properties.put("provisioningState", "Succeeded");
        addReadOnlyProperties(resource, name, body, properties);

        bodies.put(resource.id().toLowerCase(Locale.ROOT), body);
        return body;
    }

    void putRaw(ObjectNode body) {
        bodies.put(body.get("id").textValue().toLowerCase(Locale.ROOT), body);
    }

    static String principalIdOf(String identityName) {
        return UUID.nameUUIDFromBytes(("principal:" + identityName).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void addReadOnlyProperties(
            EvaluatedResource resource, String name, ObjectNode body, ObjectNode properties) {
        switch (resource.type().toLowerCase(Locale.ROOT)) {
            case "microsoft.keyvault/vaults" -> properties.put("vaultUri", "https://" + name + ".vault.azure.net/");
            case "microsoft.keyvault/vaults/keys" -> {
                String vault = resource.name().substring(0, resource.name().indexOf('/'));
                String keyUri = "https://" + vault + ".vault.azure.net/keys/" + name;
                properties.put("keyUri", keyUri);
                properties.put("keyUriWithVersion", keyUri + "/" + KEY_VERSION);
            }
            case "microsoft.managedidentity/userassignedidentities" -> {
                properties.put("principalId", principalIdOf(name));
                properties.put("clientId", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
                properties.put("tenantId", TestScopes.TENANT);
            }
            case "microsoft.compute/diskencryptionsets" -> {
                Iterator<Map.Entry<String, JsonNode>> identities =
                        body.path("identity").path("userAssignedIdentities").properties().iterator();
                while (identities.hasNext()) {
                    Map.Entry<String, JsonNode> identity = identities.next();
                    String identityName = identity.getKey().substring(identity.getKey().lastIndexOf('/') + 1);
                    ((ObjectNode) identity.getValue()).put("principalId", principalIdOf(identityName));
                }
            }
            default -> {
            }
        }
    }
}
