package io.cvmkeys.dsl.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.expr.Literal;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.Parameter;
import io.cvmkeys.dsl.model.Template;
import io.cvmkeys.dsl.write.ArmTemplateWriter;
import io.cvmkeys.dsl.write.BicepWriter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Builders not covered by the golden sample templates: diagnostic settings, generic resources, destinations. */
class OtherBuildersTest {

    @Test
    void diagnosticSettingsScopeTheVault() {
        Template template = Template.named("t");
        Parameter workspace = template.parameter(Parameter.string("logAnalyticsWorkspaceId"));
        KeyVault vault = template.add(KeyVault.define("vault").withName("kv-test-001").withLocation("westeurope"));
        template.add(DiagnosticSettings.define("vaultDiagnostics").withName("to-log-analytics").withScope(vault).withWorkspace(workspace));

        JsonNode diagnostics = new ArmTemplateWriter().toJson(template).at("/resources/1");

        assertThat(diagnostics.get("type").asText()).isEqualTo("Microsoft.Insights/diagnosticSettings");
        assertThat(diagnostics.get("scope").asText()).isEqualTo("Microsoft.KeyVault/vaults/kv-test-001");
        assertThat(diagnostics.at("/properties/logs/0/categoryGroup").asText()).isEqualTo("audit");
        assertThat(diagnostics.at("/properties/metrics/0/category").asText()).isEqualTo("AllMetrics");
        assertThat(new BicepWriter().write(template)).contains("  scope: vault\n");
    }

    @Test
    void genericResourceCarriesAnyTypeAndTopLevelFields() {
        Template template = Template.named("t");
        template.add(GenericResource.define("hostPool", "Microsoft.DesktopVirtualization/hostPools", "2023-09-05")
                .withName("hp-avd-prd-weu-001")
                .withLocation("westeurope")
                .with("kind", Literal.of("Pooled"))
                .withProperties(ObjectExpr.create().put("hostPoolType", "Pooled").put("loadBalancerType", "BreadthFirst")));

        JsonNode hostPool = new ArmTemplateWriter().toJson(template).at("/resources/0");

        assertThat(hostPool.get("apiVersion").asText()).isEqualTo("2023-09-05");
        assertThat(hostPool.get("kind").asText()).isEqualTo("Pooled");
        assertThat(hostPool.at("/properties/loadBalancerType").asText()).isEqualTo("BreadthFirst");
    }

    @Test
    void roleAssignmentNameIsDeterministicGuid() {
        KeyVault vault = KeyVault.define("vault").withName("kv-test-001").build();
        RoleAssignment assignment = RoleAssignment.define("ra").withScope(vault)
                .withRole(BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_RELEASE_USER)
                .withPrincipalId("22222222-2222-2222-2222-222222222222")
                .withPrincipalType(PrincipalType.SERVICE_PRINCIPAL)
                .build();

        assertThat(assignment.name().toArmExpression()).isEqualTo("guid(resourceId('Microsoft.KeyVault/vaults', 'kv-test-001'),"
                + " '22222222-2222-2222-2222-222222222222', subscriptionResourceId('Microsoft.Authorization/roleDefinitions',"
                + " '08bbd89e-9f13-488c-ac41-acfcb10c90ab'))");
    }

    @Test
    void releasePolicyDoesNotPinAttestationType() {
        ReleasePolicy policy = ReleasePolicy.confidentialVm("https://sharedweu.weu.attest.azure.net");

        assertThat(policy.json()).contains("\"claim\":\"x-ms-compliance-status\"", "\"equals\":\"azure-compliant-cvm\"")
                .doesNotContain("x-ms-attestation-type");
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(policy.data()), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(policy.json());
    }

    @Test
    void rotationActionParsesEitherCase() {
        assertThat(KeyRotationActionType.parse("Notify")).isEqualTo(KeyRotationActionType.NOTIFY);
        assertThat(KeyRotationActionType.parse("rotate")).isEqualTo(KeyRotationActionType.ROTATE);
        assertThat(KeyRotationActionType.NOTIFY.value()).isEqualTo("notify");
    }

    @Test
    void otherDestinationsRender() {
        assertThat(EventSubscriptionDestination.storageQueue(Literal.of("/sa"), "expiry").endpointType()).isEqualTo("StorageQueue");
        assertThat(EventSubscriptionDestination.webHook(Parameter.secureString("hook")).problem()).isNull();
        assertThat(EventSubscriptionDestination.webHook(Literal.of("https://x")).problem()).contains("not a secure parameter");
    }
}
