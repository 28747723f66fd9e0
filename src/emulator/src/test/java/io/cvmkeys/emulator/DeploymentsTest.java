package io.cvmkeys.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.DeploymentsClient;
import com.azure.resourcemanager.resources.fluent.models.DeploymentExtendedInner;
import com.azure.resourcemanager.resources.fluent.models.DeploymentOperationInner;
import com.azure.resourcemanager.resources.fluent.models.DeploymentInner;
import com.azure.resourcemanager.resources.fluent.models.WhatIfOperationResultInner;
import com.azure.resourcemanager.resources.models.ChangeType;
import com.azure.resourcemanager.resources.models.Deployment;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import com.azure.resourcemanager.resources.models.DeploymentProperties;
import com.azure.resourcemanager.resources.models.DeploymentWhatIf;
import com.azure.resourcemanager.resources.models.DeploymentWhatIfProperties;
import com.azure.resourcemanager.resources.models.GenericResource;
import com.azure.resourcemanager.resources.models.ProvisioningState;
import com.azure.resourcemanager.resources.models.WhatIfChange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IDENTITY_TEMPLATE = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            { "type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31",
              "name": "id-des", "location": "westeurope", "tags": { "purpose": "[[literal]" } },
            { "type": "Microsoft.Insights/actionGroups", "apiVersion": "2023-01-01", "name": "ag-expiry",
              "location": "global", "properties": { "groupShortName": "CMKExpiry", "enabled": true } }
          ],
          "outputs": { "identityName": { "type": "string", "value": "id-des" } }
        }
        """;

    private SimulatedClock clock;
    private ArmEmulator emulator;
    private ResourceManager arm;
    private DeploymentsClient deployments;

    @BeforeEach
    void start() {
        clock = SimulatedClock.startingAt(EmulatorTesting.START);
        emulator = ArmEmulator.start(EmulatorTesting.options(clock));
        arm = EmulatorTesting.resourceManager(emulator);
        arm.resourceGroups().define("rg-deploy").withRegion("westeurope").create();
        deployments = arm.deploymentClient().getDeployments();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void deploymentRunsAsLongRunningOperation() throws Exception {
        SyncPoller<PollResult<DeploymentExtendedInner>, DeploymentExtendedInner> poller =
            deployments.beginCreateOrUpdate("rg-deploy", "stage-identity", deployment(IDENTITY_TEMPLATE));

        LongRunningOperationStatus first = poller.poll().getStatus();
        ProvisioningState whileRunning = deployments.getByResourceGroup("rg-deploy", "stage-identity")
            .properties().provisioningState();
        clock.advance(Duration.ofSeconds(10));
        LongRunningOperationStatus last = poller.poll().getStatus();
        DeploymentExtendedInner result = poller.getFinalResult();

        assertThat(first).isEqualTo(LongRunningOperationStatus.IN_PROGRESS);
        assertThat(whileRunning).isEqualTo(ProvisioningState.RUNNING);
        assertThat(last).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        assertThat(result.properties().provisioningState()).isEqualTo(ProvisioningState.SUCCEEDED);
        assertThat(MAPPER.valueToTree(result.properties().outputs()).path("identityName").path("value").asText())
            .isEqualTo("id-des");
        assertThat(result.properties().outputResources()).hasSize(2);
    }

    @Test
    void deployedResourcesExistWithServiceFields() throws Exception {
        deployments.beginCreateOrUpdate("rg-deploy", "stage-identity", deployment(IDENTITY_TEMPLATE));
        clock.advance(Duration.ofSeconds(10));

        GenericResource identity = arm.genericResources().getById("/subscriptions/" + EmulatorTesting.SUBSCRIPTION
            + "/resourceGroups/rg-deploy/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-des",
            "2023-01-31");
        Map<?, ?> properties = (Map<?, ?>) identity.properties();

        assertThat(properties.get("principalId")).isNotNull();
        assertThat(properties.get("clientId")).isNotNull();
        assertThat(properties.get("tenantId")).isEqualTo(ArmEmulatorOptions.DEFAULT_TENANT_ID);
        assertThat(identity.tags()).containsEntry("purpose", "[literal]");
    }

    @Test
    void blockingCreateCompletesWithZeroDuration() throws Exception {
        emulator.close();
        emulator = ArmEmulator.start(EmulatorTesting.options(clock).operationDuration(Duration.ZERO));
        arm = EmulatorTesting.resourceManager(emulator);
        arm.resourceGroups().define("rg-deploy").withRegion("westeurope").create();

        Deployment deployment = arm.deployments().define("stage-identity")
            .withExistingResourceGroup("rg-deploy")
            .withTemplate(IDENTITY_TEMPLATE)
            .withParameters("{}")
            .withMode(DeploymentMode.INCREMENTAL)
            .create();

        assertThat(deployment.provisioningState()).isEqualTo("Succeeded");
        assertThat(deployment.outputs()).isNotNull();
    }

    @Test
    void failingResourceFailsDeploymentWithDetails() throws Exception {
        String template = """
            { "resources": [ { "type": "Microsoft.KeyVault/vaults/keys", "apiVersion": "2023-07-01",
                               "name": "kv-missing/key1", "properties": { "kty": "RSA-HSM" } } ] }
            """;

        SyncPoller<PollResult<DeploymentExtendedInner>, DeploymentExtendedInner> poller =
            deployments.beginCreateOrUpdate("rg-deploy", "stage-key", deployment(template));
        clock.advance(Duration.ofSeconds(10));
        LongRunningOperationStatus status = poller.poll().getStatus();
        DeploymentExtendedInner failed = deployments.getByResourceGroup("rg-deploy", "stage-key");

        assertThat(status).isEqualTo(LongRunningOperationStatus.FAILED);
        assertThat(failed.properties().provisioningState()).isEqualTo(ProvisioningState.FAILED);
        assertThat(failed.properties().error().getCode()).isEqualTo("DeploymentFailed");
        assertThat(failed.properties().error().getDetails().get(0).getCode()).isEqualTo("ParentResourceNotFound");
    }

    @Test
    void operationsListNamesFailedResource() throws Exception {
        String template = """
            { "resources": [
                { "type": "Microsoft.Insights/actionGroups", "apiVersion": "2023-01-01", "name": "ag1", "location": "global" },
                { "type": "Microsoft.KeyVault/vaults/keys", "apiVersion": "2023-07-01", "name": "kv-missing/key1",
                  "properties": { "kty": "RSA-HSM" } } ] }
            """;
        deployments.beginCreateOrUpdate("rg-deploy", "stage-key", deployment(template));
        clock.advance(Duration.ofSeconds(10));

        List<DeploymentOperationInner> operations = arm.deploymentClient().getDeploymentOperations()
            .listByResourceGroup("rg-deploy", "stage-key").stream().collect(Collectors.toList());

        assertThat(operations).hasSize(2);
        assertThat(operations.get(0).properties().provisioningState()).isEqualTo("Succeeded");
        assertThat(operations.get(0).properties().targetResource().resourceName()).isEqualTo("ag1");
        assertThat(operations.get(1).properties().provisioningState()).isEqualTo("Failed");
        assertThat(operations.get(1).properties().statusCode()).isEqualTo("NotFound");
        assertThat(operations.get(1).properties().targetResource().resourceType())
            .isEqualTo("Microsoft.KeyVault/vaults/keys");
    }

    @Test
    void templateExpressionFailsWithInvalidTemplate() throws Exception {
        String template = """
            { "resources": [ { "type": "Microsoft.Insights/actionGroups", "apiVersion": "2023-01-01",
                               "name": "[parameters('name')]", "location": "global" } ] }
            """;

        assertThatThrownBy(() -> deployments.beginCreateOrUpdate("rg-deploy", "stage-bad", deployment(template)))
            .isInstanceOfSatisfying(ManagementException.class, e -> {
                assertThat(e.getResponse().getStatusCode()).isEqualTo(400);
                assertThat(e.getValue().getCode()).isEqualTo("InvalidTemplate");
            });
    }

    @Test
    void canceledDeploymentReportsCanceled() throws Exception {
        String deploymentPath = "subscriptions/" + EmulatorTesting.SUBSCRIPTION
            + "/resourcegroups/rg-deploy/providers/Microsoft.Resources/deployments/stage-cancel";
        String body = "{\"properties\":{\"mode\":\"Incremental\",\"template\":" + IDENTITY_TEMPLATE + "}}";

        var accepted = EmulatorTesting.send(emulator, "PUT", deploymentPath + "?api-version=2025-04-01", body);
        String status = accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow()
            .substring(emulator.endpoint().length());
        var cancel = EmulatorTesting.send(emulator, "POST", deploymentPath + "/cancel?api-version=2025-04-01", null);
        JsonNode operation = MAPPER.readTree(EmulatorTesting.send(emulator, "GET", status, null).body());

        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(MAPPER.readTree(accepted.body()).path("properties").path("provisioningState").asText())
            .isEqualTo("Accepted");
        assertThat(cancel.statusCode()).isEqualTo(204);
        assertThat(operation.path("status").asText()).isEqualTo("Canceled");
        assertThat(operation.path("error").path("code").asText()).isEqualTo("DeploymentCanceled");
        assertThat(deployments.getByResourceGroup("rg-deploy", "stage-cancel").properties().provisioningState())
            .isEqualTo(ProvisioningState.CANCELED);
    }

    @Test
    void whatIfReportsCreateThenNoChange() throws Exception {
        WhatIfOperationResultInner before = whatIf(IDENTITY_TEMPLATE);
        deployments.beginCreateOrUpdate("rg-deploy", "stage-identity", deployment(IDENTITY_TEMPLATE));
        clock.advance(Duration.ofSeconds(10));
        WhatIfOperationResultInner after = whatIf(IDENTITY_TEMPLATE);

        assertThat(before.status()).isEqualTo("Succeeded");
        assertThat(before.changes()).extracting(WhatIfChange::changeType)
            .containsExactly(ChangeType.CREATE, ChangeType.CREATE);
        assertThat(after.changes()).extracting(WhatIfChange::changeType)
            .containsExactly(ChangeType.NO_CHANGE, ChangeType.NO_CHANGE);
    }

    private WhatIfOperationResultInner whatIf(String template) throws Exception {
        SyncPoller<PollResult<WhatIfOperationResultInner>, WhatIfOperationResultInner> poller =
            deployments.beginWhatIf("rg-deploy", "stage-identity", new DeploymentWhatIf().withProperties(
                new DeploymentWhatIfProperties().withMode(DeploymentMode.INCREMENTAL)
                    .withTemplate(MAPPER.readValue(template, Map.class))));
        poller.poll();
        clock.advance(Duration.ofSeconds(10));
        poller.poll();
        return poller.getFinalResult();
    }

    private static DeploymentInner deployment(String template) throws Exception {
        JsonNode parsed = MAPPER.readTree(template);
        return new DeploymentInner().withProperties(new DeploymentProperties()
            .withMode(DeploymentMode.INCREMENTAL)
            .withTemplate(MAPPER.convertValue(parsed, Map.class)));
    }
}
