package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Shared fixtures: a deployment context and JSON helpers. */
final class TestScopes {

    static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";
    static final String TENANT = "22222222-2222-2222-2222-222222222222";
    static final String RESOURCE_GROUP = "rg-cvm";
    static final String RESOURCE_GROUP_ID = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + RESOURCE_GROUP;
    static final DeploymentContext CONTEXT =
            new DeploymentContext(SUBSCRIPTION, RESOURCE_GROUP, "westeurope", TENANT, "deploy-1");

    private TestScopes() {
    }

    /**
     * Parses JSON written with single quotes for readability in Java strings. A backtick inside a JSON string
     * becomes a single quote, which template expressions use for their string literals.
     */
    static JsonNode json(String singleQuotedJson) {
        try {
            return ArmValues.MAPPER.readTree(singleQuotedJson.replace('\'', '"').replace('`', '\''));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid test JSON: " + singleQuotedJson, e);
        }
    }

    /** Parses JSON as written. */
    static JsonNode rawJson(String json) {
        try {
            return ArmValues.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid test JSON: " + json, e);
        }
    }

    static JsonNode resource(String name) {
        try (InputStream input = TestScopes.class.getResourceAsStream(name)) {
            if (input == null) {
                throw new IllegalArgumentException("Test resource not found: " + name);
            }
            return ArmValues.MAPPER.readTree(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
