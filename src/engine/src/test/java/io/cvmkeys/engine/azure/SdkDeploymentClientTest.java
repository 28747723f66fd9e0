package io.cvmkeys.engine.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.engine.TestResources;
import io.cvmkeys.engine.whatif.WhatIfResults;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkDeploymentClientTest {

    private static final String SUBSCRIPTION = "6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14";
    private static final String DEPLOYMENT = "/subscriptions/" + SUBSCRIPTION
            + "/resourcegroups/rg-avd-prd-cmk/providers/Microsoft.Resources/deployments/cvmkeys-avd-cmk-prd-des";

    private final ScriptedHttpClient http = new ScriptedHttpClient();
    private final ObjectNode template = TestResources.MAPPER.createObjectNode().put("contentVersion", "1.0.0.0");
    private final ObjectNode parameters = TestResources.MAPPER.createObjectNode();

    @Test
    void whatIfErrorBodyWith200Fails() {
        http.on("POST", DEPLOYMENT + "/whatIf", 200, Map.of(),
                "{\"status\":\"Failed\",\"error\":{\"code\":\"InvalidTemplateDeployment\",\"message\":\"The template"
                        + " deployment failed because of policy violation.\"}}");

        JsonNode body = client().whatIf("rg-avd-prd-cmk", "cvmkeys-avd-cmk-prd-des", template, parameters);

        assertThatThrownBy(() -> WhatIfResults.parse("What-If of stage 'des'", body))
                .isInstanceOf(ArmOperationException.class)
                .hasMessage("What-If of stage 'des' failed: InvalidTemplateDeployment: The template deployment failed"
                        + " because of policy violation.");
    }

    @Test
    void whatIfPollsLocationUntilResult() {
        http.on("POST", DEPLOYMENT + "/whatIf", 202, Map.of("Location", ScriptedHttpClient.ENDPOINT + "operationResults/w1",
                "Retry-After", "1"), "");
        http.on("GET", "/operationResults/w1", 202, Map.of("Location", ScriptedHttpClient.ENDPOINT + "operationResults/w1",
                "Retry-After", "1"), "");
        http.on("GET", "/operationResults/w1", 200, Map.of(), TestResources.json("whatif/des-stage.json").toString());

        JsonNode body = client().whatIf("rg-avd-prd-cmk", "cvmkeys-avd-cmk-prd-des", template, parameters);

        assertThat(WhatIfResults.parse("What-If", body)).hasSize(8);
        assertThat(http.requests()).filteredOn(request -> request.contains("operationResults")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void failedDeploymentReportsArmCodeAndMessage() {
        http.on("PUT", DEPLOYMENT, 201, Map.of("Azure-AsyncOperation", ScriptedHttpClient.ENDPOINT + "operations/d1",
                "Retry-After", "0"), "{\"id\":\"" + DEPLOYMENT + "\",\"name\":\"cvmkeys-avd-cmk-prd-des\",\"properties\":"
                + "{\"provisioningState\":\"Accepted\"}}");
        http.on("GET", "/operations/d1", 200, Map.of("Retry-After", "0"), "{\"status\":\"Running\"}");
        http.on("GET", "/operations/d1", 200, Map.of(), "{\"status\":\"Failed\",\"error\":{\"code\":\"DeploymentFailed\","
                + "\"message\":\"At least one resource deployment operation failed.\",\"details\":[{\"code\":"
                + "\"KeyVaultAccessForbidden\",\"message\":\"Unable to access key vault 'kv-avd-cmk-prd-weu-001'.\"}]}}");
        http.on("GET", DEPLOYMENT, 200, Map.of(), "{\"id\":\"" + DEPLOYMENT + "\",\"properties\":{\"provisioningState\":"
                + "\"Failed\",\"error\":{\"code\":\"DeploymentFailed\",\"message\":\"At least one resource deployment"
                + " operation failed.\",\"details\":[{\"code\":\"KeyVaultAccessForbidden\",\"message\":\"Unable to access"
                + " key vault 'kv-avd-cmk-prd-weu-001'.\"}]}}}");
        List<String> lines = new ArrayList<>();

        assertThatThrownBy(() -> client().deploy("rg-avd-prd-cmk", "cvmkeys-avd-cmk-prd-des", template, parameters, lines::add))
                .isInstanceOf(ArmOperationException.class)
                .satisfies(e -> {
                    ArmOperationException failure = (ArmOperationException) e;
                    assertThat(failure.code()).isEqualTo("KeyVaultAccessForbidden");
                    assertThat(failure.armMessage()).isEqualTo("Unable to access key vault 'kv-avd-cmk-prd-weu-001'.");
                });
        assertThat(lines).anyMatch(line -> line.contains("waiting for deployment cvmkeys-avd-cmk-prd-des"));
    }

    @Test
    void throttledReadHonoursRetryAfter() {
        http.on("GET", DEPLOYMENT, 429, Map.of("Retry-After", "1"),
                "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Rate limit exceeded.\"}}");
        http.on("GET", DEPLOYMENT, 200, Map.of(), "{\"id\":\"" + DEPLOYMENT + "\",\"properties\":{\"provisioningState\":"
                + "\"Succeeded\",\"outputs\":{\"diskEncryptionSetId\":{\"type\":\"String\",\"value\":\"/x/des\"}}}}");

        var outputs = client().succeededDeploymentOutputs("rg-avd-prd-cmk", "cvmkeys-avd-cmk-prd-des");

        assertThat(outputs).hasValueSatisfying(value ->
                assertThat(value.path("diskEncryptionSetId").path("value").asText()).isEqualTo("/x/des"));
        assertThat(http.requests()).filteredOn(request -> request.startsWith("GET")).hasSize(2);
        long waitedNanos = http.requestTimes().get(1) - http.requestTimes().get(0);
        assertThat(waitedNanos).as("wait between the 429 and the retry").isGreaterThanOrEqualTo(900_000_000L);
    }

    @Test
    void missingDeploymentIsEmpty() {
        assertThat(client().succeededDeploymentOutputs("rg-avd-prd-cmk", "cvmkeys-avd-cmk-prd-des")).isEmpty();
    }

    @Test
    void subscriptionNameResolved() {
        http.on("GET", "/subscriptions", 200, Map.of(), "{\"value\":[{\"id\":\"/subscriptions/" + SUBSCRIPTION
                + "\",\"subscriptionId\":\"" + SUBSCRIPTION + "\",\"displayName\":\"sub-avd-prd\",\"state\":\"Enabled\"},"
                + "{\"id\":\"/subscriptions/0b8e5d3c-2a6f-4c19-b7e4-91d2f6a0c357\",\"subscriptionId\":"
                + "\"0b8e5d3c-2a6f-4c19-b7e4-91d2f6a0c357\",\"displayName\":\"sub-hub\",\"state\":\"Enabled\"}]}");

        AzureClients clients = AzureClients.connect(AzureTarget.emulator(ScriptedHttpClient.ENDPOINT, http,
                ScriptedHttpClient.staticToken(), "SUB-AVD-PRD", null));

        assertThat(clients.subscriptionId()).isEqualTo(SUBSCRIPTION);
        assertThatThrownBy(() -> AzureClients.connect(AzureTarget.emulator(ScriptedHttpClient.ENDPOINT, http,
                ScriptedHttpClient.staticToken(), "sub-missing", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Subscription 'sub-missing' not found");
    }

    private SdkDeploymentClient client() {
        AzureClients clients = AzureClients.connect(AzureTarget.emulator(ScriptedHttpClient.ENDPOINT, http,
                ScriptedHttpClient.staticToken(), SUBSCRIPTION, null));
        return new SdkDeploymentClient(clients);
    }
}
