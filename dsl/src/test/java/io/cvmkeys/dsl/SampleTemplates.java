package io.cvmkeys.dsl;

import io.cvmkeys.dsl.expr.Exprs;
import io.cvmkeys.dsl.model.Output;
import io.cvmkeys.dsl.model.Parameter;
import io.cvmkeys.dsl.model.Template;
import io.cvmkeys.dsl.resources.ActionGroup;
import io.cvmkeys.dsl.resources.BuiltInRole;
import io.cvmkeys.dsl.resources.DiskEncryptionSet;
import io.cvmkeys.dsl.resources.EventSubscription;
import io.cvmkeys.dsl.resources.EventSubscriptionDestination;
import io.cvmkeys.dsl.resources.KeyVault;
import io.cvmkeys.dsl.resources.PrincipalType;
import io.cvmkeys.dsl.resources.PrivateDnsZoneGroup;
import io.cvmkeys.dsl.resources.PrivateEndpoint;
import io.cvmkeys.dsl.resources.ReleasePolicy;
import io.cvmkeys.dsl.resources.RoleAssignment;
import io.cvmkeys.dsl.resources.RotationPolicy;
import io.cvmkeys.dsl.resources.SystemTopic;
import io.cvmkeys.dsl.resources.UserAssignedIdentity;
import io.cvmkeys.dsl.resources.VaultKey;

import java.time.Instant;
import java.util.List;

/** Templates built with every builder, shared by the writer, validation and policy tests. */
public final class SampleTemplates {

    /** Fixed expiry of the sample key: 2027-12-01T00:00:00Z. */
    public static final Instant KEY_EXPIRY = Instant.parse("2027-12-01T00:00:00Z");

    private SampleTemplates() {
    }

    /** Vault, key, identity, private endpoint and both roles, as the vault stage deploys them. */
    public static Template vault() {
        Template template = Template.named("vault")
                .withDescription("Key Vault, Confidential VM disk key and access for the Disk Encryption Set");
        Parameter location = template.parameter(Parameter.string("location")
                .withDescription("Region of the vault; the Disk Encryption Set must be in the same region.")
                .withDefault(Exprs.resourceGroup().property("location")));
        Parameter vaultName = template.parameter(Parameter.string("vaultName")
                .withMinLength(3).withMaxLength(24)
                .withDescription("Globally unique Key Vault name."));
        Parameter keyName = template.parameter(Parameter.string("keyName"));
        Parameter keySize = template.parameter(Parameter.integer("keySize").withAllowedValues(3072, 4096).withDefault(3072));
        Parameter identityName = template.parameter(Parameter.string("identityName"));
        Parameter orchestratorObjectId = template.parameter(Parameter.string("orchestratorObjectId")
                .withDescription("Object id of the Confidential VM Orchestrator service principal in this tenant."));
        Parameter subnetId = template.parameter(Parameter.string("privateEndpointSubnetId"));
        Parameter dnsZoneId = template.parameter(Parameter.string("privateDnsZoneId"));
        Parameter tags = template.parameter(Parameter.object("tags").withDefault(io.cvmkeys.dsl.expr.ObjectExpr.create()));

        UserAssignedIdentity identity = template.add(UserAssignedIdentity.define("desIdentity")
                .withName(identityName).withLocation(location).withTags(tags));
        KeyVault vault = template.add(KeyVault.define("vault")
                .withName(vaultName).withLocation(location).withTags(tags));
        VaultKey key = template.add(VaultKey.define("diskKey", vault)
                .withName(keyName)
                .withKeySize(keySize)
                .withExpiresOn(KEY_EXPIRY)
                .withReleasePolicy(ReleasePolicy.confidentialVm("https://sharedweu.weu.attest.azure.net"))
                .withRotationPolicy(RotationPolicy.notifyOnly("P1Y", "P30D"))
                .forConfidentialVms());
        PrivateEndpoint endpoint = template.add(PrivateEndpoint.define("vaultEndpoint")
                .withName(Exprs.interpolate("pe-", vaultName))
                .withLocation(location)
                .withTags(tags)
                .withSubnet(subnetId)
                .withPrivateLinkTo(vault, "vault"));
        template.add(PrivateDnsZoneGroup.define("vaultDnsZoneGroup", endpoint).withPrivateDnsZone(dnsZoneId));
        template.add(RoleAssignment.define("desKeyEncryptionUser")
                .withScope(key)
                .withRole(BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER)
                .withPrincipalId(identity.principalId())
                .withPrincipalType(PrincipalType.SERVICE_PRINCIPAL));
        template.add(RoleAssignment.define("orchestratorKeyReleaseUser")
                .withScope(key)
                .withRole(BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_RELEASE_USER)
                .withPrincipalId(orchestratorObjectId)
                .withPrincipalType(PrincipalType.SERVICE_PRINCIPAL));

        template.output(Output.string("vaultId", vault.id(), null));
        template.output(Output.string("keyUriWithVersion", key.keyUriWithVersion(), "Versioned key URL for the Disk Encryption Set."));
        template.output(Output.string("identityId", identity.id(), null));
        return template;
    }

    /** The Disk Encryption Set, wired to the vault stage's outputs through parameters. */
    public static Template diskEncryptionSet() {
        Template template = Template.named("des");
        Parameter location = template.parameter(Parameter.string("location").withDefault(Exprs.resourceGroup().property("location")));
        Parameter desName = template.parameter(Parameter.string("desName"));
        Parameter vaultName = template.parameter(Parameter.string("vaultName"));
        Parameter keyUrl = template.parameter(Parameter.string("keyUriWithVersion"));
        Parameter identityId = template.parameter(Parameter.string("identityId"));

        KeyVault vault = template.add(KeyVault.define("vault").withName(vaultName).existing());
        DiskEncryptionSet des = template.add(DiskEncryptionSet.define("diskEncryptionSet")
                .withName(desName)
                .withLocation(location)
                .withUserAssignedIdentity(identityId)
                .withActiveKey(keyUrl)
                .withSourceVault(vault.id()));
        template.output(Output.string("diskEncryptionSetId", des.id(), null));
        return template;
    }

    /** Action group, system topic on the vault and the MonitorAlert event subscription. */
    public static Template alerts() {
        Template template = Template.named("alerts");
        Parameter location = template.parameter(Parameter.string("location").withDefault(Exprs.resourceGroup().property("location")));
        Parameter vaultName = template.parameter(Parameter.string("vaultName"));
        Parameter actionGroupName = template.parameter(Parameter.string("actionGroupName"));
        Parameter receivers = template.parameter(Parameter.array("emailReceivers")
                .withDescription("E-mail receivers: objects with name and emailAddress."));
        Parameter webhook = template.parameter(Parameter.secureString("webhookUri"));
        Parameter topicName = template.parameter(Parameter.string("systemTopicName"));
        Parameter severity = template.parameter(Parameter.string("severity").withAllowedValues("Sev0", "Sev1", "Sev2", "Sev3", "Sev4").withDefault("Sev1"));

        KeyVault vault = template.add(KeyVault.define("vault").withName(vaultName).existing());
        ActionGroup group = template.add(ActionGroup.define("expiryActionGroup")
                .withName(actionGroupName)
                .withGroupShortName("CMKExpiry")
                .withEmailReceivers(receivers)
                .withWebhookReceiver("pipeline", webhook));
        SystemTopic topic = template.add(SystemTopic.define("vaultTopic")
                .withName(topicName)
                .withLocation(location)
                .withSource(vault.id()));
        template.add(EventSubscription.define("keyExpiry", topic)
                .withName("key-expiry")
                .withDestination(EventSubscriptionDestination.monitorAlert(severity, List.of(group.id()),
                        "Disk encryption key of the Confidential VM session hosts is near expiry or changed")));
        return template;
    }
}
