package io.cvmkeys.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.ResourcesClient;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceInner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event Grid has no resolvable resource-manager SDK here, so these tests use the generic resources client. */
class EventGridTest {
    private static final String API_VERSION = "2023-12-15-preview";
    private static final String GROUP_ID = "/subscriptions/" + EmulatorTesting.SUBSCRIPTION + "/resourceGroups/rg-alerts";
    private static final String VAULT_ID = GROUP_ID + "/providers/Microsoft.KeyVault/vaults/kv-alerts";

    private ArmEmulator emulator;
    private ResourcesClient resources;

    @BeforeEach
    void start() {
        emulator = ArmEmulator.start(EmulatorTesting.options(SimulatedClock.startingAt(EmulatorTesting.START)));
        ResourceManager arm = EmulatorTesting.resourceManager(emulator);
        arm.resourceGroups().define("rg-alerts").withRegion("westeurope").create();
        resources = arm.genericResources().manager().serviceClient().getResources();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void secondSystemTopicForSameSourceFails() {
        resources.createOrUpdateById(topicId("st-kv"), API_VERSION, systemTopic(VAULT_ID));

        assertThatThrownBy(() -> resources.createOrUpdateById(topicId("st-kv-again"), API_VERSION,
            systemTopic(VAULT_ID.toUpperCase())))
            .isInstanceOfSatisfying(ManagementException.class, e -> {
                assertThat(e.getResponse().getStatusCode()).isEqualTo(400);
                assertThat(e.getValue().getCode()).isEqualTo("InvalidRequest");
                assertThat(e.getValue().getMessage()).contains("st-kv").contains("only one system topic per source");
            });
    }

    @Test
    void sameTopicPutAgainIsAccepted() {
        resources.createOrUpdateById(topicId("st-kv"), API_VERSION, systemTopic(VAULT_ID));

        GenericResourceInner again = resources.createOrUpdateById(topicId("st-kv"), API_VERSION, systemTopic(VAULT_ID));

        assertThat(((Map<?, ?>) again.properties()).get("provisioningState")).isEqualTo("Succeeded");
    }

    @Test
    void eventSubscriptionNeedsItsTopic() {
        GenericResourceInner subscription = new GenericResourceInner().withProperties(Map.of(
            "eventDeliverySchema", "CloudEventSchemaV1_0",
            "filter", Map.of("includedEventTypes", List.of("Microsoft.KeyVault.KeyNearExpiry")),
            "destination", Map.of("endpointType", "MonitorAlert", "properties", Map.of("severity", "Sev2"))));

        assertThatThrownBy(() -> resources.createOrUpdateById(topicId("st-none") + "/eventSubscriptions/key-expiry",
            API_VERSION, subscription))
            .isInstanceOfSatisfying(ManagementException.class,
                e -> assertThat(e.getValue().getCode()).isEqualTo("ParentResourceNotFound"));

        resources.createOrUpdateById(topicId("st-kv"), API_VERSION, systemTopic(VAULT_ID));
        GenericResourceInner created = resources.createOrUpdateById(topicId("st-kv") + "/eventSubscriptions/key-expiry",
            API_VERSION, subscription);

        assertThat(created.name()).isEqualTo("key-expiry");
        assertThat(created.type()).isEqualTo("Microsoft.EventGrid/systemTopics/eventSubscriptions");
    }

    private static String topicId(String name) {
        return GROUP_ID + "/providers/Microsoft.EventGrid/systemTopics/" + name;
    }

    private static GenericResourceInner systemTopic(String source) {
        return new GenericResourceInner().withLocation("westeurope")
            .withProperties(Map.of("source", source, "topicType", "Microsoft.KeyVault.vaults"));
    }
}
