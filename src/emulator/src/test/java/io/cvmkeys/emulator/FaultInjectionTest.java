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
import com.azure.resourcemanager.resources.fluent.models.DeploymentInner;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import com.azure.resourcemanager.resources.models.DeploymentProperties;
import com.azure.resourcemanager.resources.models.ProvisioningState;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private SimulatedClock clock;
    private ArmEmulator emulator;
    private ResourceManager arm;

    @BeforeEach
    void start() {
        clock = SimulatedClock.startingAt(EmulatorTesting.START);
        emulator = ArmEmulator.start(EmulatorTesting.options(clock));
        arm = EmulatorTesting.resourceManager(emulator);
        arm.resourceGroups().define("rg-faults").withRegion("westeurope").create();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void failReturnsGivenErrorEveryTime() {
        emulator.faults().add(Fault.onOperation("ResourceGroups_Get").fail(409, "ScopeLocked", "The scope is locked."));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> arm.resourceGroups().getByName("rg-faults"))
                .isInstanceOfSatisfying(ManagementException.class, e -> {
                    assertThat(e.getResponse().getStatusCode()).isEqualTo(409);
                    assertThat(e.getValue().getCode()).isEqualTo("ScopeLocked");
                    assertThat(e.getValue().getMessage()).isEqualTo("The scope is locked.");
                });
        }
    }

    @Test
    void failMatchesMethodAndPathRegex() {
        emulator.faults().add(Fault.onPath("PUT", "/resourceGroups/rg-denied$").fail(403, "AuthorizationFailed", "No."));

        HttpResponse<String> denied = EmulatorTesting.send(emulator, "PUT",
            EmulatorTesting.resourceGroupPath("rg-denied") + "?api-version=2021-04-01", "{\"location\":\"westeurope\"}");
        HttpResponse<String> allowed = EmulatorTesting.send(emulator, "PUT",
            EmulatorTesting.resourceGroupPath("rg-allowed") + "?api-version=2021-04-01", "{\"location\":\"westeurope\"}");
        HttpResponse<String> read = EmulatorTesting.send(emulator, "GET",
            EmulatorTesting.resourceGroupPath("rg-denied") + "?api-version=2021-04-01", null);

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("\"code\":\"AuthorizationFailed\"");
        assertThat(allowed.statusCode()).isEqualTo(201);
        assertThat(read.statusCode()).isEqualTo(404);
    }

    @Test
    void failOnceLetsTheSdkRetrySucceed() {
        emulator.faults().add(Fault.onOperation("ResourceGroups_Get")
            .failOnce(503, "ServiceUnavailable", "Try again."));

        HttpResponse<String> first = EmulatorTesting.send(emulator, "GET",
            EmulatorTesting.resourceGroupPath("rg-faults") + "?api-version=2021-04-01", null);
        HttpResponse<String> second = EmulatorTesting.send(emulator, "GET",
            EmulatorTesting.resourceGroupPath("rg-faults") + "?api-version=2021-04-01", null);

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(second.statusCode()).isEqualTo(200);
    }

    @Test
    void failOnceIsRetriedTransparentlyBySdk() {
        emulator.faults().add(Fault.onOperation("ResourceGroups_Get")
            .failOnce(503, "ServiceUnavailable", "Try again."));

        assertThat(arm.resourceGroups().getByName("rg-faults").name()).isEqualTo("rg-faults");
    }

    @Test
    void delayHoldsTheResponse() {
        emulator.faults().add(Fault.onOperation("ResourceGroups_Get").delay(Duration.ofMillis(300)));

        long started = System.nanoTime();
        HttpResponse<String> response = EmulatorTesting.send(emulator, "GET",
            EmulatorTesting.resourceGroupPath("rg-faults") + "?api-version=2021-04-01", null);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
    }

    @Test
    void failOperationEndsLongRunningOperationFailed() {
        emulator.faults().add(Fault.onOperation("Deployments_CreateOrUpdate")
            .failOperation("QuotaExceeded", "Operation could not be completed as it results in exceeding quota."));
        DeploymentsClient deployments = arm.deploymentClient().getDeployments();
        Map<String, Object> template = Map.of("resources", List.of(Map.of(
            "type", "Microsoft.Insights/actionGroups", "apiVersion", "2023-01-01", "name", "ag1",
            "location", "global")));

        SyncPoller<PollResult<DeploymentExtendedInner>, DeploymentExtendedInner> poller =
            deployments.beginCreateOrUpdate("rg-faults", "stage-alerts", new DeploymentInner().withProperties(
                new DeploymentProperties().withMode(DeploymentMode.INCREMENTAL).withTemplate(template)));
        LongRunningOperationStatus running = poller.poll().getStatus();
        clock.advance(Duration.ofSeconds(10));
        LongRunningOperationStatus finished = poller.poll().getStatus();
        DeploymentExtendedInner deployment = deployments.getByResourceGroup("rg-faults", "stage-alerts");

        assertThat(running).isEqualTo(LongRunningOperationStatus.IN_PROGRESS);
        assertThat(finished).isEqualTo(LongRunningOperationStatus.FAILED);
        assertThat(deployment.properties().provisioningState()).isEqualTo(ProvisioningState.FAILED);
        assertThat(deployment.properties().error().getDetails().get(0).getCode()).isEqualTo("QuotaExceeded");
        assertThat(arm.genericResources().checkExistenceById("/subscriptions/" + EmulatorTesting.SUBSCRIPTION
            + "/resourceGroups/rg-faults/providers/Microsoft.Insights/actionGroups/ag1", "2023-01-01")).isFalse();
    }

    @Test
    void clearedFaultsNoLongerApply() {
        emulator.faults().add(Fault.onOperation("ResourceGroups_Get").fail(500, "InternalServerError", "Boom."));
        emulator.faults().clear();

        assertThat(arm.resourceGroups().getByName("rg-faults").name()).isEqualTo("rg-faults");
    }
}
