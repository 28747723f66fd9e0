package io.cvmkeys.emulator;

import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients find a subscription by its display name, as the engine does for environments that name one. */
class SubscriptionsTest {

    private ArmEmulator emulator;

    @BeforeEach
    void start() {
        emulator = ArmEmulator.start(EmulatorTesting.options(SimulatedClock.startingAt(EmulatorTesting.START))
                .subscription(EmulatorTesting.SUBSCRIPTION, "sub-avd-prd"));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void registeredSubscriptionIsListedByName() {
        ResourceManager.Authenticated arm = ResourceManager.configure()
                .withHttpClient(emulator.httpClient())
                .authenticate(emulator.credential(), emulator.profile(EmulatorTesting.SUBSCRIPTION));

        List<Subscription> subscriptions = arm.subscriptions().list().stream().toList();

        assertThat(subscriptions).extracting(Subscription::displayName).containsExactly("sub-avd-prd");
        assertThat(subscriptions.get(0).subscriptionId()).isEqualTo(EmulatorTesting.SUBSCRIPTION);
        assertThat(arm.subscriptions().getById(EmulatorTesting.SUBSCRIPTION).displayName()).isEqualTo("sub-avd-prd");
    }
}
