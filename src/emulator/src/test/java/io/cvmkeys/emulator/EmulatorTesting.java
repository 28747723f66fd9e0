package io.cvmkeys.emulator;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import com.azure.resourcemanager.compute.ComputeManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Shared set-up for tests: options with simulated time, SDK clients and a raw HTTPS client bound to one emulator. */
final class EmulatorTesting {
    static final String SUBSCRIPTION = "6a1f8a4e-0000-4000-8000-00000000c0de";
    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    static {
        // The fluent SDK waits between LRO polls in real time; the emulator's time is simulated, so keep waits tiny.
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(delay -> Duration.ofMillis(1));
    }

    private EmulatorTesting() {
    }

    /** Returns options for tests: simulated clock, no throttling, pages of two, Retry-After 0, 10 s operations. */
    static ArmEmulatorOptions options(SimulatedClock clock) {
        return new ArmEmulatorOptions()
            .clock(clock)
            .throttling(Throttling.disabled())
            .pageSize(2)
            .retryAfter(Duration.ZERO)
            .operationDuration(Duration.ofSeconds(10));
    }

    /** Returns test options that also load the AVD and Confidential VM fixture. */
    static ArmEmulatorOptions fixtureOptions(SimulatedClock clock) {
        try {
            return options(clock).fixture(Path.of(EmulatorTesting.class.getResource("/fixtures/avd-cvm.json").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ComputeManager computeManager(ArmEmulator emulator) {
        return ComputeManager.configure()
            .withHttpClient(emulator.httpClient())
            .authenticate(emulator.credential(), emulator.profile(SUBSCRIPTION));
    }

    static ResourceManager resourceManager(ArmEmulator emulator) {
        return ResourceManager.configure()
            .withHttpClient(emulator.httpClient())
            .authenticate(emulator.credential(), emulator.profile(SUBSCRIPTION))
            .withSubscription(SUBSCRIPTION);
    }

    /** Returns a bare azure-core pipeline for operations no SDK client in this build exposes. */
    static HttpPipeline pipeline(ArmEmulator emulator) {
        return new HttpPipelineBuilder()
            .httpClient(emulator.httpClient())
            .policies(new BearerTokenAuthenticationPolicy(emulator.credential(), emulator.endpoint() + ".default"))
            .build();
    }

    /** Sends a raw request with a bearer token; {@code pathAndQuery} has no leading slash. */
    static HttpResponse<String> send(ArmEmulator emulator, String method, String pathAndQuery, String body) {
        return send(emulator, method, pathAndQuery, body, "Bearer test-token");
    }

    static HttpResponse<String> send(ArmEmulator emulator, String method, String pathAndQuery, String body,
                                     String authorization) {
        HttpClient client = HttpClient.newBuilder().sslContext(emulator.sslContext()).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + pathAndQuery))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String resourceGroupPath(String name) {
        return "subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + name;
    }
}
