package com.northwindhealth.avd.cmk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.write.ArmTemplateWriter;
import io.cvmkeys.modules.env.EnvironmentLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static io.cvmkeys.dsl.assertions.TemplateAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same guard rails on a deliberately broken copy of the templates: each must fail with a readable message. */
class BrokenStackAssertionsTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC);

    private final Stack prd = new AvdCmkStack().build(new EnvironmentLoader(TODAY).load(Path.of("env/prd.json")));

    private JsonNode brokenVault() {
        ObjectNode template = new ArmTemplateWriter().toJson(prd.stage("vault").template());
        for (JsonNode resource : template.get("resources")) {
            ObjectNode properties = (ObjectNode) resource.get("properties");
            switch (resource.get("type").asText()) {
                case "Microsoft.KeyVault/vaults" -> properties.put("enablePurgeProtection", false);
                case "Microsoft.KeyVault/vaults/keys" -> {
                    properties.put("kty", "RSA");
                    properties.remove("release_policy");
                    ((ObjectNode) properties.get("attributes")).remove("exp");
                    ((ObjectNode) properties.at("/rotationPolicy/lifetimeActions/0/action")).put("type", "rotate");
                }
                default -> { }
            }
        }
        return template;
    }

    private JsonNode brokenAlerts() {
        ObjectNode template = new ArmTemplateWriter().toJson(prd.stage("alerts").template());
        for (JsonNode resource : template.get("resources")) {
            if (resource.get("type").asText().endsWith("/eventSubscriptions")) {
                ((ObjectNode) resource.get("properties")).put("eventDeliverySchema", "EventGridSchema");
            }
        }
        return template;
    }

    @Test
    void purgeProtectionOffIsReported() {
        assertThatThrownBy(() -> assertThat(brokenVault()).hasResource("Microsoft.KeyVault/vaults")
                .hasProperty("properties.enablePurgeProtection", true))
                .hasMessageContaining("expected properties.enablePurgeProtection to be true but was false");
    }

    @Test
    void softwareKeyWithoutReleasePolicyIsReported() {
        assertThatThrownBy(() -> assertThat(brokenVault()).hasResource("Microsoft.KeyVault/vaults/keys")
                .hasProperty("properties.kty", "RSA-HSM"))
                .hasMessageContaining("properties.kty")
                .hasMessageContaining("RSA-HSM")
                .hasMessageContaining("\"RSA\"");
        assertThatThrownBy(() -> assertThat(brokenVault()).hasResource("Microsoft.KeyVault/vaults/keys")
                .hasProperty("properties.release_policy.contentType", "application/json; charset=utf-8"))
                .hasMessageContaining("properties.release_policy.contentType");
    }

    @Test
    void rotateActionFailsPolicy() {
        assertThatThrownBy(() -> assertThat(brokenVault()).passesPolicy())
                .hasMessageContaining("CVMKEYS-KEY-012")
                .hasMessageContaining("CVMKEYS-KV-006")
                .hasMessageContaining("CVMKEYS-KEY-009");
    }

    @Test
    void eventGridSchemaOnMonitorAlertIsReported() {
        assertThatThrownBy(() -> assertThat(brokenAlerts()).hasResourceProperties(
                "Microsoft.EventGrid/systemTopics/eventSubscriptions", Map.of("eventDeliverySchema", "CloudEventSchemaV1_0")))
                .hasMessageContaining("eventDeliverySchema")
                .hasMessageContaining("EventGridSchema");
    }
}
