package io.cvmkeys.emulator.arm;

import static io.cvmkeys.emulator.arm.TestScopes.RESOURCE_GROUP_ID;
import static io.cvmkeys.emulator.arm.TestScopes.SUBSCRIPTION;
import static io.cvmkeys.emulator.arm.TestScopes.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evaluates and deploys a template in the shape cvmkeys emits for its vault stage. */
class VaultStageTemplateTest {

    static final JsonNode TEMPLATE = TestScopes.resource("vault-stage.json");
    static final String ORCHESTRATOR = "11111111-1111-1111-1111-111111111111";
    static final String VAULT_ID = RESOURCE_GROUP_ID + "/providers/Microsoft.KeyVault/vaults/kv-cvm-dev";
    static final String KEY_ID = VAULT_ID + "/keys/cvm-key";
    static final String IDENTITY_ID = RESOURCE_GROUP_ID
            + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cvm-des";
    static final String DES_ID = RESOURCE_GROUP_ID + "/providers/Microsoft.Compute/diskEncryptionSets/des-cvm";
    // guid(keyId, principal, roleDefinitionId), computed independently with Python's uuid.uuid5.
    static final String ORCHESTRATOR_ASSIGNMENT_ID =
            KEY_ID + "/providers/Microsoft.Authorization/roleAssignments/45559c95-84a3-55fc-89bd-c03c3dec381f";
    static final String IDENTITY_ASSIGNMENT_ID =
            KEY_ID + "/providers/Microsoft.Authorization/roleAssignments/6b8cd2c3-5706-5b28-84c9-d7bb74b66840";
    static final String EVENT_SUBSCRIPTION_ID = RESOURCE_GROUP_ID
            + "/providers/Microsoft.EventGrid/systemTopics/st-kv/eventSubscriptions/key-expiry";
    static final String KEY_URI_WITH_VERSION =
            "https://kv-cvm-dev.vault.azure.net/keys/cvm-key/" + FakeArmState.KEY_VERSION;

    static JsonNode parameters(String environment) {
        return json("{'vaultName': {'value': 'kv-cvm-dev'}, 'keyName': {'value': 'cvm-key'},"
                + " 'orchestratorObjectId': {'value': '" + ORCHESTRATOR + "'},"
                + " 'identityName': {'value': 'id-cvm-des'}, 'desName': {'value': 'des-cvm'},"
                + " 'systemTopicName': {'value': 'st-kv'}, 'actionGroupName': {'value': 'ag-keys'},"
                + " 'environment': {'value': '" + environment + "'}}");
    }

    static EvaluatedDeployment evaluate(ResourceLookup state, String environment) {
        return TemplateEvaluator.evaluate(TEMPLATE, parameters(environment), TestScopes.CONTEXT, state);
    }

    @Test
    void resourcesInDependencyOrderWithIds() {
        EvaluatedDeployment deployment = evaluate(new FakeArmState(), "dev");

        assertThat(deployment.resources()).extracting(EvaluatedResource::id).containsExactly(
                VAULT_ID, KEY_ID, IDENTITY_ID, DES_ID, ORCHESTRATOR_ASSIGNMENT_ID, IDENTITY_ASSIGNMENT_ID,
                EVENT_SUBSCRIPTION_ID);
        assertThat(deployment.resources()).extracting(EvaluatedResource::name).containsExactly(
                "kv-cvm-dev", "kv-cvm-dev/cvm-key", "id-cvm-des", "des-cvm",
                "45559c95-84a3-55fc-89bd-c03c3dec381f", "6b8cd2c3-5706-5b28-84c9-d7bb74b66840", "st-kv/key-expiry");
    }

    @Test
    void extensionResourcesCarryTheirScope() {
        EvaluatedDeployment deployment = evaluate(new FakeArmState(), "dev");

        EvaluatedResource assignment = deployment.resources().get(4);
        assertThat(assignment.type()).isEqualTo("Microsoft.Authorization/roleAssignments");
        assertThat(assignment.scope()).isEqualTo(KEY_ID);
        assertThat(assignment.dependsOnIds()).containsExactly(KEY_ID);
        assertThat(assignment.body()).isEqualTo(json("{'properties': {"
                + "'roleDefinitionId': '/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Authorization/"
                + "roleDefinitions/08bbd89e-9f13-488c-ac41-acfcb10c90ab',"
                + "'principalId': '" + ORCHESTRATOR + "', 'principalType': 'ServicePrincipal'}}"));
        assertThat(deployment.resources().get(5).dependsOnIds()).containsExactly(KEY_ID, IDENTITY_ID);
    }

    @Test
    void vaultBodyEvaluated() {
        EvaluatedDeployment deployment = evaluate(new FakeArmState(), "prd");

        ObjectNode vault = deployment.resources().get(0).body();
        assertThat(vault.get("location").textValue()).isEqualTo("westeurope");
        assertThat(vault.get("tags")).isEqualTo(json("{'environment': 'prd', 'managedBy': 'cvmkeys'}"));
        assertThat(vault.at("/properties/tenantId").textValue()).isEqualTo(TestScopes.TENANT);
        assertThat(vault.at("/properties/softDeleteRetentionInDays").intValue()).isEqualTo(90);
    }

    @Test
    void escapedLiteralAndResourceIdInArray() {
        EvaluatedDeployment deployment = evaluate(new FakeArmState(), "dev");

        JsonNode destination = deployment.resources().get(6).body().at("/properties/destination/properties");
        assertThat(destination.get("description").textValue()).isEqualTo("[cvmkeys: key expiry]");
        assertThat(destination.get("actionGroups")).isEqualTo(json(
                "['" + RESOURCE_GROUP_ID + "/providers/Microsoft.Insights/actionGroups/ag-keys']"));
    }

    @Test
    void previewKeepsReferencesToNewResourcesUnevaluated() {
        EvaluatedDeployment deployment = evaluate(new FakeArmState(), "dev");

        assertThat(deployment.resources().get(3).body().at("/properties/activeKey/keyUrl").textValue())
                .isEqualTo("[reference(variables('keyId'), '2023-07-01').keyUriWithVersion]");
        assertThat(deployment.resources().get(5).body().at("/properties/principalId").textValue())
                .isEqualTo("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities',"
                        + " parameters('identityName')), '2023-01-31').principalId]");
        assertThat(deployment.resources().get(3).body().at("/identity/userAssignedIdentities").has(IDENTITY_ID))
                .isTrue();
    }

    @Test
    void deploymentStepsSeeEarlierResources() {
        FakeArmState state = new FakeArmState();
        EvaluatedDeployment deployment = evaluate(state, "dev");

        state.deploy(deployment);

        assertThat(state.ids()).hasSize(7);
        assertThat(state.stored(DES_ID).at("/properties/activeKey/keyUrl").textValue())
                .isEqualTo(KEY_URI_WITH_VERSION);
        assertThat(state.stored(IDENTITY_ASSIGNMENT_ID).at("/properties/principalId").textValue())
                .isEqualTo(FakeArmState.principalIdOf("id-cvm-des"));
    }

    @Test
    void outputsAfterDeploy() {
        FakeArmState state = new FakeArmState();
        EvaluatedDeployment deployment = evaluate(state, "dev");
        state.deploy(deployment);

        ObjectNode outputs = deployment.evaluateOutputs(state);

        assertThat(outputs).isEqualTo(json("{"
                + "'keyUriWithVersion': {'type': 'String', 'value': '" + KEY_URI_WITH_VERSION + "'},"
                + "'vaultId': {'type': 'String', 'value': '" + VAULT_ID + "'},"
                + "'identityPrincipalId': {'type': 'String', 'value': '" + FakeArmState.principalIdOf("id-cvm-des")
                + "'}}"));
    }

    @Test
    void outputsBeforeDeployReportMissingResource() {
        EvaluatedDeployment deployment = evaluate(new FakeArmState(), "dev");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deployment.evaluateOutputs(new FakeArmState()))
                .isInstanceOfSatisfying(ArmExpressionException.class,
                        e -> assertThat(e.code()).isEqualTo("ResourceNotFound"))
                .hasMessageStartingWith("The Resource 'Microsoft.KeyVault/vaults/keys/kv-cvm-dev/cvm-key' under"
                        + " resource group 'rg-cvm' was not found.");
    }

    @Test
    void deployingOutOfOrderFailsOnMissingReference() {
        EvaluatedDeployment deployment = evaluate(new FakeArmState(), "dev");
        DeploymentSteps steps = deployment.deploymentSteps();
        FakeArmState empty = new FakeArmState();

        List.of(0, 1, 2).forEach(i -> steps.evaluateNext(empty));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> steps.evaluateNext(empty))
                .isInstanceOfSatisfying(ArmExpressionException.class,
                        e -> assertThat(e.code()).isEqualTo("ResourceNotFound"));
    }
}
