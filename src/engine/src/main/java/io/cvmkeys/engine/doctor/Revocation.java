package io.cvmkeys.engine.doctor;

/**
 * Impact and recovery texts for a revoked key: the Disk Encryption Set has lost access to it. Running hosts keep
 * working until the storage layer's cached key expires (minutes to hours), so a revocation can look harmless at first.
 */
final class Revocation {

    static final String IMPACT = "Running hosts keep working only until the storage layer's cached key expires"
            + " (minutes to hours), then they shut down and disk I/O fails. Deallocated hosts will not start, and new"
            + " hosts on the Disk Encryption Set fail at disk attach.";

    static final String PURGE_PROTECTION = " Purge protection keeps a soft-deleted key recoverable for the vault's"
            + " retention period. Purging it makes the disks unreadable for good.";

    private Revocation() {
    }

    /** Returns the impact text of a revocation whose cause is {@code cause}, such as "The key is disabled." */
    static String impact(String cause) {
        return cause + " " + IMPACT;
    }
}
