package io.cvmkeys.engine.rotation;

import io.cvmkeys.emulator.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static io.cvmkeys.engine.rotation.RotationPools.assertPoolAsBefore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fault at each step, and a process killed after each step, always end with the pool as it was. */
class RotationFaultTest {

    /** Stands in for a killed process: an Error, which the rotation does not catch or roll back. */
    static final class ProcessKilled extends Error {
        private static final long serialVersionUID = 1L;

        ProcessKilled(String message) {
            super(message);
        }
    }

    @TempDir
    Path directory;

    private RotationFixture fixture;
    private RotationTesting testing;

    @BeforeEach
    void start() {
        fixture = RotationPools.pool();
        testing = new RotationTesting(fixture, directory);
    }

    @AfterEach
    void stop() {
        testing.close();
    }

    @Test
    void drainFailureRollsBack() {
        testing.emulator.faults().add(Fault.onPath("PATCH", "/sessionHosts/vm-avd-3").failOnce(409, "Conflict", "injected"));

        RotationReport report = rotate();

        assertThat(report.status()).isEqualTo(RotationJournal.Status.ROLLED_BACK);
        assertThat(report.message()).contains("Conflict");
        assertThat(testing.versionsCreated).hasValue(0);
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void logoffFailureRollsBack() {
        testing.emulator.faults().add(Fault.onPath("DELETE", "/userSessions/").failOnce(409, "Conflict", "injected"));

        RotationReport report = rotate();

        assertThat(report.status()).isEqualTo(RotationJournal.Status.ROLLED_BACK);
        assertThat(testing.versionsCreated).hasValue(0);
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void rejectedDeallocateRollsBack() {
        testing.emulator.faults().add(Fault.onPath("POST", "/vm-avd-2/deallocate").fail(409, "OperationNotAllowed", "injected"));

        RotationReport report = rotate();

        assertThat(report.status()).isEqualTo(RotationJournal.Status.ROLLED_BACK);
        assertThat(report.message()).contains("vm-avd-2", "OperationNotAllowed");
        assertThat(testing.versionsCreated).hasValue(0);
        assertThat(testing.activeKeyUrl()).isEqualTo(RotationFixture.INITIAL_KEY_URL);
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void failedDeallocateOperationRollsBack() {
        testing.emulator.faults().add(Fault.onPath("POST", "/vm-ops-1/deallocate").failOperation("InternalError", "injected"));

        RotationReport report = rotate();

        assertThat(report.status()).isEqualTo(RotationJournal.Status.ROLLED_BACK);
        assertThat(report.message()).contains("vm-ops-1");
        assertThat(testing.versionsCreated).hasValue(0);
        assertThat(testing.activeKeyUrl()).isEqualTo(RotationFixture.INITIAL_KEY_URL);
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void keyVersionFailureRollsBack() {
        KeyVersionCreator keys = testing.keys();
        KeyVersionCreator failing = new KeyVersionCreator() {
            @Override
            public String latestVersionUrl() {
                return keys.latestVersionUrl();
            }

            @Override
            public String createVersion() {
                throw new IllegalStateException("Key Vault rejected the rotate: Forbidden");
            }
        };

        RotationReport report = testing.rotation(RotationTesting.options(), event -> { }, failing).rotate(RotationTesting.target());

        assertThat(report.status()).isEqualTo(RotationJournal.Status.ROLLED_BACK);
        assertThat(report.message()).contains("Forbidden");
        assertThat(testing.activeKeyUrl()).isEqualTo(RotationFixture.INITIAL_KEY_URL);
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void failedSetUpdateKeepsOldKeyAndRollsBack() {
        testing.emulator.faults().add(Fault.onPath("PATCH", "/diskEncryptionSets/des-cmk").failOperation("KeyVaultAccessForbidden", "injected"));

        RotationReport report = rotate();

        assertThat(report.status()).isEqualTo(RotationJournal.Status.ROLLED_BACK);
        assertThat(report.newKeyUrl()).isNotNull();
        assertThat(testing.activeKeyUrl()).isEqualTo(RotationFixture.INITIAL_KEY_URL);
        assertThat(testing.keyVersionCount()).isEqualTo(2);
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void partlyAppliedSetUpdateIsRepeated() {
        String startedMeanwhile = fixture.vms().get(0).id();
        RotationListener startVmAfterDeallocate = new RotationListener() {
            @Override
            public void onEvent(RotationEvent event) {
            }

            @Override
            public void onStepRecorded(RotationStep step) {
                if (step == RotationStep.DEALLOCATE) {
                    testing.arm.post(startedMeanwhile + "/start", RotationArm.COMPUTE_API);
                }
            }
        };

        RotationReport report = testing.rotation(RotationTesting.options(), startVmAfterDeallocate).rotate(RotationTesting.target());

        assertThat(report.status()).isEqualTo(RotationJournal.Status.SUCCEEDED);
        assertThat(testing.events).filteredOn(event -> event.type().equals("warning")).singleElement()
                .satisfies(event -> assertThat(event.message()).contains("still on " + "[" + RotationFixture.INITIAL_KEY_URL));
        assertThat(testing.activeKeyUrl()).isEqualTo(report.newKeyUrl());
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void rejectedStartIsRetried() {
        testing.emulator.faults().add(Fault.onPath("POST", "/vm-avd-1/start").failOnce(409, "AllocationFailed", "injected"));

        RotationReport report = rotate();

        assertThat(report.status()).isEqualTo(RotationJournal.Status.SUCCEEDED);
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void failedStartOperationIsRetried() {
        testing.emulator.faults().add(Fault.onPath("POST", "/vm-avd-2/start").failOperation("AllocationFailed", "injected"));
        RotationListener removeFaultAfterFirstStart = new RotationListener() {
            @Override
            public void onEvent(RotationEvent event) {
                if (event.step() == RotationStep.START && event.type().equals("progress")) {
                    testing.emulator.faults().clear();
                }
            }
        };

        RotationReport report = testing.rotation(RotationTesting.options(), removeFaultAfterFirstStart).rotate(RotationTesting.target());

        assertThat(report.status()).isEqualTo(RotationJournal.Status.SUCCEEDED);
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void restoreFailureIsRetriedByRollback() {
        RotationListener faultBeforeRestore = new RotationListener() {
            @Override
            public void onEvent(RotationEvent event) {
            }

            @Override
            public void onStepRecorded(RotationStep step) {
                if (step == RotationStep.START) {
                    testing.emulator.faults().add(Fault.onPath("PATCH", "/sessionHosts/").failOnce(409, "Conflict", "injected"));
                }
            }
        };

        RotationReport report = testing.rotation(RotationTesting.options(), faultBeforeRestore).rotate(RotationTesting.target());

        assertThat(report.status()).isEqualTo(RotationJournal.Status.ROLLED_BACK);
        assertThat(testing.activeKeyUrl()).isEqualTo(report.newKeyUrl());
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void persistentStartFailureNeedsAttention() {
        testing.emulator.faults().add(Fault.onPath("POST", "/vm-avd-1/start").fail(409, "AllocationFailed", "injected"));

        RotationReport report = rotate();

        assertThat(report.status()).isEqualTo(RotationJournal.Status.NEEDS_ATTENTION);
        assertThat(report.resources()).filteredOn(resource -> resource.id().endsWith("/vm-avd-1"))
                .singleElement().satisfies(resource -> {
                    assertThat(resource.after()).isEqualTo(PowerState.DEALLOCATED);
                    assertThat(resource.next()).startsWith("start it");
                });
        assertThat(testing.allowNewSession(fixture.vms().get(0).hostId())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(RotationStep.class)
    void resumeAfterKillEndsAsBefore(RotationStep killedAfter) {
        RotationListener killer = new RotationListener() {
            @Override
            public void onEvent(RotationEvent event) {
            }

            @Override
            public void onStepRecorded(RotationStep step) {
                if (step == killedAfter) {
                    throw new ProcessKilled("killed after " + step);
                }
            }
        };
        assertThatThrownBy(() -> testing.rotation(RotationTesting.options(), killer).rotate(RotationTesting.target()))
                .isInstanceOf(ProcessKilled.class);
        Path journal = onlyJournal();

        RotationReport report = testing.rotation(RotationTesting.options(), event -> { }).resume(journal);

        assertThat(report.status()).isEqualTo(RotationJournal.Status.SUCCEEDED);
        assertThat(testing.versionsCreated).hasValue(1);
        assertThat(testing.keyVersionCount()).isEqualTo(2);
        assertThat(testing.activeKeyUrl()).isEqualTo(report.newKeyUrl());
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void resumeAdoptsVersionCreatedBeforeKill() {
        KeyVersionCreator keys = testing.keys();
        KeyVersionCreator killedAfterCreate = new KeyVersionCreator() {
            @Override
            public String latestVersionUrl() {
                return keys.latestVersionUrl();
            }

            @Override
            public String createVersion() {
                keys.createVersion();
                throw new ProcessKilled("killed before the journal recorded the new version");
            }
        };
        assertThatThrownBy(() -> testing.rotation(RotationTesting.options(), event -> { }, killedAfterCreate)
                .rotate(RotationTesting.target())).isInstanceOf(ProcessKilled.class);

        RotationReport report = testing.rotation(RotationTesting.options(), event -> { }).resume(onlyJournal());

        assertThat(report.status()).isEqualTo(RotationJournal.Status.SUCCEEDED);
        assertThat(testing.versionsCreated).hasValue(1);
        assertThat(testing.keyVersionCount()).isEqualTo(2);
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void resumeAfterKillDuringRollbackFinishesRollback() {
        testing.emulator.faults().add(Fault.onPath("POST", "/vm-avd-2/deallocate").fail(409, "OperationNotAllowed", "injected"));
        RotationListener killOnRollback = new RotationListener() {
            @Override
            public void onEvent(RotationEvent event) {
                if (event.type().equals("rollback") && event.step() == null) {
                    throw new ProcessKilled("killed at the start of the rollback");
                }
            }
        };
        assertThatThrownBy(() -> testing.rotation(RotationTesting.options(), killOnRollback).rotate(RotationTesting.target()))
                .isInstanceOf(ProcessKilled.class);

        RotationReport report = testing.rotation(RotationTesting.options(), event -> { }).resume(onlyJournal());

        assertThat(report.status()).isEqualTo(RotationJournal.Status.ROLLED_BACK);
        assertPoolAsBefore(testing, fixture, report);
    }

    private RotationReport rotate() {
        return testing.rotation(RotationTesting.options(), event -> { }).rotate(RotationTesting.target());
    }

    private Path onlyJournal() {
        try (var files = java.nio.file.Files.list(testing.journals)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).reduce((a, b) -> {
                throw new AssertionError("More than one journal: " + a + ", " + b);
            }).orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
