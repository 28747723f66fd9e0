package io.cvmkeys.emulator.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.ResourceId;

/**
 * A resource as the emulator keeps it: the ARM body that GET returns, and emulator-only data that never leaves the
 * server (a VM's power state, a key's creation parameters, a disk's current key).
 */
public final class StoredResource {
    private final ObjectNode body;
    private final ObjectNode internal;

    public StoredResource(ObjectNode body, ObjectNode internal) {
        this.body = body;
        this.internal = internal;
    }

    public StoredResource(ObjectNode body) {
        this(body, Json.object());
    }

    /** Returns the stored body. Callers that change it must hold the store's lock. */
    public ObjectNode body() {
        return body;
    }

    public ObjectNode internal() {
        return internal;
    }

    public String id() {
        return body.path("id").asText();
    }

    public ResourceId resourceId() {
        return ResourceId.parse(id());
    }

    public String type() {
        return body.path("type").asText();
    }

    public ObjectNode properties() {
        return Json.child(body, "properties");
    }

    public StoredResource copy() {
        return new StoredResource(body.deepCopy(), internal.deepCopy());
    }
}
