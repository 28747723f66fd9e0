package io.cvmkeys.engine.rotation;

import com.azure.security.keyvault.keys.KeyClient;

/**
 * New key versions in Azure Key Vault through the data-plane rotate, which keeps the key's type, size, operations,
 * exportability and release policy. Earlier versions stay enabled.
 */
public final class KeyVaultKeyVersionCreator implements KeyVersionCreator {

    private final KeyClient client;
    private final String keyName;

    /** @param client a client for the vault, built with {@code KeyClientBuilder} */
    public KeyVaultKeyVersionCreator(KeyClient client, String keyName) {
        this.client = client;
        this.keyName = keyName;
    }

    @Override
    public String latestVersionUrl() {
        return client.getKey(keyName).getId();
    }

    @Override
    public String createVersion() {
        return client.rotateKey(keyName).getId();
    }
}
