package io.cvmkeys.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.compute.fluent.VirtualMachinesClient;
import com.azure.resourcemanager.compute.models.InstanceViewStatus;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.models.DeploymentInner;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import com.azure.resourcemanager.resources.models.DeploymentProperties;
import com.azure.resourcemanager.resources.models.ProvisioningState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatePersistenceTest {

    @TempDir
    Path stateDirectory;

    @Test
    void laterRunSeesEarlierDeployment() throws Exception {
        SimulatedClock clock = SimulatedClock.startingAt(EmulatorTesting.START);
        try (ArmEmulator first = ArmEmulator.start(EmulatorTesting.options(clock).stateDirectory(stateDirectory))) {
            ResourceManager arm = EmulatorTesting.resourceManager(first);
            arm.resourceGroups().define("rg-state").withRegion("westeurope").create();
            arm.deploymentClient().getDeployments().beginCreateOrUpdate("rg-state", "stage-alerts",
                new DeploymentInner().withProperties(new DeploymentProperties().withMode(DeploymentMode.INCREMENTAL)
                    .withTemplate(Map.of("resources", List.of(Map.of("type", "Microsoft.Insights/actionGroups",
                        "apiVersion", "2023-01-01", "name", "ag-expiry", "location", "global"))))));
            clock.advance(Duration.ofSeconds(10));
            arm.resourceGroups().contain("rg-state");
        }

        try (ArmEmulator second = ArmEmulator.start(EmulatorTesting.options(clock).stateDirectory(stateDirectory));
             Stream<Path> files = Files.list(stateDirectory)) {
            ResourceManager arm = EmulatorTesting.resourceManager(second);

            assertThat(arm.resourceGroups().contain("rg-state")).isTrue();
            assertThat(arm.deploymentClient().getDeployments().getByResourceGroup("rg-state", "stage-alerts")
                .properties().provisioningState()).isEqualTo(ProvisioningState.SUCCEEDED);
            assertThat(arm.genericResources().checkExistenceById("/subscriptions/" + EmulatorTesting.SUBSCRIPTION
                + "/resourceGroups/rg-state/providers/Microsoft.Insights/actionGroups/ag-expiry", "2023-01-01")).isTrue();
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void fixtureDoesNotOverwriteEarlierState() {
        SimulatedClock clock = SimulatedClock.startingAt(EmulatorTesting.START);
        try (ArmEmulator first = ArmEmulator.start(EmulatorTesting.fixtureOptions(clock).stateDirectory(stateDirectory))) {
            VirtualMachinesClient vms = EmulatorTesting.computeManager(first).serviceClient().getVirtualMachines();
            vms.beginDeallocate("rg-hosts", "vm-avd-1");
            clock.advance(Duration.ofSeconds(30));
            vms.instanceView("rg-hosts", "vm-avd-1");
        }

        try (ArmEmulator second = ArmEmulator.start(EmulatorTesting.fixtureOptions(clock).stateDirectory(stateDirectory))) {
            VirtualMachinesClient vms = EmulatorTesting.computeManager(second).serviceClient().getVirtualMachines();

            assertThat(vms.instanceView("rg-hosts", "vm-avd-1").statuses()).extracting(InstanceViewStatus::code)
                .contains("PowerState/deallocated");
        }
    }

    @Test
    void restartFinishesInterruptedPowerTransition() {
        SimulatedClock clock = SimulatedClock.startingAt(EmulatorTesting.START);
        try (ArmEmulator first = ArmEmulator.start(EmulatorTesting.fixtureOptions(clock).stateDirectory(stateDirectory))) {
            EmulatorTesting.computeManager(first).serviceClient().getVirtualMachines().beginDeallocate("rg-hosts", "vm-avd-1");
        }

        try (ArmEmulator second = ArmEmulator.start(EmulatorTesting.fixtureOptions(clock).stateDirectory(stateDirectory))) {
            VirtualMachinesClient vms = EmulatorTesting.computeManager(second).serviceClient().getVirtualMachines();

            assertThat(vms.instanceView("rg-hosts", "vm-avd-1").statuses()).extracting(InstanceViewStatus::code)
                .contains("PowerState/deallocated");
        }
    }
}
