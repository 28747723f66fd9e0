package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.emulator.ArmEmulator;
import io.cvmkeys.emulator.ArmEmulatorOptions;
import io.cvmkeys.emulator.SimulatedClock;
import io.cvmkeys.emulator.Throttling;
import io.cvmkeys.engine.azure.AzureClients;
import io.cvmkeys.engine.azure.AzureTarget;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One emulator in simulated time with a rotation fixture, and the clients a rotation needs. */
final class RotationTesting implements AutoCloseable {

    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    final SimulatedClock clock = SimulatedClock.startingAt(START);
    final ArmEmulator emulator;
    final RotationArm arm;
    final AtomicInteger versionsCreated = new AtomicInteger();
    final List<RotationEvent> events = new ArrayList<>();
    final Path journals;

    RotationTesting(RotationFixture fixture, Path directory) {
        this(fixture, directory, 100);
    }

    RotationTesting(RotationFixture fixture, Path directory, int pageSize) {
        emulator = ArmEmulator.start(new ArmEmulatorOptions()
                .clock(clock)
                // Buckets refill only when simulated time advances, and the SDK retries 429 in real time.
                .throttling(Throttling.disabled())
                .pageSize(pageSize)
                .retryAfter(Duration.ZERO)
                .operationDuration(Duration.ofSeconds(10))
                .fixture(fixture.write(directory.resolve("fixture"))));
        AzureClients clients = AzureClients.connect(AzureTarget.emulator(emulator.endpoint(), emulator.httpClient(),
                emulator.credential(), RotationFixture.SUBSCRIPTION, null));
        arm = RotationArm.of(clients);
        journals = directory.resolve("journals");
    }

    RotationClock rotationClock() {
        return new RotationClock() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void sleep(Duration duration) {
                clock.advance(duration);
            }
        };
    }

    /** Returns a creator of key versions in the emulator that counts each version this rotation creates. */
    KeyVersionCreator keys() {
        EmulatorKeyVersionCreator emulatorKeys = new EmulatorKeyVersionCreator(arm, RotationFixture.KEY_ID, emulator::addKeyVersion);
        return new KeyVersionCreator() {
            @Override
            public String latestVersionUrl() {
                return emulatorKeys.latestVersionUrl();
            }

            @Override
            public String createVersion() {
                versionsCreated.incrementAndGet();
                return emulatorKeys.createVersion();
            }
        };
    }

    KeyRotation rotation(RotationOptions options, RotationListener listener) {
        return rotation(options, listener, keys());
    }

    KeyRotation rotation(RotationOptions options, RotationListener listener, KeyVersionCreator keys) {
        RotationListener recording = new RotationListener() {
            @Override
            public void onEvent(RotationEvent event) {
                events.add(event);
                listener.onEvent(event);
            }

            @Override
            public void onStepRecorded(RotationStep step) {
                listener.onStepRecorded(step);
            }
        };
        return new KeyRotation(arm, keys, rotationClock(), options, recording, new JournalStore(journals));
    }

    static RotationTarget target() {
        return new RotationTarget("prd", RotationFixture.DES_ID, RotationFixture.KEY_ID, RotationFixture.HOST_POOL_ID);
    }

    static RotationOptions options() {
        return RotationOptions.defaults().withDrainTimeout(Duration.ofMinutes(1)).withForceLogoff(true);
    }

    String powerState(String vmId) {
        return PowerState.of(arm.get(vmId + "?$expand=instanceView", RotationArm.COMPUTE_API).orElseThrow());
    }

    boolean allowNewSession(String hostId) {
        return arm.get(hostId, RotationArm.DESKTOP_API).orElseThrow().path("properties").path("allowNewSession").asBoolean();
    }

    int sessions(String hostId) {
        return arm.list(hostId + "/userSessions", RotationArm.DESKTOP_API).size();
    }

    JsonNode diskEncryptionSet() {
        return arm.get(RotationFixture.DES_ID, RotationArm.DISKS_API).orElseThrow();
    }

    String activeKeyUrl() {
        return diskEncryptionSet().path("properties").path("activeKey").path("keyUrl").asText();
    }

    int keyVersionCount() {
        return arm.list(RotationFixture.KEY_ID + "/versions", RotationArm.KEY_VAULT_API).size();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
