package io.cvmkeys.modules.stack;

import io.cvmkeys.dsl.expr.Exprs;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.Output;
import io.cvmkeys.dsl.model.Parameter;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.Template;
import io.cvmkeys.dsl.resources.BuiltInRole;
import io.cvmkeys.dsl.resources.DiagnosticSettings;
import io.cvmkeys.dsl.resources.KeyVault;
import io.cvmkeys.dsl.resources.PrincipalType;
import io.cvmkeys.dsl.resources.PrivateDnsZoneGroup;
import io.cvmkeys.dsl.resources.PrivateEndpoint;
import io.cvmkeys.dsl.resources.ReleasePolicy;
import io.cvmkeys.dsl.resources.RoleAssignment;
import io.cvmkeys.dsl.resources.RotationPolicy;
import io.cvmkeys.dsl.resources.UserAssignedIdentity;
import io.cvmkeys.dsl.resources.VaultKey;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.dsl.write.ParameterValue;
import io.cvmkeys.modules.env.AttestationAuthorities;
import io.cvmkeys.modules.env.Environment;

import java.util.List;
import java.util.Map;

/**
 * The vault stage: the Disk Encryption Set's identity, the vault with its private endpoint and the Confidential VM
 * disk key. Two roles on the key let the identity wrap keys (Crypto Service Encryption User) and the Confidential VM
 * Orchestrator release it (Crypto Service Release User). Audit logs go to Log Analytics when a workspace is set.
 */
public final class VaultStage {

    public static final String NAME = "vault";

    private VaultStage() {
    }

    public static Stage build(Environment environment) {
        Template template = Template.named(NAME)
                .withDescription("Key Vault, Confidential VM disk key and key roles for the Disk Encryption Set");
        Parameter location = template.parameter(Parameter.string("location")
                .withDescription("Region of the vault; the Disk Encryption Set and session hosts must use the same one.")
                .withDefault(Exprs.resourceGroup().property("location")));
        Parameter tags = template.parameter(Parameter.object("tags").withDefault(ObjectExpr.create()));
        Parameter identityName = template.parameter(Parameter.string("identityName")
                .withDescription("User-assigned identity of the Disk Encryption Set."));
        Parameter vaultName = template.parameter(Parameter.string("vaultName")
                .withMinLength(3).withMaxLength(24).withDescription("Globally unique Key Vault name."));
        Parameter keyName = template.parameter(Parameter.string("keyName"));
        Parameter keySize = template.parameter(Parameter.integer("keySize").withAllowedValues(2048, 3072, 4096)
                .withDescription("RSA key size in bits."));
        Parameter keyExpiry = template.parameter(Parameter.integer("keyExpiry")
                .withDescription("Expiry of the first key version in seconds since 1970-01-01 UTC, fixed so a re-deploy"
                        + " sends the same key."));
        Parameter orchestratorObjectId = template.parameter(Parameter.string("orchestratorObjectId")
                .withDescription("Object id of the Confidential VM Orchestrator service principal in this tenant."));
        Parameter subnetId = template.parameter(Parameter.string("privateEndpointSubnetId"));
        Parameter dnsZoneId = template.parameter(Parameter.string("privateDnsZoneId")
                .withDescription("The privatelink.vaultcore.azure.net private DNS zone."));

        UserAssignedIdentity identity = template.add(UserAssignedIdentity.define("desIdentity")
                .withName(identityName).withLocation(location).withTags(tags));
        KeyVault vault = template.add(KeyVault.define("vault")
                .withName(vaultName)
                .withLocation(location)
                .withTags(tags)
                .withSoftDeleteRetentionInDays(environment.keyVault().retentionDays()));
        VaultKey key = template.add(VaultKey.define("diskKey", vault)
                .withName(keyName)
                .withKeySize(keySize)
                .withExp(keyExpiry)
                .withReleasePolicy(ReleasePolicy.confidentialVm(attestationAuthority(environment)))
                .withRotationPolicy(RotationPolicy.notifyOnly(environment.key().rotationExpiryTime(),
                        "P" + environment.key().notifyDaysBeforeExpiry() + "D"))
                .forConfidentialVms());

        PrivateEndpoint endpoint = template.add(PrivateEndpoint.define("vaultPrivateEndpoint")
                .withName(privateEndpointName(environment, vaultName))
                .withLocation(location)
                .withTags(tags)
                .withSubnet(subnetId)
                .withPrivateLinkTo(vault, "vault"));
        template.add(PrivateDnsZoneGroup.define("vaultDnsZoneGroup", endpoint).withPrivateDnsZone(dnsZoneId));

        Resource encryptionUserScope = environment.key().encryptionUserOnVault() ? vault : key;
        template.add(RoleAssignment.define("desIdentityEncryptionUser")
                .withDescription("Lets the Disk Encryption Set wrap and unwrap disk keys.")
                .withScope(encryptionUserScope)
                .withRole(BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER)
                .withPrincipalId(identity.principalId())
                .withPrincipalType(PrincipalType.SERVICE_PRINCIPAL));
        template.add(RoleAssignment.define("orchestratorReleaseUser")
                .withDescription("Lets the Confidential VM Orchestrator release the key into attested VMs.")
                .withScope(key)
                .withRole(BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_RELEASE_USER)
                .withPrincipalId(orchestratorObjectId)
                .withPrincipalType(PrincipalType.SERVICE_PRINCIPAL));

        String workspaceId = environment.keyVault().logAnalyticsWorkspaceId();
        if (workspaceId != null) {
            Parameter workspace = template.parameter(Parameter.string("logAnalyticsWorkspaceId"));
            template.add(DiagnosticSettings.define("vaultAuditLogs").withName("cvmkeys-audit")
                    .withScope(vault).withWorkspace(workspace));
        }

        template.output(Output.string(StackOutputs.VAULT_ID, vault.id(), "Resource id of the vault."));
        template.output(Output.string(StackOutputs.VAULT_URI, vault.vaultUri(), "Data-plane URI of the vault."));
        template.output(Output.string(StackOutputs.KEY_URI_WITH_VERSION, key.keyUriWithVersion(),
                "Versioned key URL for the Disk Encryption Set."));
        template.output(Output.string(StackOutputs.IDENTITY_ID, identity.id(), "Resource id of the identity."));
        template.output(Output.string(StackOutputs.IDENTITY_PRINCIPAL_ID, identity.principalId(),
                "Object id of the identity's service principal."));

        return new Stage(template, environment.resourceGroups().keyVault(), values(environment), List.of());
    }

    private static io.cvmkeys.dsl.expr.Expr privateEndpointName(Environment environment, Parameter vaultName) {
        String configured = environment.keyVault().privateEndpoint().name();
        return configured != null ? io.cvmkeys.dsl.expr.Literal.of(configured) : Exprs.interpolate("pe-", vaultName);
    }

    static String attestationAuthority(Environment environment) {
        String configured = environment.key().attestationAuthority();
        if (configured != null) {
            return configured;
        }
        return AttestationAuthorities.sharedProvider(environment.location()).orElseThrow(() -> new IllegalStateException(
                "No attestation authority for " + environment.location() + "; the environment loader should have rejected it."));
    }

    private static Map<String, ParameterValue> values(Environment environment) {
        Map<String, ParameterValue> values = new java.util.LinkedHashMap<>();
        values.put("location", ParameterValue.of(environment.location()));
        values.put("tags", StackValues.tags(environment));
        values.put("identityName", ParameterValue.of(environment.identity().name()));
        values.put("vaultName", ParameterValue.of(environment.keyVault().name()));
        values.put("keyName", ParameterValue.of(environment.key().name()));
        values.put("keySize", StackValues.number(environment.key().size()));
        values.put("keyExpiry", StackValues.number(environment.key().expiresOn().getEpochSecond()));
        values.put("orchestratorObjectId", ParameterValue.of(environment.confidentialVmOrchestratorObjectId()));
        values.put("privateEndpointSubnetId", ParameterValue.of(environment.keyVault().privateEndpoint().subnetId()));
        values.put("privateDnsZoneId", ParameterValue.of(environment.keyVault().privateEndpoint().privateDnsZoneId()));
        if (environment.keyVault().logAnalyticsWorkspaceId() != null) {
            values.put("logAnalyticsWorkspaceId", ParameterValue.of(environment.keyVault().logAnalyticsWorkspaceId()));
        }
        return values;
    }
}
