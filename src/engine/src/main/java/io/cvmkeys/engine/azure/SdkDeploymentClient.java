package io.cvmkeys.engine.azure;

import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.resourcemanager.resources.fluent.DeploymentsClient;
import com.azure.resourcemanager.resources.fluent.models.DeploymentExtendedInner;
import com.azure.resourcemanager.resources.fluent.models.DeploymentInner;
import com.azure.resourcemanager.resources.fluent.models.WhatIfOperationResultInner;
import com.azure.resourcemanager.resources.models.DeploymentWhatIf;
import com.azure.resourcemanager.resources.models.ProvisioningState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.engine.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@link ArmDeploymentClient} on the SDK's deployments client, {@code Microsoft.Resources/deployments}. */
final class SdkDeploymentClient implements ArmDeploymentClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    private final DeploymentsClient deployments;

    SdkDeploymentClient(AzureClients clients) {
        this.deployments = clients.resourceManager().deploymentClient().getDeployments();
    }

    @Override
    public JsonNode whatIf(String resourceGroup, String deploymentName, JsonNode template, JsonNode parameters) {
        String operation = "What-If of deployment '" + deploymentName + "' in resource group '" + resourceGroup + "'";
        DeploymentWhatIf request = read(body(template, parameters), DeploymentWhatIf::fromJson);
        try {
            WhatIfOperationResultInner result = deployments.beginWhatIf(resourceGroup, deploymentName, request).getFinalResult();
            return MAPPER.readTree(result.toJsonString());
        } catch (ManagementException e) {
            throw fromManagementException(operation, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ObjectNode deploy(String resourceGroup, String deploymentName, JsonNode template, JsonNode parameters,
            ProgressListener listener) {
        String operation = "Deployment '" + deploymentName + "' in resource group '" + resourceGroup + "'";
        DeploymentInner request = read(body(template, parameters), DeploymentInner::fromJson);
        try {
            SyncPoller<PollResult<DeploymentExtendedInner>, DeploymentExtendedInner> poller =
                    deployments.beginCreateOrUpdate(resourceGroup, deploymentName, request);
            LongRunningOperationStatus status = waitWithProgress(poller, deploymentName, listener);
            // A failed operation has no final result; the deployment itself carries ARM's error.
            DeploymentExtendedInner result = status == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED
                    ? poller.getFinalResult()
                    : deployments.getByResourceGroup(resourceGroup, deploymentName);
            if (result == null || result.properties() == null) {
                throw new ArmOperationException(operation, status.toString(), "the operation ended " + status
                        + " and ARM returned no deployment details");
            }
            if (!ProvisioningState.SUCCEEDED.equals(result.properties().provisioningState())) {
                throw rootCause(operation, result.properties().error());
            }
            return outputs(result);
        } catch (ManagementException e) {
            throw fromManagementException(operation, e);
        }
    }

    @Override
    public Optional<ObjectNode> succeededDeploymentOutputs(String resourceGroup, String deploymentName) {
        try {
            DeploymentExtendedInner deployment = deployments
                    .getByResourceGroupWithResponse(resourceGroup, deploymentName, Context.NONE).getValue();
            if (deployment.properties() == null
                    || !ProvisioningState.SUCCEEDED.equals(deployment.properties().provisioningState())) {
                return Optional.empty();
            }
            return Optional.of(outputs(deployment));
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw fromManagementException("Reading deployment '" + deploymentName + "'", e);
        }
    }

    /** Polls until the operation ends, one progress line per poll; the SDK takes the wait from Retry-After. */
    private static LongRunningOperationStatus waitWithProgress(SyncPoller<?, ?> poller, String deploymentName,
            ProgressListener listener) {
        Instant start = Instant.now();
        PollResponse<?> response = poller.poll();
        while (!response.getStatus().isComplete()) {
            Duration wait = response.getRetryAfter() != null ? response.getRetryAfter() : DEFAULT_POLL_INTERVAL;
            listener.progress("  waiting for deployment " + deploymentName + ": " + response.getStatus()
                    + " after " + Duration.between(start, Instant.now()).toSeconds() + " s, next check in "
                    + wait.toSeconds() + " s");
            sleep(wait);
            response = poller.poll();
        }
        if (response.getStatus() == LongRunningOperationStatus.FAILED
                || response.getStatus() == LongRunningOperationStatus.USER_CANCELLED) {
            listener.progress("  deployment " + deploymentName + " ended " + response.getStatus());
        }
        return response.getStatus();
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(wait.toMillis(), 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a deployment", e);
        }
    }

    private static ObjectNode outputs(DeploymentExtendedInner deployment) {
        Object outputs = deployment.properties() == null ? null : deployment.properties().outputs();
        return outputs == null ? MAPPER.createObjectNode() : MAPPER.valueToTree(outputs);
    }

    /** ARM wraps resource failures in {@code DeploymentFailed}; the first detail names the real code and message. */
    static ArmOperationException fromManagementException(String operation, ManagementException e) {
        if (e.getValue() == null) {
            return new ArmOperationException(operation, "HTTP " + (e.getResponse() == null ? "?" : e.getResponse().getStatusCode()),
                    e.getMessage());
        }
        return rootCause(operation, e.getValue());
    }

    private static ArmOperationException rootCause(String operation, ManagementError error) {
        if (error == null) {
            return new ArmOperationException(operation, "Failed", "ARM reported the deployment as failed without an error");
        }
        ManagementError cause = error;
        while (cause.getDetails() != null && !cause.getDetails().isEmpty()) {
            cause = cause.getDetails().get(0);
        }
        return new ArmOperationException(operation, cause.getCode(), cause.getMessage());
    }

    private static String body(JsonNode template, JsonNode parameters) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode properties = body.putObject("properties");
        properties.put("mode", "Incremental");
        properties.set("template", template);
        properties.set("parameters", parameters);
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, ReadFunction<T> reader) {
        try (JsonReader jsonReader = JsonProviders.createReader(json)) {
            return reader.read(jsonReader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface ReadFunction<T> {
        T read(JsonReader reader) throws IOException;
    }
}
