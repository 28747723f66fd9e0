package io.cvmkeys.engine.rotation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline key rotation of a Disk Encryption Set used by Confidential VMs, which cannot rotate automatically. It drains,
 * ends sessions, deallocates every VM on the set, creates a new key version and points the set at it. Then it starts
 * the VMs that ran before and restores the hosts. A journal records each step, so {@link #resume} continues after a crash without
 * creating a second key version, and any failure rolls back to a usable pool.
 *
 * <pre>{@code
 * KeyRotation rotation = new KeyRotation(RotationArm.of(clients), keys, RotationClock.system(),
 *         RotationOptions.defaults().withForceLogoff(true), RotationListener.text(out), new JournalStore(folder));
 * RotationPlan plan = rotation.plan(target);
 * RotationReport report = rotation.rotate(target);
 * }</pre>
 */
public final class KeyRotation {

    private final RotationArm arm;
    private final KeyVersionCreator keys;
    private final RotationClock clock;
    private final RotationOptions options;
    private final RotationListener listener;
    private final JournalStore store;
    private final PowerStateReader powerStates;

    public KeyRotation(RotationArm arm, KeyVersionCreator keys, RotationClock clock, RotationOptions options,
                       RotationListener listener, JournalStore store) {
        this.arm = arm;
        this.keys = keys;
        this.clock = clock;
        this.options = options;
        this.listener = listener;
        this.store = store;
        this.powerStates = new PowerStateReader(arm);
    }

    /** Discovers what the rotation touches and returns the plan; writes nothing. */
    public RotationPlan plan(RotationTarget target) {
        RotationInventory inventory = new RotationDiscovery(arm, powerStates).discover(target);
        return plan(target, inventory);
    }

    /** Discovers, records the prior state in a new journal, and runs the rotation. */
    public RotationReport rotate(RotationTarget target) {
        RotationInventory inventory = new RotationDiscovery(arm, powerStates).discover(target);
        RotationJournal journal = new RotationJournal();
        journal.environment = target.environment();
        journal.subscriptionId = arm.subscriptionId();
        journal.diskEncryptionSetId = target.diskEncryptionSetId();
        journal.keyId = target.keyId();
        journal.hostPoolId = target.hostPoolId();
        journal.startedAt = clock.now().toString();
        journal.activeKeyUrlBefore = inventory.activeKeyUrl();
        journal.latestKeyUrlBefore = keys.latestVersionUrl();
        inventory.disks().forEach(disk -> journal.diskIds.add(disk.id()));
        for (SessionHostState host : inventory.sessionHosts()) {
            journal.hosts.add(new RotationJournal.HostRecord(host.id(), host.vmId(), host.allowNewSession()));
        }
        for (VirtualMachineState vm : inventory.virtualMachines()) {
            journal.vms.add(new RotationJournal.VmRecord(vm.id(), vm.powerState(), vm.diskIds()));
        }
        journal.completedSteps.add(RotationStep.DISCOVER);

        Path path = store.newJournalPath(clock.now());
        store.write(path, journal);
        listener.onStepRecorded(RotationStep.DISCOVER);
        return new RotationRun(arm, keys, clock, options, listener, store, powerStates, journal, path).execute();
    }

    /**
     * Continues the rotation of {@code journalPath} from the step after the last one recorded, or finishes its
     * rollback when a step had failed.
     *
     * @throws RotationInputException when the journal is missing, invalid or of another subscription
     */
    public RotationReport resume(Path journalPath) {
        RotationJournal journal = JournalStore.read(journalPath);
        if (!arm.subscriptionId().equalsIgnoreCase(journal.subscriptionId)) {
            throw new RotationInputException("Journal " + journalPath + " belongs to subscription " + journal.subscriptionId
                    + ", not " + arm.subscriptionId() + ". Resume it with the environment it was started with.");
        }
        return new RotationRun(arm, keys, clock, options, listener, store, powerStates, journal, journalPath).execute();
    }

    private RotationPlan plan(RotationTarget target, RotationInventory inventory) {
        List<PlannedAction> actions = new ArrayList<>();
        for (VirtualMachineState vm : inventory.virtualMachines()) {
            List<String> steps = PowerState.isRunning(vm.powerState())
                    ? List.of("deallocate", "restart on the new key")
                    : List.of("left deallocated (not running before)");
            actions.add(new PlannedAction(vm.id(), "virtualMachine", vm.powerState(), steps));
        }
        for (SessionHostState host : inventory.sessionHosts()) {
            List<String> steps = new ArrayList<>();
            if (host.allowNewSession()) {
                steps.add("drain (allowNewSession=false)");
            } else {
                steps.add("left drained (already drained)");
            }
            if (host.sessions() > 0) {
                steps.add(options.forceLogoff()
                        ? "wait up to " + options.drainTimeout() + ", then log off " + host.sessions() + " session(s)"
                        : "wait up to " + options.drainTimeout() + " for " + host.sessions() + " session(s), else roll back");
            }
            if (host.allowNewSession()) {
                steps.add("restore allowNewSession=true");
            }
            actions.add(new PlannedAction(host.id(), "sessionHost", "allowNewSession=" + host.allowNewSession()
                    + ", sessions=" + host.sessions(), steps));
        }
        for (AffectedDisk disk : inventory.disks()) {
            actions.add(new PlannedAction(disk.id(), "disk", disk.vmId() == null ? "unattached" : "attached to " + disk.vmId(),
                    List.of("moves to the new key (" + disk.reference() + ")")));
        }

        boolean anyRunning = inventory.virtualMachines().stream().anyMatch(vm -> PowerState.isRunning(vm.powerState()));
        Duration window = options.expectedSetUpdate();
        if (anyRunning) {
            window = window.plus(options.expectedDeallocate()).plus(options.expectedStart());
        }
        if (inventory.sessionCount() > 0) {
            window = window.plus(options.drainTimeout());
        }
        return new RotationPlan(target, inventory.activeKeyUrl(), keys.latestVersionUrl(), actions,
                inventory.sessionCount(), window);
    }
}
