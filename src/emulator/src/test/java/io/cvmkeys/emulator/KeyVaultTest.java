package io.cvmkeys.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.keyvault.KeyVaultManager;
import com.azure.resourcemanager.keyvault.fluent.KeysClient;
import com.azure.resourcemanager.keyvault.fluent.VaultsClient;
import com.azure.resourcemanager.keyvault.fluent.models.DeletedVaultInner;
import com.azure.resourcemanager.keyvault.fluent.models.KeyInner;
import com.azure.resourcemanager.keyvault.fluent.models.KeyProperties;
import com.azure.resourcemanager.keyvault.models.CreateMode;
import com.azure.resourcemanager.keyvault.models.JsonWebKeyOperation;
import com.azure.resourcemanager.keyvault.models.JsonWebKeyType;
import com.azure.resourcemanager.keyvault.models.KeyAttributes;
import com.azure.resourcemanager.keyvault.models.KeyCreateParameters;
import com.azure.resourcemanager.keyvault.models.Sku;
import com.azure.resourcemanager.keyvault.models.SkuFamily;
import com.azure.resourcemanager.keyvault.models.SkuName;
import com.azure.resourcemanager.keyvault.models.VaultCreateOrUpdateParameters;
import com.azure.resourcemanager.keyvault.models.VaultProperties;
import com.azure.resourcemanager.resources.ResourceManager;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyVaultTest {
    private static final String GROUP = "rg-kv";
    private static final long EXPIRY = 1798761600L;

    private ArmEmulator emulator;
    private VaultsClient vaults;
    private KeysClient keys;

    @BeforeEach
    void start() {
        emulator = ArmEmulator.start(EmulatorTesting.options(SimulatedClock.startingAt(EmulatorTesting.START)));
        ResourceManager arm = EmulatorTesting.resourceManager(emulator);
        arm.resourceGroups().define(GROUP).withRegion("westeurope").create();
        KeyVaultManager keyVault = KeyVaultManager.configure()
            .withHttpClient(emulator.httpClient())
            .authenticate(emulator.credential(), emulator.profile(EmulatorTesting.SUBSCRIPTION));
        vaults = keyVault.serviceClient().getVaults();
        keys = keyVault.serviceClient().getKeys();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void identicalKeyPutIsNoOp() {
        createVault("kv-cmk");

        KeyInner first = keys.createIfNotExist(GROUP, "kv-cmk", "cmk", keyParameters(3072));
        KeyInner second = keys.createIfNotExist(GROUP, "kv-cmk", "cmk", keyParameters(3072));
        List<KeyInner> versions = keys.listVersions(GROUP, "kv-cmk", "cmk").stream().collect(Collectors.toList());

        assertThat(first.keyUri()).isEqualTo("https://kv-cmk.vault.azure.net/keys/cmk");
        assertThat(first.keyUriWithVersion()).matches("https://kv-cmk\\.vault\\.azure\\.net/keys/cmk/[0-9a-f]{32}");
        assertThat(second.keyUriWithVersion()).isEqualTo(first.keyUriWithVersion());
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).keyUriWithVersion()).isEqualTo(first.keyUriWithVersion());
    }

    @Test
    void addedVersionBecomesCurrentAndIsListed() {
        createVault("kv-cmk");
        KeyInner first = keys.createIfNotExist(GROUP, "kv-cmk", "cmk", keyParameters(3072));

        String added = emulator.addKeyVersion(first.id());
        KeyInner current = keys.get(GROUP, "kv-cmk", "cmk");
        List<String> versions = keys.listVersions(GROUP, "kv-cmk", "cmk").stream()
            .map(KeyInner::keyUriWithVersion).collect(Collectors.toList());

        assertThat(added).isNotEqualTo(first.keyUriWithVersion());
        assertThat(current.keyUriWithVersion()).isEqualTo(added);
        assertThat(versions).containsExactly(first.keyUriWithVersion(), added);
    }

    @Test
    void differingKeyPutFailsWithCreationParametersError() {
        createVault("kv-cmk");
        keys.createIfNotExist(GROUP, "kv-cmk", "cmk", keyParameters(3072));

        assertThatThrownBy(() -> keys.createIfNotExist(GROUP, "kv-cmk", "cmk", keyParameters(4096)))
            .isInstanceOfSatisfying(ManagementException.class, e -> {
                assertThat(e.getResponse().getStatusCode()).isEqualTo(409);
                assertThat(e.getValue().getCode()).isEqualTo("KeyCreationParametersDidNotMatchExistingKey");
            });
    }

    @Test
    void keyWithoutVaultFails() {
        assertThatThrownBy(() -> keys.createIfNotExist(GROUP, "kv-none", "cmk", keyParameters(3072)))
            .isInstanceOfSatisfying(ManagementException.class,
                e -> assertThat(e.getValue().getCode()).isEqualTo("ParentResourceNotFound"));
    }

    @Test
    void deletedVaultNameConflictsUntilRecovered() {
        createVault("kv-soft");
        KeyInner key = keys.createIfNotExist(GROUP, "kv-soft", "cmk", keyParameters(3072));
        vaults.delete(GROUP, "kv-soft");

        List<DeletedVaultInner> deleted = vaults.listDeleted().stream().collect(Collectors.toList());
        DeletedVaultInner byName = vaults.getDeleted("kv-soft", "westeurope");

        assertThat(deleted).extracting(DeletedVaultInner::name).containsExactly("kv-soft");
        assertThat(byName.properties().vaultId()).endsWith("/kv-soft");
        assertThatThrownBy(() -> createVault("kv-soft"))
            .isInstanceOfSatisfying(ManagementException.class, e -> {
                assertThat(e.getResponse().getStatusCode()).isEqualTo(409);
                assertThat(e.getValue().getCode()).isEqualTo("ConflictError");
            });

        vaults.createOrUpdate(GROUP, "kv-soft", vaultParameters().withProperties(
            vaultParameters().properties().withCreateMode(CreateMode.RECOVER)));

        assertThat(keys.get(GROUP, "kv-soft", "cmk").keyUriWithVersion()).isEqualTo(key.keyUriWithVersion());
        assertThat(vaults.listDeleted().stream().count()).isZero();
    }

    @Test
    void purgeProtectionCannotBeTurnedOff() {
        VaultCreateOrUpdateParameters parameters = vaultParameters();
        parameters.properties().withEnablePurgeProtection(false);

        assertThatThrownBy(() -> vaults.createOrUpdate(GROUP, "kv-nopp", parameters))
            .isInstanceOfSatisfying(ManagementException.class, e -> {
                assertThat(e.getResponse().getStatusCode()).isEqualTo(400);
                assertThat(e.getValue().getCode()).isEqualTo("BadRequest");
            });
    }

    private void createVault(String name) {
        vaults.createOrUpdate(GROUP, name, vaultParameters());
    }

    private static VaultCreateOrUpdateParameters vaultParameters() {
        return new VaultCreateOrUpdateParameters()
            .withLocation("westeurope")
            .withProperties(new VaultProperties()
                .withTenantId(UUID.fromString(ArmEmulatorOptions.DEFAULT_TENANT_ID))
                .withSku(new Sku().withFamily(SkuFamily.A).withName(SkuName.PREMIUM))
                .withEnableRbacAuthorization(true)
                .withEnableSoftDelete(true)
                .withSoftDeleteRetentionInDays(90)
                .withEnablePurgeProtection(true)
                .withEnabledForDiskEncryption(true));
    }

    private static KeyCreateParameters keyParameters(int keySize) {
        return new KeyCreateParameters().withProperties(new KeyProperties()
            .withKty(JsonWebKeyType.RSA_HSM)
            .withKeySize(keySize)
            .withKeyOps(List.of(JsonWebKeyOperation.WRAP_KEY, JsonWebKeyOperation.UNWRAP_KEY))
            .withAttributes(new KeyAttributes().withEnabled(true).withExpires(EXPIRY)));
    }
}
