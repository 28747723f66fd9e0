package io.cvmkeys.engine.doctor;

import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.azure.resourcemanager.resources.models.Deployment;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The doctor against what cvmkeys itself deploys: the committed {@code generated/prd} templates, stage by stage, plus
 * one session host on the Disk Encryption Set.
 */
class GeneratedStackDoctorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path GENERATED = Path.of("../../generated/prd");

    static {
        // The SDK waits between long-running operation polls in real time; the emulator's time is simulated.
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(delay -> Duration.ofMillis(1));
    }

    private LiveStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void generatedStackIsHealthy() throws Exception {
        stack = LiveStack.healthy().startEmpty();
        Deployment vault = deploy("rg-avd-cmk-prd-weu-001", "vault", Map.of());
        deploy("rg-avd-prd-cmk", "des", Map.of("keyUriWithVersion", output(vault, "keyUriWithVersion"),
                "identityId", output(vault, "identityId")));
        deploy("rg-avd-cmk-prd-weu-001", "alerts", Map.of("vaultId", output(vault, "vaultId"),
                "webhookUri", "https://hooks.northwind-health.eu/cmk-expiry"));
        stack.addSessionHost();

        DoctorReport report = stack.examine();

        assertThat(report.findings()).isEmpty();
    }

    private Deployment deploy(String resourceGroup, String stage, Map<String, String> wired) throws Exception {
        String template = Files.readString(GENERATED.resolve(stage + ".json"));
        ObjectNode parameters = (ObjectNode) MAPPER.readTree(GENERATED.resolve(stage + ".parameters.json").toFile())
                .get("parameters");
        parameters.remove("webhookUri");
        wired.forEach((name, value) -> parameters.putObject(name).put("value", value));

        Deployment deployment = stack.resourceManager().deployments().define("cvmkeys-avd-cmk-prd-" + stage)
                .withExistingResourceGroup(resourceGroup)
                .withTemplate(template)
                .withParameters(MAPPER.writeValueAsString(parameters))
                .withMode(DeploymentMode.INCREMENTAL)
                .create();
        assertThat(deployment.provisioningState()).as("stage %s", stage).isEqualTo("Succeeded");
        return deployment;
    }

    @SuppressWarnings("unchecked")
    private static String output(Deployment deployment, String name) {
        JsonNode value = MAPPER.valueToTree((Map<String, Object>) deployment.outputs()).path(name).path("value");
        assertThat(value.isMissingNode()).as("output %s of %s", name, deployment.name()).isFalse();
        return value.asText();
    }
}
