package io.cvmkeys.engine.rotation;

/**
 * Creates the new key version of a rotation. Key Vault and Managed HSM use their data planes; the ARM emulator has
 * only a management plane, so it has its own implementation.
 */
public interface KeyVersionCreator {

    /** Returns the versioned URL of the key's latest version. */
    String latestVersionUrl();

    /** Creates a new version with the current version's properties and returns its versioned URL. */
    String createVersion();
}
