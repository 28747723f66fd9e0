package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.Exprs;
import io.cvmkeys.dsl.expr.Literal;
import io.cvmkeys.dsl.model.InvalidModelException;
import io.cvmkeys.dsl.model.Parameter;
import io.cvmkeys.dsl.model.Template;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule that makes a builder reject its settings, with the message the user sees. */
class BuildRejectionsTest {

    private static final ReleasePolicy CVM_POLICY = ReleasePolicy.confidentialVm("https://sharedweu.weu.attest.azure.net");
    private static final Instant EXPIRY = Instant.parse("2027-12-01T00:00:00Z");
    private static final String VERSIONED_URL = "https://kv-avd-cmk-prd-weu-001.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef";

    private static KeyVault premiumVault() {
        return KeyVault.define("vault").withName("kv-avd-cmk-prd-weu-001").withLocation("westeurope").build();
    }

    private static VaultKey.Builder cvmKey() {
        return VaultKey.define("key", premiumVault()).withName("cmk")
                .withExpiresOn(EXPIRY)
                .withReleasePolicy(CVM_POLICY)
                .withRotationPolicy(RotationPolicy.notifyOnly("P1Y", "P30D"))
                .forConfidentialVms();
    }

    private static DiskEncryptionSet.Builder des() {
        return DiskEncryptionSet.define("des").withName("des-avd-prd-cmk-weu-001").withLocation("westeurope")
                .withUserAssignedIdentity(Literal.of("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id"))
                .withActiveKey(Literal.of(VERSIONED_URL));
    }

    private static EventSubscription.Builder subscription(EventSubscriptionDestination destination) {
        SystemTopic topic = SystemTopic.define("topic").withName("evgt").withLocation("westeurope")
                .withSource(Literal.of("/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv")).build();
        return EventSubscription.define("expiry", topic).withName("key-expiry").withDestination(destination);
    }

    private static EventSubscriptionDestination alert(String severity) {
        return EventSubscriptionDestination.monitorAlert(severity, List.of(Literal.of("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag")), "Key expiry");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable build) {
        return assertThatThrownBy(build).isInstanceOf(InvalidModelException.class);
    }

    @Test
    void validDefaultsBuild() {
        assertThatCode(() -> cvmKey().build()).doesNotThrowAnyException();
        assertThatCode(() -> des().build()).doesNotThrowAnyException();
        assertThatCode(() -> subscription(alert("Sev2")).build()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kv", "1kv-avd", "kv--avd", "kv-avd-", "kv_avd", "kv-avd-cmk-prd-weu-0001-x"})
    void keyVaultNameRulesRejectInvalidNames(String name) {
        assertRejected(() -> KeyVault.define("vault").withName(name).build())
                .hasMessage("Microsoft.KeyVault/vaults 'vault' property name: '" + name + "' breaks the Key Vault naming"
                        + " rules. Fix: use 3-24 letters, digits and hyphens, start with a letter, end with a letter or"
                        + " digit, and no consecutive hyphens.");
    }

    @Test
    void keyVaultNameRuleChecksParameterDefault() {
        Parameter name = Parameter.string("vaultName").withDefault("kv--bad");

        assertRejected(() -> KeyVault.define("vault").withName(name).build()).hasMessageContaining("'kv--bad' breaks");
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 91})
    void softDeleteRetentionOutsideRangeIsRejected(int days) {
        assertRejected(() -> KeyVault.define("vault").withName("kv-test-001").withSoftDeleteRetentionInDays(days).build())
                .hasMessageContaining("property softDeleteRetentionInDays: " + days + " is outside the allowed 7..90 days")
                .hasMessageContaining("Fix: set a retention between 7 and 90 days");
    }

    @Test
    void purgeProtectionFalseIsRejected() {
        assertRejected(() -> KeyVault.define("vault").withName("kv-test-001").withEnablePurgeProtection(false).build())
                .hasMessageContaining("property enablePurgeProtection: false is rejected by ARM")
                .hasMessageContaining("Fix: keep enablePurgeProtection true");
    }

    @Test
    void hsmKeyInStandardVaultIsRejected() {
        KeyVault standard = KeyVault.define("vault").withName("kv-test-001").withSku(KeyVaultSku.STANDARD).build();

        assertRejected(() -> VaultKey.define("key", standard).withName("cmk").build())
                .hasMessageContaining("Microsoft.KeyVault/vaults/keys 'key' property kty: RSA-HSM needs an HSM, but vault"
                        + " Microsoft.KeyVault/vaults 'vault' has the standard SKU")
                .hasMessageContaining("premium SKU");
    }

    @Test
    void exportableWithoutReleasePolicyIsRejected() {
        assertRejected(() -> VaultKey.define("key", premiumVault()).withName("cmk").withExportable(true).build())
                .hasMessageContaining("property attributes.exportable: an exportable key needs a release policy")
                .hasMessageContaining("AKV.SKR.1004");
    }

    @Test
    void releasePolicyWithoutExportableIsRejected() {
        assertRejected(() -> VaultKey.define("key", premiumVault()).withName("cmk").withReleasePolicy(CVM_POLICY).build())
                .hasMessageContaining("property release_policy: a release policy is only allowed on an exportable key")
                .hasMessageContaining("AKV.SKR.1005");
    }

    @Test
    void rotationExpiryUnder28DaysIsRejected() {
        assertRejected(() -> cvmKey().withRotationPolicy(RotationPolicy.notifyOnly("P27D", "P7D")).build())
                .hasMessageContaining("property rotationPolicy.attributes.expiryTime: P27D is shorter than the minimum P28D");
    }

    @Test
    void emptyLifetimeActionsAreRejected() {
        assertRejected(() -> cvmKey().withRotationPolicy(new RotationPolicy("P1Y", List.of())).build())
                .hasMessageContaining("property rotationPolicy.lifetimeActions: the list is empty");
    }

    @Test
    void notifyTriggerUnderSevenDaysIsRejected() {
        assertRejected(() -> cvmKey().withRotationPolicy(RotationPolicy.notifyOnly("P1Y", "P6D")).build())
                .hasMessageContaining("property rotationPolicy.lifetimeActions[notify].trigger: P6D is under the minimum of 7 days");
    }

    @Test
    void notifyTriggerTooCloseToExpiryIsRejected() {
        assertRejected(() -> cvmKey().withRotationPolicy(RotationPolicy.notifyOnly("P30D", "P25D")).build())
                .hasMessageContaining("P25D leaves less than 7 days between creation and the trigger for versions that expire after P30D");
    }

    @Test
    void notifyWithTimeAfterCreateIsRejected() {
        RotationPolicy policy = new RotationPolicy("P1Y", List.of(new LifetimeAction(KeyRotationActionType.NOTIFY, "P30D", null)));

        assertRejected(() -> cvmKey().withRotationPolicy(policy).build())
                .hasMessageContaining("timeAfterCreate applies only to the rotate action");
    }

    @Test
    void rotateActionOnConfidentialVmKeyIsRejected() {
        RotationPolicy policy = new RotationPolicy("P1Y", List.of(LifetimeAction.rotateBeforeExpiry("P30D")));

        assertRejected(() -> cvmKey().withRotationPolicy(policy).build())
                .hasMessageContaining("property rotationPolicy.lifetimeActions: a rotate action is set, but Confidential VMs"
                        + " do not support automatic key rotation")
                .hasMessageContaining("Fix: use notify only and rotate offline with 'cvmkeys rotate'");
    }

    @Test
    void softwareKeyForConfidentialVmsIsRejected() {
        assertRejected(() -> cvmKey().withKty("RSA").build())
                .hasMessageContaining("a Confidential VM disk key must be RSA-HSM, found 'RSA'");
    }

    @Test
    void confidentialVmKeyWithoutExpiryIsRejected() {
        assertRejected(() -> VaultKey.define("key", premiumVault()).withName("cmk").withReleasePolicy(CVM_POLICY)
                .withRotationPolicy(RotationPolicy.notifyOnly("P1Y", "P30D")).forConfidentialVms().build())
                .hasMessageContaining("property attributes.exp: the key has no expiry, so KeyNearExpiry never fires");
    }

    @Test
    void invalidRsaKeySizeIsRejected() {
        assertRejected(() -> cvmKey().withKeySize(1024).build())
                .hasMessageContaining("property keySize: 1024 is not a valid RSA key size");
    }

    @Test
    void versionlessKeyUrlOnConfidentialDesIsRejected() {
        String versionless = "https://kv-avd-cmk-prd-weu-001.vault.azure.net/keys/cmk";

        assertRejected(() -> des().withActiveKey(Literal.of(versionless)).build())
                .hasMessageContaining("property activeKey.keyUrl: '" + versionless + "' is not a versioned key URL")
                .hasMessageContaining("keyUriWithVersion");
    }

    @Test
    void versionlessKeyUriReferenceOnConfidentialDesIsRejected() {
        VaultKey key = cvmKey().build();

        assertRejected(() -> des().withActiveKey(key.keyUri()).build())
                .hasMessageContaining("the versionless keyUri is used, but the URL must include the key version");
    }

    @Test
    void autoRotationOnConfidentialDesIsRejected() {
        assertRejected(() -> des().withRotationToLatestKeyVersionEnabled(true).build())
                .hasMessageContaining("property rotationToLatestKeyVersionEnabled: true is not supported for Confidential VM encryption");
    }

    @Test
    void monitorAlertWithoutCloudEventsIsRejected() {
        assertRejected(() -> subscription(alert("Sev2")).withEventDeliverySchema(EventDeliverySchema.EVENT_GRID_SCHEMA).build())
                .hasMessageContaining("property eventDeliverySchema: EventGridSchema is set, but the MonitorAlert destination"
                        + " accepts only CloudEventSchemaV1_0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sev5", "High", ""})
    void monitorAlertWithInvalidSeverityIsRejected(String severity) {
        assertRejected(() -> subscription(alert(severity)).build())
                .hasMessageContaining("severity '" + severity + "' is not one of Sev0, Sev1, Sev2, Sev3, Sev4");
    }

    @Test
    void monitorAlertWithoutSeverityIsRejected() {
        assertRejected(() -> subscription(alert(null)).build())
                .hasMessageContaining("no severity is set, and the MonitorAlert destination requires one");
    }

    @Test
    void monitorAlertSeverityParameterMustRestrictValues() {
        Parameter severity = Parameter.string("severity");
        EventSubscriptionDestination destination = EventSubscriptionDestination.monitorAlert(severity,
                List.of(Literal.of("/ag")), "x");

        assertRejected(() -> subscription(destination).build())
                .hasMessageContaining("does not restrict its allowed values to Sev0..Sev4");
    }

    @Test
    void monitorAlertOnOldApiVersionIsRejected() {
        assertRejected(() -> subscription(alert("Sev2")).withApiVersion("2022-06-15").build())
                .hasMessageContaining("property apiVersion: 2022-06-15 predates the MonitorAlert destination")
                .hasMessageContaining("2023-12-15-preview or later");
    }

    @Test
    void actionGroupShortNameOverTwelveCharactersIsRejected() {
        assertRejected(() -> ActionGroup.define("ag").withName("ag-cmk").withGroupShortName("CMKExpiryAlerts").build())
                .hasMessageContaining("property groupShortName: 'CMKExpiryAlerts' has 15 characters, more than the maximum of 12");
    }

    @Test
    void invalidEmailReceiverIsRejected() {
        assertRejected(() -> ActionGroup.define("ag").withName("ag-cmk").withGroupShortName("CMKExpiry")
                .withEmailReceiver("oncall", "oncall-at-contoso").build())
                .hasMessageContaining("property emailReceivers[oncall].emailAddress: 'oncall-at-contoso' is not a valid e-mail address");
    }

    @Test
    void plainWebhookUriIsRejected() {
        assertRejected(() -> ActionGroup.define("ag").withName("ag-cmk").withGroupShortName("CMKExpiry")
                .withWebhookReceiver("hook", Literal.of("https://hooks.contoso-health.eu/alert?token=abc")).build())
                .hasMessageContaining("the URI is not a secure parameter");
    }

    @Test
    void roleAssignmentWithoutPrincipalTypeIsRejected() {
        assertRejected(() -> RoleAssignment.define("ra").withScope(premiumVault())
                .withRole(BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER)
                .withPrincipalId("11111111-1111-1111-1111-111111111111").build())
                .hasMessageContaining("property principalType: it is not set, so a just-created identity fails with PrincipalNotFound")
                .hasMessageContaining("PrincipalType.SERVICE_PRINCIPAL");
    }

    @Test
    void secureParameterWithDefaultIsRejected() {
        assertRejected(() -> Parameter.secureString("webhookUri").withDefault("https://hooks.contoso-health.eu/x"))
                .hasMessageContaining("a secure parameter must not have a default value");
    }

    @Test
    void duplicateSymbolIsRejected() {
        Template template = Template.named("t");
        template.parameter(Parameter.string("vault"));

        assertRejected(() -> template.add(KeyVault.define("vault").withName("kv-test-001")))
                .hasMessageContaining("'vault' is declared twice");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertRejected(() -> KeyVault.define("vault").withName("kv--x").withSoftDeleteRetentionInDays(3)
                .withEnablePurgeProtection(false).build())
                .hasMessageStartingWith("3 problems:");
    }

    @Test
    void childResourceNeedsParentInTemplate() {
        Template template = Template.named("t");
        VaultKey key = cvmKey().build();

        assertRejected(() -> template.add(key))
                .hasMessageContaining("it refers to Microsoft.KeyVault/vaults 'vault', which is not in template 't'");
    }

    @Test
    void missingNameIsRejected() {
        assertRejected(() -> UserAssignedIdentity.define("identity").withLocation(Exprs.resourceGroup().property("location")).build())
                .hasMessageContaining("property name: the name is not set");
    }
}
