package io.cvmkeys.emulator;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.Deployment;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deploys the committed reference output ({@code generated/prd}) stage by stage through the resources SDK, wiring
 * outputs into the next stage's parameters as the deployment engine does, and evaluates every expression cvmkeys
 * emits on the way.
 */
class GeneratedStackDeploymentTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path GENERATED = Path.of("../../generated/prd");

    private ArmEmulator emulator;
    private ResourceManager arm;

    @BeforeEach
    void start() {
        emulator = ArmEmulator.start(EmulatorTesting.options(SimulatedClock.startingAt(EmulatorTesting.START))
                .operationDuration(Duration.ZERO));
        arm = EmulatorTesting.resourceManager(emulator);
        arm.resourceGroups().define("rg-avd-cmk-prd-weu-001").withRegion("westeurope").create();
        arm.resourceGroups().define("rg-avd-prd-cmk").withRegion("westeurope").create();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void stagesDeployWithOutputsWired() throws Exception {
        Deployment vault = deploy("rg-avd-cmk-prd-weu-001", "vault", Map.of());
        String keyUri = output(vault, "keyUriWithVersion");
        String identityId = output(vault, "identityId");

        Deployment des = deploy("rg-avd-prd-cmk", "des", Map.of("keyUriWithVersion", keyUri, "identityId", identityId));
        storeWebhookSecret();
        Deployment alerts = deploy("rg-avd-cmk-prd-weu-001", "alerts", Map.of("vaultId", output(vault, "vaultId")));

        assertThat(vault.provisioningState()).isEqualTo("Succeeded");
        assertThat(des.provisioningState()).isEqualTo("Succeeded");
        assertThat(alerts.provisioningState()).isEqualTo("Succeeded");
        assertThat(keyUri).matches("https://kv-avd-cmk-prd-weu-001\\.vault\\.azure\\.net/keys/cmk-avd-prd-weu-001/[0-9a-f]{32}");
        assertThat(output(des, "diskEncryptionSetId")).containsIgnoringCase("/diskEncryptionSets/des-avd-prd-cmk-weu-001");
    }

    @Test
    void missingReferencedSecretFailsTheDeployment() throws Exception {
        Deployment vault = deploy("rg-avd-cmk-prd-weu-001", "vault", Map.of());

        assertThatThrownBy(() -> deploy("rg-avd-cmk-prd-weu-001", "alerts", Map.of("vaultId", output(vault, "vaultId"))))
                .isInstanceOfSatisfying(ManagementException.class, e -> {
                    assertThat(e.getValue().getCode()).isEqualTo("KeyVaultParameterReferenceSecretRetrieveFailed");
                    assertThat(e.getValue().getMessage()).contains("cmk-expiry-webhook-uri");
                });
    }

    @Test
    void identicalRedeployKeepsTheKeyVersion() throws Exception {
        String first = output(deploy("rg-avd-cmk-prd-weu-001", "vault", Map.of()), "keyUriWithVersion");

        String second = output(deploy("rg-avd-cmk-prd-weu-001", "vault", Map.of()), "keyUriWithVersion");

        assertThat(second).isEqualTo(first);
    }

    /** Stores the secret in the operations vault from which the reference environment reads the webhook URI. */
    private void storeWebhookSecret() {
        // The operations vault lives in another subscription, the one named in the environment file.
        String group = "subscriptions/6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14/resourceGroups/rg-avd-prd-ops";
        String vault = group + "/providers/Microsoft.KeyVault/vaults/kv-avd-ops-prd-weu-001";
        var groupPut = EmulatorTesting.send(emulator, "PUT", group + "?api-version=2022-09-01", "{\"location\":\"westeurope\"}");
        assertThat(groupPut.statusCode()).isBetween(200, 201);
        var vaultPut = EmulatorTesting.send(emulator, "PUT", vault + "?api-version=2023-07-01", "{\"location\":"
                + "\"westeurope\",\"properties\":{\"tenantId\":\"" + ArmEmulatorOptions.DEFAULT_TENANT_ID + "\","
                + "\"sku\":{\"family\":\"A\",\"name\":\"standard\"}}}");
        var secretPut = EmulatorTesting.send(emulator, "PUT", vault + "/secrets/cmk-expiry-webhook-uri?api-version=2023-07-01",
                "{\"properties\":{\"value\":\"https://hooks.northwind-health.eu/cmk-expiry\"}}");
        assertThat(vaultPut.statusCode()).isBetween(200, 201);
        assertThat(secretPut.statusCode()).isBetween(200, 201);
    }

    private Deployment deploy(String resourceGroup, String stage, Map<String, String> wired) throws Exception {
        String template = Files.readString(GENERATED.resolve(stage + ".json"));
        ObjectNode parameters = (ObjectNode) MAPPER.readTree(GENERATED.resolve(stage + ".parameters.json").toFile())
                .get("parameters");
        wired.forEach((name, value) -> parameters.putObject(name).put("value", value));

        return arm.deployments().define("cvmkeys-avd-cmk-prd-" + stage)
                .withExistingResourceGroup(resourceGroup)
                .withTemplate(template)
                .withParameters(MAPPER.writeValueAsString(parameters))
                .withMode(DeploymentMode.INCREMENTAL)
                .create();
    }

    @SuppressWarnings("unchecked")
    private static String output(Deployment deployment, String name) {
        Map<String, Object> outputs = (Map<String, Object>) deployment.outputs();
        JsonNode value = MAPPER.valueToTree(outputs).path(name).path("value");
        assertThat(value.isMissingNode()).as("output %s of %s", name, deployment.name()).isFalse();
        return value.asText();
    }
}
