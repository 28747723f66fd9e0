package io.cvmkeys.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.resources.ResourceManager;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportTest {
    private ArmEmulator emulator;

    @BeforeEach
    void start() {
        emulator = ArmEmulator.start(EmulatorTesting.options(SimulatedClock.startingAt(EmulatorTesting.START)));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void serverBindsToLoopbackOnly() {
        assertThat(emulator.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(emulator.address().getAddress().isAnyLocalAddress()).isFalse();
        assertThat(emulator.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(emulator.endpoint()).isEqualTo("https://127.0.0.1:" + emulator.address().getPort() + "/");
    }

    @Test
    void certificateNamesLoopbackHostsOnly() throws Exception {
        X509Certificate certificate = emulator.certificate();
        List<Object> names = certificate.getSubjectAlternativeNames().stream()
            .map(name -> name.get(1))
            .collect(Collectors.toList());

        assertThat(names).containsExactlyInAnyOrder("127.0.0.1", "localhost");
        assertThat(emulator.trustStore().size()).isEqualTo(1);
        assertThat(emulator.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void missingBearerTokenFailsAuthentication() {
        HttpResponse<String> response = EmulatorTesting.send(emulator, "GET",
            EmulatorTesting.resourceGroupPath("rg1") + "?api-version=2021-04-01", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"AuthenticationFailed\"").contains("\"details\":[]");
    }

    @Test
    void emptyBearerTokenFailsAuthentication() {
        HttpResponse<String> response = EmulatorTesting.send(emulator, "GET",
            EmulatorTesting.resourceGroupPath("rg1") + "?api-version=2021-04-01", null, "Bearer   ");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void sdkClientTalksToEmulator() {
        ResourceManager arm = EmulatorTesting.resourceManager(emulator);

        arm.resourceGroups().define("rg-transport").withRegion("westeurope").create();

        assertThat(arm.resourceGroups().contain("rg-transport")).isTrue();
        assertThat(arm.resourceGroups().contain("rg-missing")).isFalse();
        assertThat(List.of(emulator.environment().getResourceManagerEndpoint())).containsExactly(emulator.endpoint());
    }
}
