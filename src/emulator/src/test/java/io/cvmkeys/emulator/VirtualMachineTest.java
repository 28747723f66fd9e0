package io.cvmkeys.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.compute.fluent.VirtualMachinesClient;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.compute.models.InstanceViewStatus;
import com.azure.resourcemanager.compute.models.InstanceViewTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VirtualMachineTest {
    private static final String HOSTS = "rg-hosts";

    private SimulatedClock clock;
    private ArmEmulator emulator;
    private VirtualMachinesClient vms;

    @BeforeEach
    void start() {
        clock = SimulatedClock.startingAt(EmulatorTesting.START);
        emulator = ArmEmulator.start(EmulatorTesting.fixtureOptions(clock));
        vms = EmulatorTesting.computeManager(emulator).serviceClient().getVirtualMachines();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void statusOnlyListReturnsPowerStatesAcrossPages() throws Exception {
        Map<String, String> states = vms.list("true", null, null, Context.NONE).stream()
            .collect(Collectors.toMap(VirtualMachineInner::name, VirtualMachineTest::powerState));
        HttpResponse<String> firstPage = EmulatorTesting.send(emulator, "GET", "subscriptions/"
            + EmulatorTesting.SUBSCRIPTION + "/providers/Microsoft.Compute/virtualMachines?api-version=2024-11-01&statusOnly=true", null);
        JsonNode page = new ObjectMapper().readTree(firstPage.body());

        assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of(
            "vm-avd-1", "PowerState/running", "vm-avd-2", "PowerState/deallocated", "vm-ops-1", "PowerState/running"));
        assertThat(page.get("value")).hasSize(2);
        assertThat(page.get("nextLink").asText()).contains("statusOnly=true");
    }

    @Test
    void resourceGroupListHasNoInstanceView() {
        List<VirtualMachineInner> listed = vms.listByResourceGroup(HOSTS).stream().collect(Collectors.toList());

        assertThat(listed).extracting(VirtualMachineInner::name).containsExactly("vm-avd-1", "vm-avd-2");
        assertThat(listed).allSatisfy(vm -> assertThat(vm.instanceView()).isNull());
    }

    @Test
    void getWithExpandReturnsInstanceView() {
        VirtualMachineInner vm = vms.getByResourceGroupWithResponse(HOSTS, "vm-avd-2", InstanceViewTypes.INSTANCE_VIEW,
            Context.NONE).getValue();

        assertThat(powerState(vm)).isEqualTo("PowerState/deallocated");
        assertThat(vm.id()).contains("/resourcegroups/RG-HOSTS/providers/microsoft.compute/virtualMachines/vm-avd-2");
    }

    @Test
    void deallocateTakesConfiguredSimulatedTime() {
        SyncPoller<PollResult<Void>, Void> poller = vms.beginDeallocate(HOSTS, "vm-avd-1");

        LongRunningOperationStatus started = poller.poll().getStatus();
        String during = instanceViewPowerState("vm-avd-1");
        clock.advance(Duration.ofSeconds(29));
        LongRunningOperationStatus almost = poller.poll().getStatus();
        clock.advance(Duration.ofSeconds(1));
        LongRunningOperationStatus done = poller.poll().getStatus();

        assertThat(started).isEqualTo(LongRunningOperationStatus.IN_PROGRESS);
        assertThat(during).isEqualTo("PowerState/deallocating");
        assertThat(almost).isEqualTo(LongRunningOperationStatus.IN_PROGRESS);
        assertThat(done).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        assertThat(instanceViewPowerState("vm-avd-1")).isEqualTo("PowerState/deallocated");
    }

    @Test
    void startTakesConfiguredSimulatedTime() {
        SyncPoller<PollResult<Void>, Void> poller = vms.beginStart(HOSTS, "vm-avd-2");

        poller.poll();
        String during = instanceViewPowerState("vm-avd-2");
        clock.advance(Duration.ofSeconds(59));
        LongRunningOperationStatus almost = poller.poll().getStatus();
        clock.advance(Duration.ofSeconds(1));
        LongRunningOperationStatus done = poller.poll().getStatus();

        assertThat(during).isEqualTo("PowerState/starting");
        assertThat(almost).isEqualTo(LongRunningOperationStatus.IN_PROGRESS);
        assertThat(done).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        assertThat(instanceViewPowerState("vm-avd-2")).isEqualTo("PowerState/running");
    }

    @Test
    void secondActionDuringTransitionIsRejected() {
        vms.beginDeallocate(HOSTS, "vm-avd-1").poll();

        assertThatThrownBy(() -> vms.beginStart(HOSTS, "vm-avd-1"))
            .isInstanceOfSatisfying(ManagementException.class, e -> {
                assertThat(e.getResponse().getStatusCode()).isEqualTo(409);
                assertThat(e.getValue().getCode()).isEqualTo("OperationNotAllowed");
            });
    }

    @Test
    void deallocateAnswers202WithPollingHeaders() {
        HttpResponse<String> accepted = EmulatorTesting.send(emulator, "POST", "subscriptions/"
            + EmulatorTesting.SUBSCRIPTION + "/resourceGroups/rg-other/providers/Microsoft.Compute/virtualMachines/"
            + "vm-ops-1/deallocate?api-version=2024-11-01", null);
        String status = accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        HttpResponse<String> running = EmulatorTesting.send(emulator, "GET", status.substring(emulator.endpoint().length()), null);
        clock.advance(Duration.ofSeconds(5));
        HttpResponse<String> succeeded = EmulatorTesting.send(emulator, "GET", status.substring(emulator.endpoint().length()), null);

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).isPresent();
        assertThat(accepted.headers().firstValue("Retry-After")).contains("0");
        assertThat(running.body()).contains("\"status\":\"InProgress\"");
        assertThat(succeeded.body()).contains("\"status\":\"Succeeded\"").contains("\"endTime\"");
    }

    private String instanceViewPowerState(String name) {
        return vms.instanceView(HOSTS, name).statuses().stream()
            .map(InstanceViewStatus::code)
            .filter(code -> code.startsWith("PowerState/"))
            .findFirst().orElseThrow();
    }

    private static String powerState(VirtualMachineInner vm) {
        return vm.instanceView().statuses().stream()
            .map(InstanceViewStatus::code)
            .filter(code -> code.startsWith("PowerState/"))
            .findFirst().orElseThrow();
    }
}
