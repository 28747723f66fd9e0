package io.cvmkeys.engine.rotation;

/** The steps of an offline rotation, in order. The journal records each one when it is done. */
public enum RotationStep {
    /** Find the disks, VMs and session hosts, and record their prior state. */
    DISCOVER,
    /** Set {@code allowNewSession: false} on the hosts that allow new sessions. */
    DRAIN,
    /** Wait for user sessions to end, or log users off. */
    END_SESSIONS,
    /** Deallocate every VM on the set and confirm {@code PowerState/deallocated}. */
    DEALLOCATE,
    /** Create the new key version. */
    CREATE_KEY_VERSION,
    /** Point the set at the new versioned key URL and verify that every disk moved. */
    UPDATE_DISK_ENCRYPTION_SET,
    /** Start the VMs that ran before and confirm {@code PowerState/running}. */
    START,
    /** Restore each host's previous {@code allowNewSession}. */
    RESTORE_HOSTS
}
