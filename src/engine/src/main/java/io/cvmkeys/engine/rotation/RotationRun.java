package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.engine.azure.ArmOperationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the steps of one rotation from its journal. Each step reads Azure's state first or is idempotent, so a resumed
 * run may repeat a step that already took effect without changing anything. A failed step rolls back: VMs that ran before are started and hosts get their
 * previous {@code allowNewSession}. The new key version, if created, stays enabled.
 */
final class RotationRun {

    private static final Logger LOGGER = LoggerFactory.getLogger(RotationRun.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_SET_UPDATES = 3;

    private final RotationArm arm;
    private final KeyVersionCreator keys;
    private final RotationClock clock;
    private final RotationOptions options;
    private final RotationListener listener;
    private final JournalStore store;
    private final PowerStateReader powerStates;
    private final PowerTransitions transitions;
    private final RotationJournal journal;
    private final Path journalPath;
    private final Instant started;

    RotationRun(RotationArm arm, KeyVersionCreator keys, RotationClock clock, RotationOptions options,
                RotationListener listener, JournalStore store, PowerStateReader powerStates, RotationJournal journal,
                Path journalPath) {
        this.arm = arm;
        this.keys = keys;
        this.clock = clock;
        this.options = options;
        this.listener = listener;
        this.store = store;
        this.powerStates = powerStates;
        this.transitions = new PowerTransitions(arm, powerStates, clock, options);
        this.journal = journal;
        this.journalPath = journalPath;
        this.started = clock.now();
    }

    RotationReport execute() {
        if (journal.status != RotationJournal.Status.IN_PROGRESS) {
            return report("The journal records a finished rotation; nothing to do.");
        }
        if (journal.rollingBack) {
            return rollBack();
        }
        try {
            if (!journal.done(RotationStep.DRAIN)) {
                drain();
            }
            if (!journal.done(RotationStep.END_SESSIONS)) {
                endSessions();
            }
            if (!journal.done(RotationStep.DEALLOCATE)) {
                deallocate();
            }
            if (!journal.done(RotationStep.CREATE_KEY_VERSION)) {
                createKeyVersion();
            }
            if (!journal.done(RotationStep.UPDATE_DISK_ENCRYPTION_SET)) {
                updateDiskEncryptionSet();
            }
            if (!journal.done(RotationStep.START)) {
                startVms(false);
                record(RotationStep.START);
            }
            if (!journal.done(RotationStep.RESTORE_HOSTS)) {
                restoreHosts(false);
                record(RotationStep.RESTORE_HOSTS);
            }
        } catch (RuntimeException e) {
            // Any failure of a step, including the Key Vault client's, rolls back. Errors (a killed process) do not.
            LOGGER.warn("Rotation of {} failed, rolling back: {}", journal.diskEncryptionSetId, e.getMessage());
            journal.failure = e.getMessage();
            journal.rollingBack = true;
            save();
            return rollBack();
        }
        journal.status = RotationJournal.Status.SUCCEEDED;
        save();
        emit("finished", null, "Rotation done: the set uses " + journal.newKeyUrl + ".", 0, 0);
        return report("Every disk is on the new key version, and each VM and host is back in its prior state.");
    }

    private void drain() {
        List<RotationJournal.HostRecord> toDrain = journal.hosts.stream()
                .filter(RotationJournal.HostRecord::allowNewSessionBefore).toList();
        emit("step-started", RotationStep.DRAIN, "Draining " + toDrain.size() + " session host(s); "
                + (journal.hosts.size() - toDrain.size()) + " already drained stay as they are.", 0, toDrain.size());
        int done = 0;
        for (RotationJournal.HostRecord host : toDrain) {
            setAllowNewSession(host.id(), false);
            emit("progress", RotationStep.DRAIN, "Drained " + host.id() + ".", ++done, toDrain.size());
        }
        record(RotationStep.DRAIN);
    }

    private void endSessions() {
        Instant waitStarted = clock.now();
        AdaptivePolling polling = new AdaptivePolling(options);
        int sessions = countSessions();
        emit("step-started", RotationStep.END_SESSIONS, sessions + " user session(s) on the hosts; waiting up to "
                + options.drainTimeout() + " for them to end.", 0, sessions);
        while (sessions > 0) {
            Duration waited = Duration.between(waitStarted, clock.now());
            if (waited.compareTo(options.drainTimeout()) >= 0) {
                break;
            }
            Duration pause = polling.next(waited);
            Duration left = options.drainTimeout().minus(waited);
            clock.sleep(pause.compareTo(left) < 0 ? pause : left);
            sessions = countSessions();
        }
        if (sessions > 0 && !options.forceLogoff()) {
            throw new RotationFailedException(sessions + " user session(s) remain after the drain timeout of "
                    + options.drainTimeout() + ". Run again with --force-logoff to log users off, or with a longer"
                    + " --drain-timeout.");
        }
        if (sessions > 0) {
            logOff();
        }
        record(RotationStep.END_SESSIONS);
    }

    /** Logs every user off with a forced DELETE, disconnected sessions included: a disconnect keeps the session. */
    private void logOff() {
        int loggedOff = 0;
        for (RotationJournal.HostRecord host : journal.hosts) {
            for (JsonNode session : arm.list(host.id() + "/userSessions", RotationArm.DESKTOP_API)) {
                arm.delete(session.path("id").asText() + "?force=true", RotationArm.DESKTOP_API);
                loggedOff++;
                emit("progress", RotationStep.END_SESSIONS, "Logged off " + session.path("properties")
                        .path("userPrincipalName").asText("a user") + " (" + session.path("properties")
                        .path("sessionState").asText("unknown state") + ") on " + host.id() + ".", loggedOff, loggedOff);
            }
        }
        int left = countSessions();
        if (left > 0) {
            throw new RotationFailedException(left + " user session(s) remain after the forced logoff.");
        }
    }

    private int countSessions() {
        if (journal.hostPoolId == null || journal.hosts.isEmpty()) {
            return 0;
        }
        List<String> vmIds = journal.hosts.stream().map(host -> RotationDiscovery.lower(host.vmId())).toList();
        return new RotationDiscovery(arm, powerStates).sessionHosts(journal.target(), vmIds).stream()
                .mapToInt(SessionHostState::sessions).sum();
    }

    private void deallocate() {
        List<String> vmIds = journal.vms.stream().map(RotationJournal.VmRecord::id).toList();
        emit("step-started", RotationStep.DEALLOCATE, "Deallocating " + vmIds.size() + " VM(s) on the set.", 0, vmIds.size());
        transitions.bringTo(vmIds, PowerState.DEALLOCATED, 1, done ->
                emit("progress", RotationStep.DEALLOCATE, done + " of " + vmIds.size() + " VM(s) deallocated.", done, vmIds.size()));
        record(RotationStep.DEALLOCATE);
    }

    private void createKeyVersion() {
        emit("step-started", RotationStep.CREATE_KEY_VERSION, "Creating the new key version.", 0, 1);
        String latest = keys.latestVersionUrl();
        if (!latest.equalsIgnoreCase(journal.latestKeyUrlBefore)) {
            // A version newer than the recorded one: an earlier run created it and stopped before recording it.
            journal.newKeyUrl = latest;
            emit("progress", RotationStep.CREATE_KEY_VERSION, "Using " + latest + ", created by the interrupted run.", 1, 1);
        } else {
            journal.newKeyUrl = keys.createVersion();
            emit("progress", RotationStep.CREATE_KEY_VERSION, "Created " + journal.newKeyUrl + ".", 1, 1);
        }
        record(RotationStep.CREATE_KEY_VERSION);
    }

    private void updateDiskEncryptionSet() {
        emit("step-started", RotationStep.UPDATE_DISK_ENCRYPTION_SET, "Pointing the set at " + journal.newKeyUrl + ".", 0, 1);
        for (int attempt = 1; attempt <= MAX_SET_UPDATES; attempt++) {
            JsonNode set = readSet();
            if (attempt == 1 && onNewKey(set) && RotationDiscovery.previousKeys(set).isEmpty()) {
                break;
            }
            ObjectNode body = MAPPER.createObjectNode();
            ObjectNode activeKey = body.putObject("properties").putObject("activeKey");
            activeKey.put("keyUrl", journal.newKeyUrl);
            JsonNode sourceVault = set.path("properties").path("activeKey").path("sourceVault");
            if (!sourceVault.isMissingNode()) {
                activeKey.set("sourceVault", sourceVault);
            }
            arm.patch(journal.diskEncryptionSetId, RotationArm.DISKS_API, body);
            set = awaitSetUpdate();
            if (!onNewKey(set)) {
                throw new RotationFailedException("Disk Encryption Set '" + journal.diskEncryptionSetId + "' reports key "
                        + set.path("properties").path("activeKey").path("keyUrl").asText() + " after the update to "
                        + journal.newKeyUrl + ".");
            }
            List<String> previous = RotationDiscovery.previousKeys(set);
            if (previous.isEmpty()) {
                break;
            }
            if (attempt == MAX_SET_UPDATES) {
                throw new RotationFailedException("Disk Encryption Set '" + journal.diskEncryptionSetId + "' still lists "
                        + "previousKeys " + previous + " after " + MAX_SET_UPDATES + " updates: some disks did not move"
                        + " to the new key.");
            }
            // A disk keeps its old key when its VM was not deallocated as the update finished, for example because
            // someone started it meanwhile. Deallocate again, then repeat the update.
            emit("warning", RotationStep.UPDATE_DISK_ENCRYPTION_SET, "Some disks are still on " + previous
                    + "; deallocating the VMs again and updating the set again.", 0, 1);
            List<String> vmIds = journal.vms.stream().map(RotationJournal.VmRecord::id).toList();
            transitions.bringTo(vmIds, PowerState.DEALLOCATED, 1, done -> { });
        }
        emit("progress", RotationStep.UPDATE_DISK_ENCRYPTION_SET, "The set and all its disks use the new key.", 1, 1);
        record(RotationStep.UPDATE_DISK_ENCRYPTION_SET);
    }

    private JsonNode awaitSetUpdate() {
        Instant waitStarted = clock.now();
        AdaptivePolling polling = new AdaptivePolling(options);
        while (true) {
            JsonNode set = readSet();
            String state = set.path("properties").path("provisioningState").asText("Succeeded");
            if (state.equalsIgnoreCase("Failed")) {
                throw new RotationFailedException("The update of Disk Encryption Set '" + journal.diskEncryptionSetId
                        + "' to " + journal.newKeyUrl + " failed (provisioningState Failed).");
            }
            if (!state.equalsIgnoreCase("Updating") && !state.equalsIgnoreCase("Creating")) {
                return set;
            }
            Duration waited = Duration.between(waitStarted, clock.now());
            if (waited.compareTo(options.operationTimeout()) > 0) {
                throw new RotationFailedException("The update of Disk Encryption Set '" + journal.diskEncryptionSetId
                        + "' did not finish within " + options.operationTimeout() + ".");
            }
            clock.sleep(polling.next(waited));
        }
    }

    private JsonNode readSet() {
        return arm.get(journal.diskEncryptionSetId, RotationArm.DISKS_API).orElseThrow(() ->
                new RotationFailedException("Disk Encryption Set '" + journal.diskEncryptionSetId + "' not found."));
    }

    private boolean onNewKey(JsonNode set) {
        return journal.newKeyUrl.equalsIgnoreCase(set.path("properties").path("activeKey").path("keyUrl").asText(""));
    }

    /** Starts the VMs that ran before. In a rollback, failures are logged and left to the report. */
    private void startVms(boolean rollback) {
        List<String> vmIds = journal.vms.stream().filter(RotationJournal.VmRecord::ranBefore)
                .map(RotationJournal.VmRecord::id).toList();
        long leftDeallocated = journal.vms.size() - vmIds.size();
        emit(rollback ? "rollback" : "step-started", RotationStep.START, "Starting the " + vmIds.size()
                + " VM(s) that ran before; " + leftDeallocated + " stay deallocated.", 0, vmIds.size());
        try {
            transitions.bringTo(vmIds, PowerState.RUNNING, PowerTransitions.MAX_ATTEMPTS, done ->
                    emit("progress", RotationStep.START, done + " of " + vmIds.size() + " VM(s) running.", done, vmIds.size()));
        } catch (RotationFailedException | ArmOperationException e) {
            if (!rollback) {
                throw e;
            }
            LOGGER.error("Rollback could not start every VM of {}: {}", journal.diskEncryptionSetId, e.getMessage());
        }
    }

    /** Gives each host its previous {@code allowNewSession}. Hosts drained before the rotation were never changed. */
    private void restoreHosts(boolean rollback) {
        List<RotationJournal.HostRecord> toRestore = journal.hosts.stream()
                .filter(RotationJournal.HostRecord::allowNewSessionBefore).toList();
        emit(rollback ? "rollback" : "step-started", RotationStep.RESTORE_HOSTS, "Allowing new sessions again on "
                + toRestore.size() + " host(s).", 0, toRestore.size());
        int done = 0;
        for (RotationJournal.HostRecord host : toRestore) {
            try {
                setAllowNewSession(host.id(), true);
                emit("progress", RotationStep.RESTORE_HOSTS, "Restored " + host.id() + ".", ++done, toRestore.size());
            } catch (ArmOperationException e) {
                if (!rollback) {
                    throw e;
                }
                LOGGER.error("Rollback could not restore allowNewSession on {}: {}", host.id(), e.getMessage());
            }
        }
    }

    private void setAllowNewSession(String hostId, boolean allow) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("properties").put("allowNewSession", allow);
        arm.patch(hostId, RotationArm.DESKTOP_API, body);
    }

    private RotationReport rollBack() {
        emit("rollback", null, "Rolling back after: " + journal.failure, 0, 0);
        startVms(true);
        restoreHosts(true);
        RotationReport report = report("Rolled back after: " + journal.failure);
        boolean restored = report.resources().stream().allMatch(resource -> resource.next().equals("nothing"));
        journal.status = restored ? RotationJournal.Status.ROLLED_BACK : RotationJournal.Status.NEEDS_ATTENTION;
        save();
        emit("finished", null, "Rollback " + (restored ? "restored the pool." : "left resources to fix; see the report."), 0, 0);
        return report(restored ? "Rolled back after: " + journal.failure + " The pool is as before."
                : "Rolled back after: " + journal.failure + " Some resources are not in their prior state; see next steps.");
    }

    /** Reads the final state of every resource: one power-state list, the host list and the set. */
    private RotationReport report(String message) {
        Map<String, String> states = powerStates.read();
        List<ResourceOutcome> resources = new ArrayList<>();
        for (RotationJournal.VmRecord vm : journal.vms) {
            String now = states.getOrDefault(RotationDiscovery.lower(vm.id()), PowerState.UNKNOWN);
            boolean asBefore = vm.ranBefore() ? PowerState.RUNNING.equals(now) : !PowerState.isRunning(now);
            String next = asBefore ? "nothing" : vm.ranBefore()
                    ? "start it (az vm start --ids " + vm.id() + ")"
                    : "deallocate it (az vm deallocate --ids " + vm.id() + ")";
            resources.add(new ResourceOutcome(vm.id(), "virtualMachine", vm.powerStateBefore(), now, next));
        }
        Map<String, Boolean> allow = new java.util.HashMap<>();
        if (journal.hostPoolId != null && !journal.hosts.isEmpty()) {
            List<String> vmIds = journal.hosts.stream().map(host -> RotationDiscovery.lower(host.vmId())).toList();
            for (SessionHostState host : new RotationDiscovery(arm, powerStates).sessionHosts(journal.target(), vmIds)) {
                allow.put(RotationDiscovery.lower(host.id()), host.allowNewSession());
            }
        }
        for (RotationJournal.HostRecord host : journal.hosts) {
            Boolean now = allow.get(RotationDiscovery.lower(host.id()));
            String next = now != null && now == host.allowNewSessionBefore() ? "nothing"
                    : "set allowNewSession to " + host.allowNewSessionBefore() + " on the session host";
            resources.add(new ResourceOutcome(host.id(), "sessionHost", "allowNewSession=" + host.allowNewSessionBefore(),
                    now == null ? "not found" : "allowNewSession=" + now, next));
        }
        for (String diskId : journal.diskIds) {
            resources.add(new ResourceOutcome(diskId, "disk", "on the set", "on the set", "nothing"));
        }

        JsonNode set = arm.get(journal.diskEncryptionSetId, RotationArm.DISKS_API).orElse(MAPPER.createObjectNode());
        String activeKey = set.path("properties").path("activeKey").path("keyUrl").asText(null);
        List<String> previousKeys = RotationDiscovery.previousKeys(set);
        String setNext = previousKeys.isEmpty() ? "nothing"
                : "keep " + previousKeys + " enabled; run 'cvmkeys rotate --resume " + journalPath + "' once the VMs are deallocated";
        resources.add(new ResourceOutcome(journal.diskEncryptionSetId, "diskEncryptionSet", journal.activeKeyUrlBefore,
                activeKey, setNext));

        RotationJournal.Status status = journal.status;
        return new RotationReport(status, message, journalPath, journal.activeKeyUrlBefore, journal.newKeyUrl, activeKey,
                previousKeys, resources, Duration.between(started, clock.now()), arm.reads(), arm.writes(),
                powerStates.polls());
    }

    private void record(RotationStep step) {
        journal.completedSteps.add(step);
        save();
        emit("step-done", step, step + " done.", 0, 0);
        listener.onStepRecorded(step);
    }

    private void save() {
        journal.updatedAt = clock.now().toString();
        store.write(journalPath, journal);
    }

    private void emit(String type, RotationStep step, String message, int done, int total) {
        listener.onEvent(new RotationEvent(type, step, message, done, total, Duration.between(started, clock.now()),
                estimateRemaining()));
    }

    /** Sums the configured or observed durations of the steps still to run. */
    private Duration estimateRemaining() {
        Duration remaining = Duration.ZERO;
        if (!journal.done(RotationStep.DEALLOCATE)) {
            remaining = remaining.plus(transitions.expected("deallocate"));
        }
        if (!journal.done(RotationStep.UPDATE_DISK_ENCRYPTION_SET)) {
            remaining = remaining.plus(options.expectedSetUpdate());
        }
        if (!journal.done(RotationStep.START)) {
            remaining = remaining.plus(transitions.expected("start"));
        }
        return remaining;
    }
}
