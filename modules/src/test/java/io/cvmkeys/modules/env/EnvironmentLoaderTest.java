package io.cvmkeys.modules.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cvmkeys.modules.SampleEnvironments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentLoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EnvironmentLoader loader = new EnvironmentLoader(SampleEnvironments.TODAY);

    @TempDir
    Path temp;

    @Test
    void referenceEnvironmentLoads() {
        Environment prd = loader.load(SampleEnvironments.PRD);

        assertThat(prd.production()).isTrue();
        assertThat(prd.keyVault().name()).isEqualTo("kv-avd-cmk-prd-weu-001");
        assertThat(prd.key().expiresOn()).isEqualTo(Instant.parse("2027-12-01T00:00:00Z"));
        assertThat(prd.key().notifyDaysBeforeExpiry()).isEqualTo(30);
        assertThat(prd.alerts().emailReceivers()).hasSize(2);
        assertThat(prd.alerts().webhook().fromKeyVaultSecret().secretName()).isEqualTo("cmk-expiry-webhook-uri");
        assertThat(prd.tags()).containsEntry("purpose", "confidential-vm-disk-encryption");
    }

    @Test
    void yamlEnvironmentLoads() {
        Environment dev = loader.load(SampleEnvironments.DEV);

        assertThat(dev.production()).isFalse();
        assertThat(dev.keyVault().retentionDays()).isEqualTo(7);
        assertThat(dev.alerts().webhook()).isNull();
    }

    @Test
    void findLocatesFileByEnvironmentName() {
        assertThat(EnvironmentLoader.find(SampleEnvironments.DIRECTORY, "dev").getFileName().toString()).isEqualTo("dev.yaml");
        assertThatThrownBy(() -> EnvironmentLoader.find(SampleEnvironments.DIRECTORY, "qa"))
                .hasMessageContaining("Environment 'qa' not found: no qa.json, qa.yaml or qa.yml in")
                .hasMessageContaining("-Dcvmkeys.env=NAME");
    }

    static Stream<Arguments> badEnvironments() {
        return Stream.of(
                bad("vault name with double hyphen", e -> obj(e, "keyVault").put("name", "kv--avd-prd"),
                        "$.keyVault.name: \"kv--avd-prd\" is invalid"),
                bad("vault name too long", e -> obj(e, "keyVault").put("name", "kv-avd-cmk-prd-weu-001-extra"),
                        "$.keyVault.name: \"kv-avd-cmk-prd-weu-001-extra\" is invalid"),
                bad("key size not allowed", e -> obj(e, "key").put("size", 1024),
                        "$.key.size: 1024 is invalid: it is not one of [2048,3072,4096]. Fix: set it to 3072 or 4096"),
                bad("2048 in production", e -> obj(e, "key").put("size", 2048),
                        "$.key.size: 2048 is too small for a production disk key. Fix: use 3072 or 4096."),
                bad("expiry in the past", e -> obj(e, "key").put("expiresOn", "2026-01-01T00:00:00Z"),
                        "$.key.expiresOn: 2026-01-01T00:00:00Z is in the past"),
                bad("expiry too near", e -> obj(e, "key").put("expiresOn", "2026-12-20T00:00:00Z"),
                        "$.key.expiresOn: 2026-12-20T00:00:00Z is less than 30 + 7 days away"),
                bad("expiry not a real date", e -> obj(e, "key").put("expiresOn", "2027-02-30T00:00:00Z"),
                        "$.key.expiresOn: '2027-02-30T00:00:00Z' is not a valid date and time."),
                bad("expiry without time", e -> obj(e, "key").put("expiresOn", "2027-12-01"),
                        "$.key.expiresOn: \"2027-12-01\" is invalid"),
                bad("notification under seven days", e -> obj(e, "key").put("notifyDaysBeforeExpiry", 5),
                        "$.key.notifyDaysBeforeExpiry: 5 is invalid"),
                bad("notification days versus rotation expiry", e -> {
                    obj(e, "key").put("rotationExpiryTime", "P60D");
                    obj(e, "key").put("notifyDaysBeforeExpiry", 55);
                }, "$.key.notifyDaysBeforeExpiry: 55 days leaves less than 7 days"),
                bad("rotation expiry under 28 days", e -> obj(e, "key").put("rotationExpiryTime", "P20D"),
                        "$.key.rotationExpiryTime: P20D is shorter than Key Vault's minimum of P28D."),
                bad("rotation expiry not a duration", e -> obj(e, "key").put("rotationExpiryTime", "1 year"),
                        "$.key.rotationExpiryTime: \"1 year\" is invalid"),
                bad("orchestrator id not a GUID", e -> e.put("confidentialVmOrchestratorObjectId", "cvm-orchestrator"),
                        "$.confidentialVmOrchestratorObjectId: \"cvm-orchestrator\" is invalid"),
                bad("subnet id malformed", e -> obj(obj(e, "keyVault"), "privateEndpoint").put("subnetId", "snet-pep"),
                        "$.keyVault.privateEndpoint.subnetId: \"snet-pep\" is invalid"),
                bad("wrong private DNS zone", e -> obj(obj(e, "keyVault"), "privateEndpoint").put("privateDnsZoneId",
                                "/subscriptions/0b8e5d3c-2a6f-4c19-b7e4-91d2f6a0c357/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net"),
                        "the zone 'privatelink.blob.core.windows.net' is not the Key Vault private link zone"),
                bad("workspace id malformed", e -> obj(e, "keyVault").put("logAnalyticsWorkspaceId", "law-avd-prd"),
                        "$.keyVault.logAnalyticsWorkspaceId: \"law-avd-prd\" is invalid"),
                bad("placeholder e-mail in production", e -> receiver(e).put("emailAddress", "admin@example.com"),
                        "$.alerts.emailReceivers[0].emailAddress: 'admin@example.com' is a placeholder address"),
                bad("invalid e-mail", e -> receiver(e).put("emailAddress", "avd-platform.northwind-health.eu"),
                        "$.alerts.emailReceivers[0].emailAddress: \"avd-platform.northwind-health.eu\" is invalid"),
                bad("no e-mail receivers", e -> obj(e, "alerts").putArray("emailReceivers"),
                        "$.alerts.emailReceivers: [] is invalid"),
                bad("duplicate receiver name", e -> ((ObjectNode) e.at("/alerts/emailReceivers/1")).put("name", "avd-platform-team"),
                        "$.alerts.emailReceivers[1].name: 'avd-platform-team' is used by another receiver."),
                bad("inline webhook secret", e -> obj(e, "alerts").set("webhook",
                                TextNode.valueOf("https://prod-12.westeurope.logic.azure.com/workflows/1/triggers?sig=abc")),
                        "$.alerts.webhook: the webhook URI is written inline"),
                bad("inline webhook as object", e -> obj(e, "alerts").putObject("webhook").put("uri", "https://hooks.northwind-health.eu/x?token=1"),
                        "$.alerts.webhook: the webhook URI is written inline"),
                bad("severity not allowed", e -> obj(e, "alerts").put("severity", "Critical"),
                        "$.alerts.severity: \"Critical\" is invalid"),
                bad("short name over twelve", e -> obj(e, "alerts").put("actionGroupShortName", "CMKExpiryAlerts"),
                        "$.alerts.actionGroupShortName: \"CMKExpiryAlerts\" is invalid"),
                bad("unknown region", e -> e.put("location", "westeurope2"),
                        "$.location: 'westeurope2' is not a known Azure region."),
                bad("region without attestation provider", e -> e.put("location", "swedencentral"),
                        "$.key.attestationAuthority: is missing, and cvmkeys has no shared attestation provider on record for swedencentral."),
                bad("retention over ninety", e -> obj(e, "keyVault").put("softDeleteRetentionInDays", 120),
                        "$.keyVault.softDeleteRetentionInDays: 120 is invalid"),
                bad("missing key", e -> e.remove("key"), "$.key: is missing."),
                bad("unknown setting", e -> e.put("purgeProtection", false), "$.purgeProtection: is not a known setting."),
                bad("resource group name with slash", e -> obj(e, "resourceGroups").put("keyVault", "rg/avd"),
                        "$.resourceGroups.keyVault: \"rg/avd\" is invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEnvironments")
    void badEnvironmentIsRejected(String name, Consumer<ObjectNode> change, String expected) throws IOException {
        ObjectNode environment = (ObjectNode) JSON.readTree(SampleEnvironments.PRD.toFile());
        change.accept(environment);
        Path file = temp.resolve("bad.json");
        Files.writeString(file, environment.toPrettyString());

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessageContaining(expected)
                .hasMessageContaining("Fix: ");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        ObjectNode environment = (ObjectNode) JSON.readTree(SampleEnvironments.PRD.toFile());
        obj(environment, "key").put("size", 1024);
        obj(environment, "alerts").put("severity", "Critical");
        environment.put("confidentialVmOrchestratorObjectId", "x");
        Path file = temp.resolve("bad.json");
        Files.writeString(file, environment.toPrettyString());

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidEnvironmentException.class, e -> assertThat(e.problems()).hasSize(3))
                .hasMessageStartingWith("Environment file " + file + " has 3 problems:");
    }

    @Test
    void syntaxErrorNamesLine() throws IOException {
        Path file = temp.resolve("broken.json");
        Files.writeString(file, "{\n  \"name\": \"prd\",\n  \"production\": tru\n}\n");

        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining("cannot be parsed at line 3");
    }

    @Test
    void schemaIsPublishedOnClasspath() {
        JsonNode schema = new EnvironmentSchema().schemaNode();

        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/key/properties/expiresOn/description").asText()).contains("fixed UTC expiry");
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String expected) {
        return Arguments.of(name, change, expected);
    }

    private static ObjectNode obj(ObjectNode parent, String field) {
        return (ObjectNode) parent.get(field);
    }

    private static ObjectNode receiver(ObjectNode environment) {
        return (ObjectNode) ((ArrayNode) environment.at("/alerts/emailReceivers")).get(0);
    }
}
