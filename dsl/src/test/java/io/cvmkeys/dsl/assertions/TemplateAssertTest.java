package io.cvmkeys.dsl.assertions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.policy.ParameterValues;
import io.cvmkeys.dsl.policy.PolicyEngine;
import io.cvmkeys.dsl.policy.Suppression;
import io.cvmkeys.dsl.policy.TestTemplates;
import io.cvmkeys.dsl.validate.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cvmkeys.dsl.assertions.TemplateAssertions.assertThat;
import static io.cvmkeys.dsl.policy.TestTemplates.set;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateAssertTest {

    private static final String VAULTS = "Microsoft.KeyVault/vaults";
    private static final String KEYS = "Microsoft.KeyVault/vaults/keys";
    private static final String ROLES = "Microsoft.Authorization/roleAssignments";

    private final ObjectNode good = TestTemplates.good();

    @Test
    void resourceCountPasses() {
        assertThat(good)
                .hasResourceCount(VAULTS, 1)
                .hasResourceCount("microsoft.keyvault/VAULTS", 1)
                .hasResourceCount(ROLES, 2)
                .hasResourceCount("Microsoft.Network/privateEndpoints", 0);
    }

    @Test
    void resourceCountFailureListsResources() {
        assertThatThrownBy(() -> assertThat(good).hasResourceCount(ROLES, 3))
                .hasMessageContaining("expected 3 resources of type Microsoft.Authorization/roleAssignments but found 2: resources[3]"
                        + " Microsoft.Authorization/roleAssignments '[guid(variables('keyId'), parameters('identityName'),"
                        + " variables('encryptionUserRoleId'))]', resources[4]");
    }

    @Test
    void resourcePropertiesPartialMatchPasses() {
        assertThat(good)
                .hasResourceProperties(VAULTS, Map.of(
                        "enablePurgeProtection", true,
                        "sku", Map.of("name", "premium"),
                        "networkAcls", Match.objectLike(Map.of("defaultAction", "Deny"))))
                .hasResourceProperties(KEYS, Map.of(
                        "kty", "RSA-HSM",
                        "keySize", 3072L,
                        "keyOps", List.of("wrapKey", "unwrapKey"),
                        "attributes", Map.of("exportable", true, "exp", Match.anyValue()),
                        "release_policy", Map.of("data", Match.stringLikeRegexp("[A-Za-z0-9_-]+")),
                        "curveName", Match.absent()))
                .hasResourceProperties(ROLES, TestTemplates.json("{'principalType': 'ServicePrincipal'}"));
    }

    @Test
    void arrayMatchesExactlyUnlessArrayWith() {
        assertThat(good).hasResourceProperties(KEYS, Map.of("keyOps", Match.arrayWith("unwrapKey")));

        assertThatThrownBy(() -> assertThat(good).hasResourceProperties(KEYS, Map.of("keyOps", List.of("unwrapKey"))))
                .hasMessageContaining("expected properties.keyOps to be [\"unwrapKey\"] but was [\"wrapKey\",\"unwrapKey\"] in resources[1]");
        assertThatThrownBy(() -> assertThat(good).hasResourceProperties(KEYS, Map.of("keyOps", Match.arrayWith("unwrapKey", "wrapKey"))))
                .hasMessageContaining("expected properties.keyOps to contain [\"unwrapKey\",\"wrapKey\"] in this order"
                        + " but was [\"wrapKey\",\"unwrapKey\"]");
    }

    @Test
    void resourcePropertiesFailureNamesClosestResource() {
        ObjectNode template = TestTemplates.good();
        ObjectNode secondVault = template.withArray("resources").get(0).deepCopy();
        secondVault.put("name", "kv-logs-weu-001");
        secondVault.with("properties").put("enablePurgeProtection", false);
        secondVault.with("properties").with("sku").put("name", "standard");
        template.withArray("resources").insert(0, secondVault);
        set(template, "resources[1].properties.enablePurgeProtection", false);

        assertThatThrownBy(() -> assertThat(template).hasResourceProperties(VAULTS,
                Map.of("enablePurgeProtection", true, "sku", Map.of("name", "premium"))))
                .hasMessageContaining("expected properties.enablePurgeProtection to be true but was false in resources[1]"
                        + " Microsoft.KeyVault/vaults '[parameters('vaultName')]'")
                .hasMessageContaining("the closest of 2 is resources[1] Microsoft.KeyVault/vaults '[parameters('vaultName')]'"
                        + " with 1 difference(s)")
                .hasMessageNotContaining("sku.name");
    }

    @Test
    void absentPropertyIsReportedAsAbsent() {
        assertThatThrownBy(() -> assertThat(good).hasResourceProperties(VAULTS, Map.of("enableSoftDelete", Match.absent())))
                .hasMessageContaining("expected properties.enableSoftDelete to be absent but was true in resources[0]");
        assertThatThrownBy(() -> assertThat(good).hasResourceProperties(VAULTS, Map.of("createMode", "recover")))
                .hasMessageContaining("expected properties.createMode to be \"recover\" but was absent in resources[0]");
    }

    @Test
    void missingTypeListsTypesPresent() {
        assertThatThrownBy(() -> assertThat(good).hasResourceProperties("Microsoft.Network/privateEndpoints", Map.of()))
                .hasMessageContaining("expected a resource of type Microsoft.Network/privateEndpoints but the template has none;"
                        + " its resource types are [Microsoft.Authorization/roleAssignments, Microsoft.Compute/diskEncryptionSets,");
    }

    @Test
    void resourcePropertyByJsonPath() {
        assertThat(good).hasResource(KEYS)
                .hasProperty("$.properties.attributes.exportable", true)
                .hasProperty("properties.attributes.exportable", true)
                .hasProperty("properties.keyOps[1]", "unwrapKey")
                .hasProperty("properties['release_policy'].contentType", "application/json; charset=utf-8")
                .hasProperty("properties.rotationPolicy.lifetimeActions[0].action.type", Match.equalsIgnoringCase("Notify"))
                .doesNotHaveProperty("properties.attributes.nbf");
    }

    @Test
    void resourcePropertyFailureMessage() {
        set(good, "resources[0].properties.enablePurgeProtection", false);

        assertThatThrownBy(() -> assertThat(good).hasResource(VAULTS).hasProperty("$.properties.enablePurgeProtection", true))
                .hasMessageContaining("expected properties.enablePurgeProtection to be true but was false in resources[0]"
                        + " Microsoft.KeyVault/vaults '[parameters('vaultName')]'");
    }

    @Test
    void resourceByName() {
        assertThat(good).hasResource(VAULTS, "[parameters('vaultName')]").hasApiVersion("2023-07-01");

        assertThatThrownBy(() -> assertThat(good).hasResource(VAULTS, "kv-missing"))
                .hasMessageContaining("expected a resource of type Microsoft.KeyVault/vaults named 'kv-missing' but found only:"
                        + " resources[0] Microsoft.KeyVault/vaults '[parameters('vaultName')]'");
    }

    @Test
    void allResourcesOfTypeHaveProperty() {
        assertThat(good).allResourcesOfType(ROLES)
                .hasSize(2)
                .haveProperty("properties.principalType", "ServicePrincipal")
                .satisfy(role -> role.hasProperty("name", Match.stringLikeRegexp("\\[guid\\(.*\\)]")));
    }

    @Test
    void allResourcesOfTypeFailureListsEachResource() {
        set(good, "resources[4].properties.principalType", "User");

        assertThatThrownBy(() -> assertThat(good).allResourcesOfType(ROLES).haveProperty("properties.principalType", "ServicePrincipal"))
                .hasMessageContaining("1 of 2 resources of type Microsoft.Authorization/roleAssignments do not satisfy the requirements:")
                .hasMessageContaining("expected properties.principalType to be \"ServicePrincipal\" but was \"User\" in resources[4]");
    }

    @Test
    void allResourcesOfMissingTypeFails() {
        assertThatThrownBy(() -> assertThat(good).allResourcesOfType("Microsoft.Network/privateEndpoints")
                .haveProperty("properties.subnet", Match.anyValue()))
                .hasMessageContaining("expected resources of type Microsoft.Network/privateEndpoints to check but the template has none");
    }

    @Test
    void goodTemplatePassesPolicy() {
        assertThat(good)
                .passesPolicy()
                .hasNoFindingsAtLevel(Severity.WARNING)
                .hasNoFinding("CVMKEYS-KEY-001");
    }

    @Test
    void policyFailureListsErrors() {
        set(good, "resources[1].properties.kty", "RSA");

        assertThatThrownBy(() -> assertThat(good).passesPolicy())
                .hasMessageContaining("expected the template to pass policy but found 1 error finding(s):")
                .hasMessageContaining("error CVMKEYS-KEY-001 resources[1] Microsoft.KeyVault/vaults/keys")
                .hasMessageContaining("properties.kty is 'RSA'");
    }

    @Test
    void findingAssertions() {
        set(good, "resources[0].properties.softDeleteRetentionInDays", 30);

        assertThat(good).passesPolicy().hasFinding("CVMKEYS-KV-008");
        assertThatThrownBy(() -> assertThat(good).hasNoFindingsAtLevel(Severity.WARNING))
                .hasMessageContaining("expected no findings at level warning or above but found 1:")
                .hasMessageContaining("warning CVMKEYS-KV-008");
        assertThatThrownBy(() -> assertThat(good).hasFinding("CVMKEYS-KV-001"))
                .hasMessageContaining("expected a finding of CVMKEYS-KV-001 but the policy reported [CVMKEYS-KV-008]");
    }

    @Test
    void suppressedFindingIsNamedInFailure() {
        set(good, "resources[0].properties.publicNetworkAccess", "Enabled");
        PolicyEngine engine = PolicyEngine.confidentialVmCmk()
                .withSuppression(Suppression.of("CVMKEYS-KV-004", "Migration window CHG-1234"));

        assertThatThrownBy(() -> assertThat(good).usingPolicy(engine).hasFinding("CVMKEYS-KV-004"))
                .hasMessageContaining("but the policy reported none (a finding of CVMKEYS-KV-004 is suppressed: Migration window CHG-1234)");
        assertThat(good).usingPolicy(engine).passesPolicy();
    }

    @Test
    void parameterValuesReachPolicy() {
        set(good, "parameters.alertEmail.defaultValue", "");

        assertThat(good).hasFinding("CVMKEYS-ALERT-003");
        assertThat(good).withParameterValues(ParameterValues.of(Map.of("alertEmail", "keys@northwind-clinics.nl"))).passesPolicy();
    }

    @Test
    void notATemplateFails() {
        assertThatThrownBy(() -> assertThat(TestTemplates.json("[1, 2]")).hasResource(VAULTS))
                .hasMessageContaining("expected an ARM template (a JSON object) but was ARRAY");
    }
}
