package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;
import java.util.Set;

/** The default PUT semantics shared by every resource type. */
public final class GenericResources {
    /** Types whose ARM schema has no {@code properties.provisioningState}. */
    private static final Set<String> WITHOUT_PROVISIONING_STATE = Set.of(
        "microsoft.authorization/roleassignments", "microsoft.insights/diagnosticsettings",
        "microsoft.desktopvirtualization/hostpools/sessionhosts",
        "microsoft.desktopvirtualization/hostpools/sessionhosts/usersessions");

    private GenericResources() {
    }

    /**
     * Returns the resource to store for a PUT body: the id, name and type come from the URL (an update keeps the id
     * spelled as at creation), the location is normalized and {@code provisioningState} is {@code Succeeded}.
     * Emulator-only data of an existing resource is kept.
     */
    public static StoredResource prepare(EmulatorContext context, ResourceId id, StoredResource existing,
                                         ObjectNode requestBody) {
        ObjectNode body = Json.object();
        body.put("id", existing != null ? existing.id() : id.id());
        body.put("name", id.name());
        body.put("type", existing != null ? existing.type() : id.type());
        requestBody.fields().forEachRemaining(field -> {
            if (!Set.of("id", "name", "type").contains(field.getKey())) {
                body.set(field.getKey(), field.getValue().deepCopy());
            }
        });

        JsonNode location = body.get("location");
        if (location != null && location.isTextual()) {
            body.put("location", EmulatorContext.normalizeLocation(location.asText()));
        }
        ObjectNode properties = Json.child(body, "properties");
        if (!WITHOUT_PROVISIONING_STATE.contains(id.type().toLowerCase(java.util.Locale.ROOT))) {
            properties.put("provisioningState", "Succeeded");
        }
        return new StoredResource(body, existing != null ? existing.internal().deepCopy() : Json.object());
    }
}
