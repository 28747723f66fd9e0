package io.cvmkeys.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceGroupsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SimulatedClock clock;
    private ArmEmulator emulator;
    private ResourceManager arm;

    @BeforeEach
    void start() {
        clock = SimulatedClock.startingAt(EmulatorTesting.START);
        emulator = ArmEmulator.start(EmulatorTesting.options(clock));
        arm = EmulatorTesting.resourceManager(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void listFollowsNextLinkAcrossPages() throws Exception {
        for (int i = 1; i <= 5; i++) {
            arm.resourceGroups().define("rg-page-" + i).withRegion("westeurope").create();
        }

        HttpResponse<String> firstPage = EmulatorTesting.send(emulator, "GET",
            "subscriptions/" + EmulatorTesting.SUBSCRIPTION + "/resourcegroups?api-version=2021-04-01", null);
        JsonNode page = MAPPER.readTree(firstPage.body());
        List<String> names = arm.resourceGroups().list().stream().map(ResourceGroup::name).collect(Collectors.toList());

        assertThat(page.get("value")).hasSize(2);
        assertThat(page.get("nextLink").asText()).startsWith(emulator.endpoint()).contains("%24skiptoken=2");
        assertThat(names).containsExactly("rg-page-1", "rg-page-2", "rg-page-3", "rg-page-4", "rg-page-5");
    }

    @Test
    void idsComeBackInDifferentCase() {
        ResourceGroup group = arm.resourceGroups().define("rg-Case").withRegion("West Europe").create();

        assertThat(group.id()).isEqualTo("/subscriptions/" + EmulatorTesting.SUBSCRIPTION + "/resourcegroups/RG-CASE");
        assertThat(group.name()).isEqualTo("rg-Case");
        assertThat(group.regionName()).isEqualTo("westeurope");
    }

    @Test
    void idsKeepTheirCaseWhenConfigured() {
        emulator.close();
        emulator = ArmEmulator.start(EmulatorTesting.options(clock).idCasing(IdCasing.AS_SENT));
        arm = EmulatorTesting.resourceManager(emulator);

        ResourceGroup group = arm.resourceGroups().define("rg-Case").withRegion("westeurope").create();

        assertThat(group.id()).isEqualTo("/subscriptions/" + EmulatorTesting.SUBSCRIPTION + "/resourceGroups/rg-Case");
    }

    @Test
    void missingGroupGetFails() {
        assertThatThrownBy(() -> arm.resourceGroups().getByName("rg-missing"))
            .isInstanceOfSatisfying(ManagementException.class, e -> {
                assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
                assertThat(e.getValue().getCode()).isEqualTo("ResourceGroupNotFound");
            });
    }

    @Test
    void invalidJsonFailsWithInvalidRequestContent() {
        HttpResponse<String> response = EmulatorTesting.send(emulator, "PUT",
            EmulatorTesting.resourceGroupPath("rg-bad") + "?api-version=2021-04-01", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"InvalidRequestContent\"");
    }

    @Test
    void deleteRunsAsLongRunningOperation() {
        arm.resourceGroups().define("rg-delete").withRegion("westeurope").create();

        SyncPoller<Void, Void> poller = arm.resourceGroups().beginDeleteByName("rg-delete").getSyncPoller();
        PollResponse<Void> running = poller.poll();
        boolean existsWhileRunning = arm.resourceGroups().contain("rg-delete");
        clock.advance(Duration.ofSeconds(10));
        PollResponse<Void> done = poller.poll();

        assertThat(running.getStatus()).isEqualTo(LongRunningOperationStatus.IN_PROGRESS);
        assertThat(existsWhileRunning).isTrue();
        assertThat(done.getStatus()).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        assertThat(arm.resourceGroups().contain("rg-delete")).isFalse();
    }

    @Test
    void deleteAnswers202WithLocationAndRetryAfter() {
        arm.resourceGroups().define("rg-raw").withRegion("westeurope").create();

        HttpResponse<String> accepted = EmulatorTesting.send(emulator, "DELETE",
            EmulatorTesting.resourceGroupPath("rg-raw") + "?api-version=2021-04-01", null);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> pending = EmulatorTesting.send(emulator, "GET", location.substring(emulator.endpoint().length()), null);
        clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> finished = EmulatorTesting.send(emulator, "GET", location.substring(emulator.endpoint().length()), null);

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Retry-After")).contains("0");
        assertThat(pending.statusCode()).isEqualTo(202);
        assertThat(finished.statusCode()).isEqualTo(200);
    }
}
