package io.cvmkeys.engine.rotation;

import java.util.function.UnaryOperator;

/**
 * New key versions in the ARM emulator. The latest version is read through ARM ({@code properties.keyUriWithVersion}
 * of the key). A version is added through the emulator's own entry point, in place of the Key Vault data-plane
 * rotate that the emulator does not serve.
 */
public final class EmulatorKeyVersionCreator implements KeyVersionCreator {

    private final RotationArm arm;
    private final String keyId;
    private final UnaryOperator<String> addKeyVersion;

    /**
     * @param keyId         the key's ARM id
     * @param addKeyVersion adds a version to the key with the given ARM id and returns its versioned URL, such as
     *                      {@code ArmEmulator::addKeyVersion}
     */
    public EmulatorKeyVersionCreator(RotationArm arm, String keyId, UnaryOperator<String> addKeyVersion) {
        this.arm = arm;
        this.keyId = keyId;
        this.addKeyVersion = addKeyVersion;
    }

    @Override
    public String latestVersionUrl() {
        return arm.get(keyId, RotationArm.KEY_VAULT_API)
                .map(key -> key.path("properties").path("keyUriWithVersion").asText(null))
                .orElseThrow(() -> new RotationInputException("Key '" + keyId + "' not found. Check the key vault and"
                        + " key names in the environment file."));
    }

    @Override
    public String createVersion() {
        return addKeyVersion.apply(keyId);
    }
}
