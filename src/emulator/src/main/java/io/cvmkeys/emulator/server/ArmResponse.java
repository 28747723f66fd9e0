package io.cvmkeys.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response before it is written: status, extra headers and an optional JSON body. */
public final class ArmResponse {
    private final int status;
    private final JsonNode body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ArmResponse(int status, JsonNode body) {
        this.status = status;
        this.body = body;
    }

    public static ArmResponse ok(JsonNode body) {
        return new ArmResponse(200, body);
    }

    public static ArmResponse created(JsonNode body) {
        return new ArmResponse(201, body);
    }

    public static ArmResponse accepted() {
        return new ArmResponse(202, null);
    }

    public static ArmResponse noContent() {
        return new ArmResponse(204, null);
    }

    public ArmResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ArmResponse headers(Map<String, String> values) {
        headers.putAll(values);
        return this;
    }

    public int status() {
        return status;
    }

    public JsonNode body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
