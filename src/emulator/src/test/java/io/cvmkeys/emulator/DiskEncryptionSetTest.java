package io.cvmkeys.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.fluent.DiskEncryptionSetsClient;
import com.azure.resourcemanager.compute.fluent.models.DiskEncryptionSetInner;
import com.azure.resourcemanager.compute.models.DiskEncryptionSetUpdate;
import com.azure.resourcemanager.compute.models.KeyForDiskEncryptionSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiskEncryptionSetTest {
    private static final String OLD_KEY = "https://kv-cmk.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef";
    private static final String NEW_KEY = "https://kv-cmk.vault.azure.net/keys/cmk/fedcba9876543210fedcba9876543210";

    private SimulatedClock clock;
    private ArmEmulator emulator;
    private ComputeManager compute;
    private DiskEncryptionSetsClient sets;

    @BeforeEach
    void start() {
        clock = SimulatedClock.startingAt(EmulatorTesting.START);
        emulator = ArmEmulator.start(EmulatorTesting.fixtureOptions(clock));
        compute = EmulatorTesting.computeManager(emulator);
        sets = compute.serviceClient().getDiskEncryptionSets();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void fixtureSetHasNoPreviousKeys() {
        DiskEncryptionSetInner set = sets.getByResourceGroup("rg-cmk", "des-cmk");

        assertThat(set.provisioningState()).isEqualTo("Succeeded");
        assertThat(set.activeKey().keyUrl()).isEqualTo(OLD_KEY);
        assertThat(set.previousKeys()).isEmpty();
    }

    @Test
    void updateKeepsOldKeyOnRunningVms() {
        SyncPoller<PollResult<DiskEncryptionSetInner>, DiskEncryptionSetInner> poller = rotateTo(NEW_KEY);

        LongRunningOperationStatus started = poller.poll().getStatus();
        String stateWhileRunning = sets.getByResourceGroup("rg-cmk", "des-cmk").provisioningState();
        clock.advance(Duration.ofSeconds(10));
        LongRunningOperationStatus done = poller.poll().getStatus();
        DiskEncryptionSetInner set = poller.getFinalResult();

        assertThat(started).isEqualTo(LongRunningOperationStatus.IN_PROGRESS);
        assertThat(stateWhileRunning).isEqualTo("Updating");
        assertThat(done).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        assertThat(set.provisioningState()).isEqualTo("Succeeded");
        assertThat(set.activeKey().keyUrl()).isEqualTo(NEW_KEY);
        assertThat(set.previousKeys()).extracting(KeyForDiskEncryptionSet::keyUrl).containsExactly(OLD_KEY);
    }

    @Test
    void previousKeysEmptyOnceEveryVmWasDeallocated() {
        var vms = compute.serviceClient().getVirtualMachines();
        SyncPoller<PollResult<Void>, Void> first = vms.beginDeallocate("rg-hosts", "vm-avd-1");
        SyncPoller<PollResult<Void>, Void> second = vms.beginDeallocate("rg-other", "vm-ops-1");
        clock.advance(Duration.ofSeconds(30));
        first.poll();
        second.poll();

        SyncPoller<PollResult<DiskEncryptionSetInner>, DiskEncryptionSetInner> poller = rotateTo(NEW_KEY);
        clock.advance(Duration.ofSeconds(10));
        poller.poll();

        assertThat(poller.getFinalResult().previousKeys()).isEmpty();
    }

    @Test
    void injectedFailureKeepsActiveKey() {
        emulator.faults().add(Fault.onOperation("DiskEncryptionSets_Update")
            .failOperation("KeyVaultAccessForbidden", "The disk encryption set identity cannot access the key."));

        SyncPoller<PollResult<DiskEncryptionSetInner>, DiskEncryptionSetInner> poller = rotateTo(NEW_KEY);
        clock.advance(Duration.ofSeconds(10));
        LongRunningOperationStatus status = poller.poll().getStatus();
        DiskEncryptionSetInner set = sets.getByResourceGroup("rg-cmk", "des-cmk");

        assertThat(status).isEqualTo(LongRunningOperationStatus.FAILED);
        assertThat(set.activeKey().keyUrl()).isEqualTo(OLD_KEY);
        assertThat(set.provisioningState()).isEqualTo("Failed");
    }

    private SyncPoller<PollResult<DiskEncryptionSetInner>, DiskEncryptionSetInner> rotateTo(String keyUrl) {
        DiskEncryptionSetInner current = sets.getByResourceGroup("rg-cmk", "des-cmk");
        return sets.beginUpdate("rg-cmk", "des-cmk", new DiskEncryptionSetUpdate().withActiveKey(
            new KeyForDiskEncryptionSet().withKeyUrl(keyUrl).withSourceVault(current.activeKey().sourceVault())));
    }
}
