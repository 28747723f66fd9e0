package io.cvmkeys.emulator;

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
        Deployment alerts = deploy("rg-avd-cmk-prd-weu-001", "alerts", Map.of("vaultId", output(vault, "vaultId"),
                "webhookUri", "https://hooks.northwind-health.eu/cmk-expiry"));

        assertThat(vault.provisioningState()).isEqualTo("Succeeded");
        assertThat(des.provisioningState()).isEqualTo("Succeeded");
        assertThat(alerts.provisioningState()).isEqualTo("Succeeded");
        assertThat(keyUri).matches("https://kv-avd-cmk-prd-weu-001\\.vault\\.azure\\.net/keys/cmk-avd-prd-weu-001/[0-9a-f]{32}");
        assertThat(output(des, "diskEncryptionSetId")).containsIgnoringCase("/diskEncryptionSets/des-avd-prd-cmk-weu-001");
    }

    @Test
    void identicalRedeployKeepsTheKeyVersion() throws Exception {
        String first = output(deploy("rg-avd-cmk-prd-weu-001", "vault", Map.of()), "keyUriWithVersion");

        String second = output(deploy("rg-avd-cmk-prd-weu-001", "vault", Map.of()), "keyUriWithVersion");

        assertThat(second).isEqualTo(first);
    }

    private Deployment deploy(String resourceGroup, String stage, Map<String, String> wired) throws Exception {
        String template = Files.readString(GENERATED.resolve(stage + ".json"));
        ObjectNode parameters = (ObjectNode) MAPPER.readTree(GENERATED.resolve(stage + ".parameters.json").toFile())
                .get("parameters");
        parameters.remove("webhookUri");
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
