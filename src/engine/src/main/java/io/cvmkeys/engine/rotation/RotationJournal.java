package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import java.util.ArrayList;
import java.util.List;

/**
 * The record of one rotation, written after every step so that {@code --resume} continues where a crash stopped it.
 * The prior state of every host and VM is recorded before the first write to Azure, and the new key version before
 * the Disk Encryption Set update.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class RotationJournal {

    /** State of the rotation as a whole. */
    public enum Status { IN_PROGRESS, SUCCEEDED, ROLLED_BACK, NEEDS_ATTENTION }

    /** A session host and its {@code allowNewSession} before the rotation. */
    public record HostRecord(String id, String vmId, boolean allowNewSessionBefore) {
    }

    /** A VM, its power state before the rotation and its disks on the set. */
    public record VmRecord(String id, String powerStateBefore, List<String> diskIds) {

        boolean ranBefore() {
            return PowerState.isRunning(powerStateBefore);
        }
    }

    String environment;
    String subscriptionId;
    String diskEncryptionSetId;
    String keyId;
    String hostPoolId;
    String startedAt;
    String updatedAt;
    /** The set's {@code activeKey.keyUrl} before the rotation. */
    String activeKeyUrlBefore;
    /** The key's latest version before the rotation. A later one seen on resume was created by this rotation. */
    String latestKeyUrlBefore;
    String newKeyUrl;
    List<String> diskIds = new ArrayList<>();
    List<HostRecord> hosts = new ArrayList<>();
    List<VmRecord> vms = new ArrayList<>();
    List<RotationStep> completedSteps = new ArrayList<>();
    Status status = Status.IN_PROGRESS;
    String failure;
    /** Set when a step failed: a resumed rotation then finishes the rollback instead of the rotation. */
    boolean rollingBack;

    public String environment() {
        return environment;
    }

    public String diskEncryptionSetId() {
        return diskEncryptionSetId;
    }

    public String activeKeyUrlBefore() {
        return activeKeyUrlBefore;
    }

    public String newKeyUrl() {
        return newKeyUrl;
    }

    public List<HostRecord> hosts() {
        return List.copyOf(hosts);
    }

    public List<VmRecord> vms() {
        return List.copyOf(vms);
    }

    public List<RotationStep> completedSteps() {
        return List.copyOf(completedSteps);
    }

    public Status status() {
        return status;
    }

    /** Returns the failure that stopped the rotation, or null. */
    public String failure() {
        return failure;
    }

    boolean done(RotationStep step) {
        return completedSteps.contains(step);
    }

    RotationTarget target() {
        return new RotationTarget(environment, diskEncryptionSetId, keyId, hostPoolId);
    }
}
