package io.cvmkeys.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.ResourcesClient;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceInner;
import com.azure.resourcemanager.resources.models.GenericResource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Types without special rules: private endpoints, DNS zone groups, action groups and diagnostic settings. */
class GenericResourcesTest {
    private static final String GROUP_ID = "/subscriptions/" + EmulatorTesting.SUBSCRIPTION + "/resourceGroups/rg-net";
    private static final String ENDPOINT_ID = GROUP_ID + "/providers/Microsoft.Network/privateEndpoints/pe-kv";

    private ArmEmulator emulator;
    private ResourceManager arm;
    private ResourcesClient resources;

    @BeforeEach
    void start() {
        emulator = ArmEmulator.start(EmulatorTesting.options(SimulatedClock.startingAt(EmulatorTesting.START)));
        arm = EmulatorTesting.resourceManager(emulator);
        arm.resourceGroups().define("rg-net").withRegion("westeurope").create();
        resources = arm.genericResources().manager().serviceClient().getResources();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void putGetPatchDeleteByIdRoundTrip() {
        resources.createOrUpdateById(ENDPOINT_ID, "2023-09-01", new GenericResourceInner().withLocation("westeurope")
            .withTags(Map.of("env", "prd"))
            .withProperties(Map.of("subnet", Map.of("id", GROUP_ID + "/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe"))));

        GenericResource created = arm.genericResources().getById(ENDPOINT_ID, "2023-09-01");
        resources.updateById(ENDPOINT_ID, "2023-09-01", new GenericResourceInner().withTags(Map.of("env", "tst")));
        GenericResource patched = arm.genericResources().getById(ENDPOINT_ID, "2023-09-01");
        arm.genericResources().deleteById(ENDPOINT_ID, "2023-09-01");

        assertThat(((Map<?, ?>) created.properties()).get("provisioningState")).isEqualTo("Succeeded");
        assertThat(patched.tags()).containsEntry("env", "tst");
        assertThat(((Map<?, ?>) patched.properties()).get("subnet")).isNotNull();
        assertThat(arm.genericResources().checkExistenceById(ENDPOINT_ID, "2023-09-01")).isFalse();
    }

    @Test
    void childResourceListsUnderParent() {
        resources.createOrUpdateById(ENDPOINT_ID, "2023-09-01", new GenericResourceInner().withLocation("westeurope"));
        resources.createOrUpdateById(ENDPOINT_ID + "/privateDnsZoneGroups/default", "2023-09-01",
            new GenericResourceInner().withProperties(Map.of("privateDnsZoneConfigs", List.of(Map.of(
                "name", "vault", "properties", Map.of("privateDnsZoneId",
                    GROUP_ID + "/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"))))));

        String groups = EmulatorTesting.send(emulator, "GET",
            ENDPOINT_ID.substring(1) + "/privateDnsZoneGroups?api-version=2023-09-01", null).body();

        assertThat(groups).contains("\"name\":\"default\"");
        assertThat(groups).contains("Microsoft.Network/privateEndpoints/privateDnsZoneGroups");
    }

    @Test
    void resourceGroupListShowsTopLevelResources() {
        resources.createOrUpdateById(ENDPOINT_ID, "2023-09-01", new GenericResourceInner().withLocation("westeurope"));
        resources.createOrUpdateById(GROUP_ID + "/providers/Microsoft.Insights/actionGroups/ag-expiry", "2023-01-01",
            new GenericResourceInner().withLocation("global").withProperties(Map.of("groupShortName", "CMKExpiry")));
        resources.createOrUpdateById(ENDPOINT_ID + "/providers/Microsoft.Insights/diagnosticSettings/to-workspace",
            "2021-05-01-preview", new GenericResourceInner().withProperties(Map.of("logs", List.of())));

        List<String> names = arm.genericResources().listByResourceGroup("rg-net").stream()
            .map(GenericResource::name).collect(Collectors.toList());

        assertThat(names).containsExactly("pe-kv", "ag-expiry");
    }

    @Test
    void subscriptionListShowsResourcesOfAllGroups() {
        arm.resourceGroups().define("rg-other").withRegion("westeurope").create();
        resources.createOrUpdateById(ENDPOINT_ID, "2023-09-01", new GenericResourceInner().withLocation("westeurope"));
        resources.createOrUpdateById("/subscriptions/" + EmulatorTesting.SUBSCRIPTION
            + "/resourceGroups/rg-other/providers/Microsoft.Insights/actionGroups/ag-other", "2023-01-01",
            new GenericResourceInner().withLocation("global"));

        List<String> names = arm.genericResources().list().stream()
            .map(GenericResource::name).collect(Collectors.toList());

        assertThat(names).containsExactlyInAnyOrder("pe-kv", "ag-other");
    }

    @Test
    void trackedResourceWithoutLocationIsRejected() {
        assertThatThrownBy(() -> resources.createOrUpdateById(ENDPOINT_ID, "2023-09-01", new GenericResourceInner()))
            .isInstanceOfSatisfying(ManagementException.class,
                e -> assertThat(e.getValue().getCode()).isEqualTo("LocationRequired"));
    }

    @Test
    void missingApiVersionIsRejected() {
        var response = EmulatorTesting.send(emulator, "GET", ENDPOINT_ID.substring(1), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"MissingApiVersionParameter\"");
    }
}
