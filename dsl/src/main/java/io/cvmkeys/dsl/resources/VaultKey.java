package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.ArrayExpr;
import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.Literal;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.ResourceBuilder;
import io.cvmkeys.dsl.model.Values;
import io.cvmkeys.dsl.validate.Iso8601Durations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code Microsoft.KeyVault/vaults/keys}: a key created through ARM. ARM creates a key only if it does not exist:
 * a later PUT with different parameters fails, so every value here must be fixed (an expiry computed once, not
 * {@code utcNow()}).
 */
public final class VaultKey extends Resource {

    public static final String TYPE = "Microsoft.KeyVault/vaults/keys";
    public static final String API_VERSION = "2023-07-01";

    private static final List<String> KEY_TYPES = List.of("RSA", "RSA-HSM", "EC", "EC-HSM");
    private static final List<Long> RSA_KEY_SIZES = List.of(2048L, 3072L, 4096L);
    private static final long MIN_EXPIRY_DAYS = 28;
    private static final long MIN_TRIGGER_DAYS = 7;

    private VaultKey(Builder builder) {
        super(builder);
    }

    /** Starts a key in {@code vault}; defaults: RSA-HSM 3072, wrapKey/unwrapKey, enabled. */
    public static Builder define(String symbolicName, Resource vault) {
        return new Builder(symbolicName, vault);
    }

    /** Returns the key URI without version, which a Confidential VM Disk Encryption Set cannot use. */
    public Expr keyUri() {
        return runtime("properties.keyUri");
    }

    /** The URI of the current version, the value a Disk Encryption Set's {@code activeKey.keyUrl} needs. */
    public Expr keyUriWithVersion() {
        return runtime("properties.keyUriWithVersion");
    }

    /** Builder for {@link VaultKey}. */
    public static final class Builder extends ResourceBuilder<VaultKey, Builder> {

        private String kty = "RSA-HSM";
        private Expr keySize = Literal.of(3072);
        private List<String> keyOps = List.of("wrapKey", "unwrapKey");
        private boolean enabled = true;
        private Expr exp;
        private Boolean exportable;
        private ReleasePolicy releasePolicy;
        private RotationPolicy rotationPolicy;
        private boolean forConfidentialVms;

        private Builder(String symbolicName, Resource vault) {
            super(symbolicName, TYPE, API_VERSION);
            withParent(vault);
        }

        /** {@code RSA}, {@code RSA-HSM}, {@code EC} or {@code EC-HSM}. */
        public Builder withKty(String kty) {
            this.kty = kty;
            return this;
        }

        public Builder withKeySize(long keySize) {
            return withKeySize(Literal.of(keySize));
        }

        /** Key size as an expression, for example an int parameter with allowed values 3072 and 4096. */
        public Builder withKeySize(Expr keySize) {
            this.keySize = keySize;
            return this;
        }

        public Builder withKeyOps(String... keyOps) {
            this.keyOps = List.of(keyOps);
            return this;
        }

        public Builder withEnabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** Expiry of the first version, {@code attributes.exp}; fix it once so a re-deploy sends the same value. */
        public Builder withExpiresOn(Instant expiresOn) {
            this.exp = Literal.of(expiresOn.getEpochSecond());
            return this;
        }

        /** Expiry as an expression in epoch seconds, for example an int parameter. */
        public Builder withExp(Expr exp) {
            this.exp = exp;
            return this;
        }

        public Builder withExportable(boolean exportable) {
            this.exportable = exportable;
            return this;
        }

        public Builder withReleasePolicy(ReleasePolicy releasePolicy) {
            this.releasePolicy = releasePolicy;
            return this;
        }

        public Builder withRotationPolicy(RotationPolicy rotationPolicy) {
            this.rotationPolicy = rotationPolicy;
            return this;
        }

        /**
         * Marks the key as a Confidential VM disk key: it must be RSA-HSM, exportable with a release policy, have
         * an expiry, and rotate by notification only, because Confidential VMs do not support automatic rotation.
         */
        public Builder forConfidentialVms() {
            this.forConfidentialVms = true;
            if (exportable == null) {
                exportable = true;
            }
            return this;
        }

        @Override
        protected void validate(List<ModelProblem> problems) {
            validateKeyType(problems);
            validateRelease(problems);
            if (rotationPolicy != null) {
                validateRotationPolicy(problems);
            }
            if (forConfidentialVms) {
                validateConfidentialVmKey(problems);
            }
        }

        private void validateKeyType(List<ModelProblem> problems) {
            if (!KEY_TYPES.contains(kty)) {
                problem(problems, "kty", "'" + kty + "' is not one of " + KEY_TYPES, "use RSA-HSM");
                return;
            }
            if (kty.endsWith("-HSM") && parent() instanceof KeyVault vault && vault.sku() == KeyVaultSku.STANDARD) {
                problem(problems, "kty", kty + " needs an HSM, but vault " + vault.label() + " has the standard SKU",
                        "give the vault the premium SKU (KeyVaultSku.PREMIUM)");
            }
            if (kty.startsWith("RSA")) {
                Values.knownLong(keySize)
                        .filter(size -> !RSA_KEY_SIZES.contains(size))
                        .ifPresent(size -> problem(problems, "keySize", size + " is not a valid RSA key size",
                                "use 3072 or 4096"));
            }
        }

        private void validateRelease(List<ModelProblem> problems) {
            boolean isExportable = Boolean.TRUE.equals(exportable);
            if (isExportable && releasePolicy == null) {
                problem(problems, "attributes.exportable",
                        "an exportable key needs a release policy, and Key Vault rejects one without (AKV.SKR.1004)",
                        "add withReleasePolicy(ReleasePolicy.confidentialVm(authority))");
            }
            if (!isExportable && releasePolicy != null) {
                problem(problems, "release_policy",
                        "a release policy is only allowed on an exportable key, and Key Vault rejects it otherwise"
                                + " (AKV.SKR.1005)",
                        "call withExportable(true), or remove the release policy");
            }
        }

        private void validateRotationPolicy(List<ModelProblem> problems) {
            OptionalDouble expiryDays = Iso8601Durations.toDays(rotationPolicy.expiryTime());
            if (expiryDays.isEmpty()) {
                problem(problems, "rotationPolicy.attributes.expiryTime",
                        "'" + rotationPolicy.expiryTime() + "' is not an ISO 8601 duration", "use a value such as P1Y or P90D");
            } else if (expiryDays.getAsDouble() < MIN_EXPIRY_DAYS) {
                problem(problems, "rotationPolicy.attributes.expiryTime",
                        rotationPolicy.expiryTime() + " is shorter than the minimum P28D", "use P28D or longer, for example P1Y");
            }
            if (rotationPolicy.lifetimeActions().isEmpty()) {
                problem(problems, "rotationPolicy.lifetimeActions", "the list is empty, and Key Vault rejects a policy"
                        + " without actions", "add LifetimeAction.notifyBeforeExpiry(\"P30D\")");
            }
            for (LifetimeAction action : rotationPolicy.lifetimeActions()) {
                validateTrigger(action, expiryDays, problems);
            }
        }

        private void validateTrigger(LifetimeAction action, OptionalDouble expiryDays, List<ModelProblem> problems) {
            String property = "rotationPolicy.lifetimeActions[" + action.type().value() + "].trigger";
            boolean hasAfterCreate = action.timeAfterCreate() != null;
            boolean hasBeforeExpiry = action.timeBeforeExpiry() != null;
            if (hasAfterCreate == hasBeforeExpiry) {
                problem(problems, property, "exactly one of timeAfterCreate and timeBeforeExpiry must be set",
                        "set timeBeforeExpiry, for example P30D");
                return;
            }
            if (hasAfterCreate && action.type() == KeyRotationActionType.NOTIFY) {
                problem(problems, property + ".timeAfterCreate", "timeAfterCreate applies only to the rotate action",
                        "use timeBeforeExpiry for notify");
                return;
            }
            String duration = hasAfterCreate ? action.timeAfterCreate() : action.timeBeforeExpiry();
            OptionalDouble days = Iso8601Durations.toDays(duration);
            if (days.isEmpty()) {
                problem(problems, property, "'" + duration + "' is not an ISO 8601 duration", "use a value such as P30D");
                return;
            }
            if (days.getAsDouble() < MIN_TRIGGER_DAYS) {
                problem(problems, property, duration + " is under the minimum of 7 days", "use P7D or more, for example P30D");
            }
            if (expiryDays.isPresent() && days.getAsDouble() > expiryDays.getAsDouble() - MIN_TRIGGER_DAYS) {
                problem(problems, property, duration + " leaves less than 7 days between creation and the trigger"
                                + " for versions that expire after " + rotationPolicy.expiryTime(),
                        "choose a trigger at least 7 days after creation and 7 days before expiry");
            }
        }

        private void validateConfidentialVmKey(List<ModelProblem> problems) {
            if (!"RSA-HSM".equals(kty)) {
                problem(problems, "kty", "a Confidential VM disk key must be RSA-HSM, found '" + kty + "'",
                        "use withKty(\"RSA-HSM\") in a premium vault");
            }
            if (!Boolean.TRUE.equals(exportable)) {
                problem(problems, "attributes.exportable", "a Confidential VM releases the key into the VM after"
                        + " attestation, so it must be exportable", "remove withExportable(false)");
            }
            if (exp == null) {
                problem(problems, "attributes.exp", "the key has no expiry, so KeyNearExpiry never fires and no"
                        + " expiry alert is ever sent", "set withExpiresOn(...) to a fixed date");
            }
            if (rotationPolicy == null) {
                problem(problems, "rotationPolicy", "the key has no rotation policy, so no KeyNearExpiry notification"
                        + " is scheduled", "add RotationPolicy.notifyOnly(\"P1Y\", \"P30D\")");
                return;
            }
            boolean rotates = rotationPolicy.lifetimeActions().stream()
                    .anyMatch(action -> action.type() == KeyRotationActionType.ROTATE);
            if (rotates) {
                problem(problems, "rotationPolicy.lifetimeActions", "a rotate action is set, but Confidential VMs do"
                                + " not support automatic key rotation",
                        "use notify only and rotate offline with 'cvmkeys rotate'");
            }
        }

        @Override
        protected void fill() {
            ObjectExpr attributes = ObjectExpr.create()
                    .put("enabled", enabled)
                    .put("exp", exp);
            if (exportable != null) {
                attributes.put("exportable", exportable);
            }
            properties()
                    .put("kty", kty)
                    .put("keySize", keySize)
                    .put("keyOps", ArrayExpr.ofStrings(keyOps))
                    .put("attributes", attributes);
            if (releasePolicy != null) {
                properties().put("release_policy", ObjectExpr.create()
                        .put("contentType", ReleasePolicy.CONTENT_TYPE)
                        .put("data", releasePolicy.data()));
            }
            if (rotationPolicy != null) {
                properties().put("rotationPolicy", rotationPolicyObject());
            }
        }

        private ObjectExpr rotationPolicyObject() {
            List<Expr> actions = new ArrayList<>();
            for (LifetimeAction action : rotationPolicy.lifetimeActions()) {
                ObjectExpr trigger = ObjectExpr.create()
                        .put("timeAfterCreate", action.timeAfterCreate())
                        .put("timeBeforeExpiry", action.timeBeforeExpiry());
                actions.add(ObjectExpr.create()
                        .put("trigger", trigger)
                        .put("action", ObjectExpr.create().put("type", action.type().value())));
            }
            return ObjectExpr.create()
                    .put("attributes", ObjectExpr.create().put("expiryTime", rotationPolicy.expiryTime()))
                    .put("lifetimeActions", ArrayExpr.of(actions));
        }

        @Override
        protected VaultKey create() {
            return new VaultKey(this);
        }
    }
}
