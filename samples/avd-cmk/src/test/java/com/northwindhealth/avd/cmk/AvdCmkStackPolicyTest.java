package com.northwindhealth.avd.cmk;

import io.cvmkeys.dsl.assertions.Match;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.validate.Severity;
import io.cvmkeys.modules.env.EnvironmentLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.cvmkeys.dsl.assertions.TemplateAssertions.assertThat;

/** The team's own guard rails, asserted on the templates of the production environment. */
class AvdCmkStackPolicyTest {

    // Environment rules compare the key expiry with today; a fixed day keeps this test independent of the calendar.
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC);

    private final Stack prd = new AvdCmkStack().build(new EnvironmentLoader(TODAY).load(Path.of("env/prd.json")));

    @Test
    void vaultHasPurgeProtectionOn() {
        assertThat(prd.stage("vault"))
                .hasResource("Microsoft.KeyVault/vaults")
                .hasProperty("properties.enablePurgeProtection", true)
                .hasProperty("properties.sku.name", "premium");
    }

    @Test
    void keyIsExportableHsmKeyWithReleasePolicyAndExpiry() {
        assertThat(prd.stage("vault"))
                .hasResource("Microsoft.KeyVault/vaults/keys")
                .hasProperty("properties.kty", "RSA-HSM")
                .hasProperty("properties.attributes.exportable", true)
                .hasProperty("properties.attributes.exp")
                .hasProperty("properties.release_policy.contentType", "application/json; charset=utf-8");
    }

    @Test
    void rotationPolicyOnlyNotifies() {
        assertThat(prd.stage("vault")).hasResourceProperties("Microsoft.KeyVault/vaults/keys", Map.of(
                "rotationPolicy", Map.of("lifetimeActions", List.of(Map.of(
                        "trigger", Map.of("timeBeforeExpiry", "P30D"),
                        "action", Map.of("type", Match.equalsIgnoringCase("notify")))))));
    }

    @Test
    void diskEncryptionSetUsesVersionedKeyFromVaultStage() {
        assertThat(prd.stage("des"))
                .hasResource("Microsoft.Compute/diskEncryptionSets")
                .hasProperty("properties.encryptionType", "ConfidentialVmEncryptedWithCustomerKey")
                .hasProperty("properties.activeKey.keyUrl", "[parameters('keyUriWithVersion')]")
                .hasProperty("properties.rotationToLatestKeyVersionEnabled", false);
        org.assertj.core.api.Assertions.assertThat(prd.stage("vault").template().outputs().get("keyUriWithVersion")
                .value().toArmExpression()).endsWith(".keyUriWithVersion");
    }

    @Test
    void expiryAlertUsesCloudEventsWithMonitorAlert() {
        assertThat(prd.stage("alerts")).hasResourceProperties("Microsoft.EventGrid/systemTopics/eventSubscriptions", Map.of(
                "eventDeliverySchema", "CloudEventSchemaV1_0",
                "destination", Map.of("endpointType", "MonitorAlert"),
                "filter", Map.of("includedEventTypes", Match.arrayWith("Microsoft.KeyVault.KeyNearExpiry"))));
    }

    @Test
    void everyStagePassesPolicy() {
        for (var stage : prd.stages()) {
            assertThat(stage).passesPolicy().hasNoFindingsAtLevel(Severity.WARNING);
        }
    }
}
