package io.cvmkeys.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.resources.ResourceManager;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThrottlingTest {
    private static final String GROUPS = "subscriptions/" + EmulatorTesting.SUBSCRIPTION
        + "/resourcegroups?api-version=2021-04-01";

    private SimulatedClock clock;
    private ArmEmulator emulator;

    @BeforeEach
    void start() {
        clock = SimulatedClock.startingAt(EmulatorTesting.START);
        // Three reads at once, refilled at one read every two seconds; writes stay generous.
        emulator = ArmEmulator.start(EmulatorTesting.options(clock).throttling(new Throttling(true, 3, 0.5, 100, 10)));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void readsBeyondBucketGet429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(EmulatorTesting.send(emulator, "GET", GROUPS, null).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> throttled = EmulatorTesting.send(emulator, "GET", GROUPS, null);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("2");
        assertThat(throttled.body()).contains("\"code\":\"TooManyRequests\"");
    }

    @Test
    void earlyRetryIsRejectedAgain() {
        for (int i = 0; i < 3; i++) {
            EmulatorTesting.send(emulator, "GET", GROUPS, null);
        }
        EmulatorTesting.send(emulator, "GET", GROUPS, null);

        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> early = EmulatorTesting.send(emulator, "GET", GROUPS, null);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> onTime = EmulatorTesting.send(emulator, "GET", GROUPS, null);

        assertThat(early.statusCode()).isEqualTo(429);
        assertThat(early.headers().firstValue("Retry-After")).contains("1");
        assertThat(onTime.statusCode()).isEqualTo(200);
    }

    @Test
    void successfulResponsesReportRemainingReads() {
        HttpResponse<String> response = EmulatorTesting.send(emulator, "GET", GROUPS, null);

        assertThat(response.headers().firstValue("x-ms-ratelimit-remaining-subscription-reads")).contains("2");
    }

    @Test
    void writesHaveTheirOwnBucket() {
        for (int i = 0; i < 4; i++) {
            EmulatorTesting.send(emulator, "GET", GROUPS, null);
        }

        HttpResponse<String> write = EmulatorTesting.send(emulator, "PUT",
            EmulatorTesting.resourceGroupPath("rg-write") + "?api-version=2021-04-01", "{\"location\":\"westeurope\"}");

        assertThat(write.statusCode()).isEqualTo(201);
        assertThat(write.headers().firstValue("x-ms-ratelimit-remaining-subscription-writes")).contains("99");
    }

    @Test
    void sdkSurfaces429WhenSimulatedTimeStandsStill() {
        ResourceManager arm = EmulatorTesting.resourceManager(emulator);
        for (int i = 0; i < 3; i++) {
            EmulatorTesting.send(emulator, "GET", GROUPS, null);
        }

        // The SDK retries after Retry-After of real time, but the bucket refills only in simulated time.
        assertThatThrownBy(() -> arm.resourceGroups().list().stream().count())
            .isInstanceOfSatisfying(ManagementException.class,
                e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(429));
    }
}
