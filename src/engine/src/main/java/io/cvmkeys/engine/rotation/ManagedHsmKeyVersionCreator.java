package io.cvmkeys.engine.rotation;

import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.models.CreateEcKeyOptions;
import com.azure.security.keyvault.keys.models.CreateRsaKeyOptions;
import com.azure.security.keyvault.keys.models.JsonWebKey;
import com.azure.security.keyvault.keys.models.KeyProperties;
import com.azure.security.keyvault.keys.models.KeyType;
import com.azure.security.keyvault.keys.models.KeyVaultKey;

/**
 * New key versions in a Managed HSM: a create with the name of the existing key, with the current version's type,
 * size (RSA modulus length) or curve, operations, exportability and release policy, all read from the current
 * version. Nothing is hard-coded, so a 4096-bit key stays 4096-bit.
 */
public final class ManagedHsmKeyVersionCreator implements KeyVersionCreator {

    private final KeyClient client;
    private final String keyName;

    /** @param client a client for the HSM ({@code https://{name}.managedhsm.azure.net}) */
    public ManagedHsmKeyVersionCreator(KeyClient client, String keyName) {
        this.client = client;
        this.keyName = keyName;
    }

    @Override
    public String latestVersionUrl() {
        return client.getKey(keyName).getId();
    }

    @Override
    public String createVersion() {
        KeyVaultKey current = client.getKey(keyName);
        JsonWebKey key = current.getKey();
        KeyProperties properties = current.getProperties();
        KeyType type = key.getKeyType();

        if (KeyType.RSA_HSM.equals(type) || KeyType.RSA.equals(type)) {
            CreateRsaKeyOptions options = new CreateRsaKeyOptions(keyName)
                    .setHardwareProtected(KeyType.RSA_HSM.equals(type))
                    .setKeySize(key.getN().length * 8)
                    .setKeyOperations(key.getKeyOps().toArray(new com.azure.security.keyvault.keys.models.KeyOperation[0]));
            options.setExportable(properties.isExportable()).setReleasePolicy(properties.getReleasePolicy())
                    .setTags(properties.getTags()).setEnabled(true);
            return client.createRsaKey(options).getId();
        }
        if (KeyType.EC_HSM.equals(type) || KeyType.EC.equals(type)) {
            CreateEcKeyOptions options = new CreateEcKeyOptions(keyName)
                    .setHardwareProtected(KeyType.EC_HSM.equals(type))
                    .setCurveName(key.getCurveName())
                    .setKeyOperations(key.getKeyOps().toArray(new com.azure.security.keyvault.keys.models.KeyOperation[0]));
            options.setExportable(properties.isExportable()).setReleasePolicy(properties.getReleasePolicy())
                    .setTags(properties.getTags()).setEnabled(true);
            return client.createEcKey(options).getId();
        }
        throw new RotationInputException("Key '" + keyName + "' has type " + type + ", which a Disk Encryption Set"
                + " cannot use. Use an RSA-HSM key.");
    }
}
