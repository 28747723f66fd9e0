package io.cvmkeys.engine.rotation;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The test pool and the checks every rotation outcome must pass. */
final class RotationPools {

    private RotationPools() {
    }

    /**
     * Four VMs: one with an active and a disconnected session, one whose host an operator drained before, one
     * deallocated before, and one in another resource group with only a data disk on the set, named in upper case.
     */
    static RotationFixture pool() {
        RotationFixture fixture = new RotationFixture();
        RotationFixture.Vm busy = fixture.vm("vm-avd-1");
        busy.sessionStates = List.of("Active", "Disconnected");
        busy.dataDiskOnSet = true;
        RotationFixture.Vm drained = fixture.vm("vm-avd-2");
        drained.allowNewSession = false;
        drained.deallocateSeconds = 90;
        drained.startSeconds = 120;
        RotationFixture.Vm stopped = fixture.vm("vm-avd-3");
        stopped.powerState = "deallocated";
        RotationFixture.Vm other = fixture.vm("vm-ops-1");
        other.resourceGroup = "rg-other";
        other.osDiskOnSet = false;
        other.dataDiskOnSet = true;
        other.setIdInDisk = RotationFixture.DES_ID.toUpperCase(Locale.ROOT);
        other.allowNewSession = null;
        return fixture;
    }

    /**
     * Checks that each VM is in its prior power state, each host has its prior {@code allowNewSession}, every disk
     * is on the set's active key (so each VM started on it), at most one key version was added, and the report
     * lists every resource.
     */
    static void assertPoolAsBefore(RotationTesting testing, RotationFixture fixture, RotationReport report) {
        for (RotationFixture.Vm vm : fixture.vms()) {
            String expected = vm.powerState.equals("running") ? PowerState.RUNNING : PowerState.DEALLOCATED;
            assertThat(testing.powerState(vm.id())).as("power state of %s", vm.name).isEqualTo(expected);
            if (vm.allowNewSession != null) {
                assertThat(testing.allowNewSession(vm.hostId())).as("allowNewSession of %s", vm.name)
                        .isEqualTo(vm.allowNewSession);
            }
        }
        assertThat(testing.diskEncryptionSet().path("properties").path("previousKeys")).as("previousKeys").isEmpty();
        assertThat(testing.keyVersionCount()).as("key versions").isLessThanOrEqualTo(2);

        List<String> reported = report.resources().stream().map(r -> r.id().toLowerCase(Locale.ROOT)).toList();
        for (RotationFixture.Vm vm : fixture.vms()) {
            assertThat(reported).as("report lists %s", vm.name).contains(vm.id().toLowerCase(Locale.ROOT));
            if (vm.allowNewSession != null) {
                assertThat(reported).as("report lists the host of %s", vm.name).contains(vm.hostId().toLowerCase(Locale.ROOT));
            }
        }
        assertThat(reported).contains(RotationFixture.DES_ID.toLowerCase(Locale.ROOT));
        assertThat(report.resources()).filteredOn(r -> r.kind().equals("disk")).hasSize(5);
    }
}
