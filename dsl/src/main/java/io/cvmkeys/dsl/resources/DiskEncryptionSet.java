package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.Literal;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.expr.ResourcePropertyExpr;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.ResourceBuilder;
import io.cvmkeys.dsl.model.Values;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code Microsoft.Compute/diskEncryptionSets}. Defaults for Confidential VMs: encryption type
 * {@code ConfidentialVmEncryptedWithCustomerKey}, a user-assigned identity, no automatic rotation to the latest
 * key version, and a versioned key URL.
 */
public final class DiskEncryptionSet extends Resource {

    public static final String TYPE = "Microsoft.Compute/diskEncryptionSets";
    public static final String API_VERSION = "2025-01-02";

    // .../keys/{name}/{version}: no API version of disk encryption sets accepts a URL without the version.
    static final Pattern VERSIONED_KEY_URL = Pattern.compile("https://[^/]+/keys/[^/]+/[0-9a-fA-F]{32}");

    private DiskEncryptionSet(Builder builder) {
        super(builder);
    }

    public static Builder define(String symbolicName) {
        return new Builder(symbolicName);
    }

    /** Builder for {@link DiskEncryptionSet}. */
    public static final class Builder extends ResourceBuilder<DiskEncryptionSet, Builder> {

        private DiskEncryptionType encryptionType = DiskEncryptionType.CONFIDENTIAL_VM_ENCRYPTED_WITH_CUSTOMER_KEY;
        private Expr identityId;
        private Expr keyUrl;
        private Expr sourceVaultId;
        private boolean rotationToLatestKeyVersionEnabled;

        private Builder(String symbolicName) {
            super(symbolicName, TYPE, API_VERSION);
        }

        public Builder withEncryptionType(DiskEncryptionType encryptionType) {
            this.encryptionType = encryptionType;
            return this;
        }

        /** The user-assigned identity the set uses to reach the key. */
        public Builder withUserAssignedIdentity(Resource identity) {
            return withUserAssignedIdentity(identity.id());
        }

        public Builder withUserAssignedIdentity(Expr identityResourceId) {
            this.identityId = identityResourceId;
            return this;
        }

        /** The fully versioned key URL, for example a key's {@code keyUriWithVersion()}. */
        public Builder withActiveKey(Expr keyUrl) {
            this.keyUrl = keyUrl;
            return this;
        }

        /** The vault holding the key; leave it out when the vault is in another subscription. */
        public Builder withSourceVault(Expr vaultId) {
            this.sourceVaultId = vaultId;
            return this;
        }

        /** Must stay false for Confidential VMs, which do not support automatic key rotation. */
        public Builder withRotationToLatestKeyVersionEnabled(boolean enabled) {
            this.rotationToLatestKeyVersionEnabled = enabled;
            return this;
        }

        @Override
        protected void validate(List<ModelProblem> problems) {
            if (identityId == null) {
                problem(problems, "identity", "no identity is set, so the set cannot reach the key",
                        "call withUserAssignedIdentity(identity)");
            }
            if (keyUrl == null) {
                problem(problems, "activeKey.keyUrl", "no key is set", "call withActiveKey(key.keyUriWithVersion())");
                return;
            }
            if (encryptionType != DiskEncryptionType.CONFIDENTIAL_VM_ENCRYPTED_WITH_CUSTOMER_KEY) {
                return;
            }
            validateVersionedKeyUrl(problems);
            if (rotationToLatestKeyVersionEnabled) {
                problem(problems, "rotationToLatestKeyVersionEnabled", "true is not supported for Confidential VM"
                        + " encryption", "keep it false and rotate offline with 'cvmkeys rotate'");
            }
        }

        private void validateVersionedKeyUrl(List<ModelProblem> problems) {
            String fix = "use the key's keyUriWithVersion, for example withActiveKey(key.keyUriWithVersion())";
            if (keyUrl instanceof ResourcePropertyExpr runtime && runtime.path().equals("properties.keyUri")) {
                problem(problems, "activeKey.keyUrl", "the versionless keyUri is used, but the URL must include"
                        + " the key version", fix);
                return;
            }
            Values.knownString(keyUrl)
                    .filter(url -> !VERSIONED_KEY_URL.matcher(url).matches())
                    .ifPresent(url -> problem(problems, "activeKey.keyUrl", "'" + url + "' is not a versioned key URL"
                            + " (.../keys/{name}/{version})", fix));
        }

        @Override
        protected void fill() {
            withTopLevel("identity", ObjectExpr.create()
                    .put("type", "UserAssigned")
                    .put("userAssignedIdentities", ObjectExpr.create().put(identityId, ObjectExpr.create())));
            ObjectExpr activeKey = ObjectExpr.create().put("keyUrl", keyUrl);
            if (sourceVaultId != null) {
                activeKey.put("sourceVault", ObjectExpr.create().put("id", sourceVaultId));
            }
            properties()
                    .put("encryptionType", encryptionType.value())
                    .put("activeKey", activeKey)
                    .put("rotationToLatestKeyVersionEnabled", Literal.of(rotationToLatestKeyVersionEnabled));
        }

        @Override
        protected DiskEncryptionSet create() {
            return new DiskEncryptionSet(this);
        }
    }
}
