package io.cvmkeys.engine.rotation;

import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.models.CreateEcKeyOptions;
import com.azure.security.keyvault.keys.models.CreateRsaKeyOptions;
import com.azure.security.keyvault.keys.models.JsonWebKey;
import com.azure.security.keyvault.keys.models.KeyProperties;
import com.azure.security.keyvault.keys.models.KeyType;
import com.azure.security.keyvault.keys.models.KeyVaultKey;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * New key versions in a Managed HSM: a create with the name of the existing key, with the current version's type,
 * size (RSA modulus length) or curve, operations, exportability and release policy, all read from the current
 * version. Nothing is hard-coded, so a 4096-bit key stays 4096-bit. The new version gets the current version's
 * lifetime ({@code exp} minus {@code created}) from now, because KeyNearExpiry alerts need an {@code exp}.
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
                    .setTags(properties.getTags()).setEnabled(true).setExpiresOn(expiry(properties));
            return client.createRsaKey(options).getId();
        }
        if (KeyType.EC_HSM.equals(type) || KeyType.EC.equals(type)) {
            CreateEcKeyOptions options = new CreateEcKeyOptions(keyName)
                    .setHardwareProtected(KeyType.EC_HSM.equals(type))
                    .setCurveName(key.getCurveName())
                    .setKeyOperations(key.getKeyOps().toArray(new com.azure.security.keyvault.keys.models.KeyOperation[0]));
            options.setExportable(properties.isExportable()).setReleasePolicy(properties.getReleasePolicy())
                    .setTags(properties.getTags()).setEnabled(true).setExpiresOn(expiry(properties));
            return client.createEcKey(options).getId();
        }
        throw new RotationInputException("Key '" + keyName + "' has type " + type + ", which a Disk Encryption Set"
                + " cannot use. Use an RSA-HSM key.");
    }

    /** Returns now plus the current version's lifetime, or null when the current version has no expiry. */
    private static OffsetDateTime expiry(KeyProperties current) {
        if (current.getExpiresOn() == null || current.getCreatedOn() == null) {
            return null;
        }
        return OffsetDateTime.now(ZoneOffset.UTC).plus(Duration.between(current.getCreatedOn(), current.getExpiresOn()));
    }
}
