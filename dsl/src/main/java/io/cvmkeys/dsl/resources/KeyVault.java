package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.Exprs;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.ResourceBuilder;
import io.cvmkeys.dsl.model.Values;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code Microsoft.KeyVault/vaults} with the defaults a vault for disk encryption keys needs: premium SKU, RBAC,
 * soft delete for 90 days, purge protection, enabled for disk encryption, public network access disabled.
 */
public final class KeyVault extends Resource {

    public static final String TYPE = "Microsoft.KeyVault/vaults";
    public static final String API_VERSION = "2023-07-01";

    // Azure naming rules for vaults: 3-24 characters, letters, digits and hyphens, starting with a letter,
    // ending with a letter or digit, no consecutive hyphens.
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]");

    private final KeyVaultSku sku;

    private KeyVault(Builder builder) {
        super(builder);
        this.sku = builder.sku;
    }

    public static Builder define(String symbolicName) {
        return new Builder(symbolicName);
    }

    public KeyVaultSku sku() {
        return sku;
    }

    /** The data-plane URI, for example {@code https://kv-name.vault.azure.net/}. */
    public Expr vaultUri() {
        return runtime("properties.vaultUri");
    }

    /** Builder for {@link KeyVault}. */
    public static final class Builder extends ResourceBuilder<KeyVault, Builder> {

        private KeyVaultSku sku = KeyVaultSku.PREMIUM;
        private Expr tenantId = Exprs.tenant().property("tenantId");
        private boolean enableRbacAuthorization = true;
        private int softDeleteRetentionInDays = 90;
        private boolean enablePurgeProtection = true;
        private boolean enabledForDiskEncryption = true;
        private String publicNetworkAccess = "Disabled";
        private String networkAclsDefaultAction = "Deny";
        private String networkAclsBypass = "AzureServices";

        private Builder(String symbolicName) {
            super(symbolicName, TYPE, API_VERSION);
        }

        public Builder withSku(KeyVaultSku sku) {
            this.sku = sku;
            return this;
        }

        public Builder withTenantId(Expr tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        public Builder withEnableRbacAuthorization(boolean enableRbacAuthorization) {
            this.enableRbacAuthorization = enableRbacAuthorization;
            return this;
        }

        /** Days a deleted vault and its keys stay recoverable, 7 to 90; it cannot be changed after creation. */
        public Builder withSoftDeleteRetentionInDays(int days) {
            this.softDeleteRetentionInDays = days;
            return this;
        }

        /** Purge protection is irreversible and ARM rejects {@code false}, so only {@code true} is accepted. */
        public Builder withEnablePurgeProtection(boolean enablePurgeProtection) {
            this.enablePurgeProtection = enablePurgeProtection;
            return this;
        }

        public Builder withEnabledForDiskEncryption(boolean enabledForDiskEncryption) {
            this.enabledForDiskEncryption = enabledForDiskEncryption;
            return this;
        }

        /** {@code Enabled} or {@code Disabled}. */
        public Builder withPublicNetworkAccess(String publicNetworkAccess) {
            this.publicNetworkAccess = publicNetworkAccess;
            return this;
        }

        /** Network rules: default action {@code Allow} or {@code Deny}; bypass {@code AzureServices} or {@code None}. */
        public Builder withNetworkAcls(String defaultAction, String bypass) {
            this.networkAclsDefaultAction = defaultAction;
            this.networkAclsBypass = bypass;
            return this;
        }

        KeyVaultSku sku() {
            return sku;
        }

        @Override
        protected void validate(List<ModelProblem> problems) {
            Values.knownString(name()).ifPresent(value -> checkName(value, problems));
            if (softDeleteRetentionInDays < 7 || softDeleteRetentionInDays > 90) {
                problem(problems, "softDeleteRetentionInDays",
                        softDeleteRetentionInDays + " is outside the allowed 7..90 days",
                        "set a retention between 7 and 90 days (90 recommended); it cannot change after creation");
            }
            if (!enablePurgeProtection) {
                problem(problems, "enablePurgeProtection",
                        "false is rejected by ARM, because purge protection cannot be turned off once on",
                        "keep enablePurgeProtection true: it keeps deleted keys recoverable, so encrypted disks stay readable");
            }
            if (!List.of("Enabled", "Disabled").contains(publicNetworkAccess)) {
                problem(problems, "publicNetworkAccess", "'" + publicNetworkAccess + "' is not Enabled or Disabled",
                        "use Disabled and reach the vault through its private endpoint");
            }
            if (!List.of("Allow", "Deny").contains(networkAclsDefaultAction)) {
                problem(problems, "networkAcls.defaultAction", "'" + networkAclsDefaultAction + "' is not Allow or Deny",
                        "use Deny");
            }
            if (!List.of("AzureServices", "None").contains(networkAclsBypass)) {
                problem(problems, "networkAcls.bypass", "'" + networkAclsBypass + "' is not AzureServices or None",
                        "use AzureServices, so trusted services such as disk encryption reach the vault");
            }
        }

        private void checkName(String value, List<ModelProblem> problems) {
            if (!NAME.matcher(value).matches() || value.contains("--")) {
                problem(problems, "name", "'" + value + "' breaks the Key Vault naming rules",
                        "use 3-24 letters, digits and hyphens, start with a letter, end with a letter or digit,"
                                + " and no consecutive hyphens");
            }
        }

        @Override
        protected void fill() {
            ObjectExpr skuObject = ObjectExpr.create().put("family", "A").put("name", sku.value());
            ObjectExpr networkAcls = ObjectExpr.create()
                    .put("bypass", networkAclsBypass)
                    .put("defaultAction", networkAclsDefaultAction);
            properties()
                    .put("tenantId", tenantId)
                    .put("sku", skuObject)
                    .put("enableRbacAuthorization", enableRbacAuthorization)
                    .put("enableSoftDelete", true)
                    .put("softDeleteRetentionInDays", softDeleteRetentionInDays)
                    .put("enablePurgeProtection", true)
                    .put("enabledForDiskEncryption", enabledForDiskEncryption)
                    .put("publicNetworkAccess", publicNetworkAccess)
                    .put("networkAcls", networkAcls);
        }

        @Override
        protected KeyVault create() {
            return new KeyVault(this);
        }
    }
}
