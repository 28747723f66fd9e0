package io.cvmkeys.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AVD session hosts and user sessions. No desktopvirtualization SDK version resolves here, so these tests send
 * requests through a plain azure-core pipeline with the emulator's HttpClient and a bearer token policy.
 */
class SessionHostTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String API = "?api-version=2023-09-05";
    private static final String HOST = "subscriptions/" + EmulatorTesting.SUBSCRIPTION + "/resourceGroups/rg-hosts/providers/"
        + "Microsoft.DesktopVirtualization/hostPools/hp-cvm/sessionHosts/vm-avd-1.contoso.local";

    private SimulatedClock clock;
    private ArmEmulator emulator;
    private HttpPipeline pipeline;

    @BeforeEach
    void start() {
        clock = SimulatedClock.startingAt(EmulatorTesting.START);
        emulator = ArmEmulator.start(EmulatorTesting.fixtureOptions(clock));
        pipeline = EmulatorTesting.pipeline(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void disconnectKeepsTheSession() {
        Result disconnect = send(HttpMethod.POST, HOST + "/userSessions/1/disconnect" + API, null);
        Result session = send(HttpMethod.GET, HOST + "/userSessions/1" + API, null);
        Result sessions = send(HttpMethod.GET, HOST + "/userSessions" + API, null);

        assertThat(disconnect.status()).isEqualTo(200);
        assertThat(session.body().path("properties").path("sessionState").asText()).isEqualTo("Disconnected");
        assertThat(sessions.body().path("value")).hasSize(2);
    }

    @Test
    void forcedDeleteLogsUserOff() {
        Result withoutForce = send(HttpMethod.DELETE, HOST + "/userSessions/2" + API, null);
        Result forced = send(HttpMethod.DELETE, HOST + "/userSessions/2" + API + "&force=true", null);
        Result sessions = send(HttpMethod.GET, HOST + "/userSessions" + API, null);
        Result host = send(HttpMethod.GET, HOST + API, null);

        assertThat(withoutForce.status()).isEqualTo(400);
        assertThat(withoutForce.body().path("error").path("message").asText()).contains("force=true");
        assertThat(forced.status()).isEqualTo(200);
        assertThat(sessions.body().path("value")).hasSize(1);
        assertThat(host.body().path("properties").path("sessions").asInt()).isEqualTo(1);
    }

    @Test
    void patchDrainsTheHost() {
        Result patched = send(HttpMethod.PATCH, HOST + API, "{\"properties\":{\"allowNewSession\":false}}");
        Result host = send(HttpMethod.GET, HOST + API, null);

        assertThat(patched.status()).isEqualTo(200);
        assertThat(host.body().path("properties").path("allowNewSession").asBoolean()).isFalse();
        assertThat(host.body().path("properties").path("agentVersion").asText()).isEqualTo("1.0.9742.2100");
    }

    @Test
    void hostStatusFollowsVmPowerState() {
        send(HttpMethod.POST, "subscriptions/" + EmulatorTesting.SUBSCRIPTION + "/resourceGroups/rg-hosts/providers/"
            + "Microsoft.Compute/virtualMachines/vm-avd-1/deallocate?api-version=2024-11-01", null);
        clock.advance(Duration.ofSeconds(30));

        Result host = send(HttpMethod.GET, HOST + API, null);

        assertThat(host.body().path("properties").path("status").asText()).isEqualTo("Shutdown");
    }

    private record Result(int status, JsonNode body) {
    }

    private Result send(HttpMethod method, String pathAndQuery, String body) {
        HttpRequest request = new HttpRequest(method, emulator.endpoint() + pathAndQuery);
        if (body != null) {
            request.setHeader(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body);
        }
        try (HttpResponse response = pipeline.sendSync(request, com.azure.core.util.Context.NONE)) {
            String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            return new Result(response.getStatusCode(), text.isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
