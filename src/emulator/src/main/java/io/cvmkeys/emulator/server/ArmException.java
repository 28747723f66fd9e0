package io.cvmkeys.emulator.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ARM error: the HTTP status and the {@code {"error":{"code","message","details"}}} envelope that goes with it.
 */
public class ArmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final List<ArmException> details;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ArmException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ArmException(int status, String code, String message, List<ArmException> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static ArmException badRequest(String code, String message) {
        return new ArmException(400, code, message);
    }

    public static ArmException conflict(String code, String message) {
        return new ArmException(409, code, message);
    }

    /** Returns ARM's 404 for a resource that does not exist. */
    public static ArmException resourceNotFound(String type, String name) {
        return new ArmException(404, "ResourceNotFound",
            "The Resource '" + type + "/" + name + "' under the resource group was not found.");
    }

    public static ArmException resourceGroupNotFound(String resourceGroup) {
        return new ArmException(404, "ResourceGroupNotFound",
            "Resource group '" + resourceGroup + "' could not be found.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ArmException> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Adds a response header, such as {@code Retry-After} on a 429. */
    public ArmException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Returns the inner {@code {"code","message","details"}} object. */
    public ObjectNode toErrorObject() {
        ObjectNode error = Json.MAPPER.createObjectNode();
        error.put("code", code);
        error.put("message", getMessage());
        ArrayNode detailArray = error.putArray("details");
        for (ArmException detail : details) {
            detailArray.add(detail.toErrorObject());
        }
        return error;
    }

    /** Returns the full {@code {"error":{...}}} envelope. */
    public ObjectNode toEnvelope() {
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.set("error", toErrorObject());
        return envelope;
    }
}
