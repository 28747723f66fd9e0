package io.cvmkeys.emulator.arm;

import static io.cvmkeys.emulator.arm.TestScopes.RESOURCE_GROUP_ID;
import static io.cvmkeys.emulator.arm.TestScopes.json;
import static io.cvmkeys.emulator.arm.VaultStageTemplateTest.DES_ID;
import static io.cvmkeys.emulator.arm.VaultStageTemplateTest.IDENTITY_ASSIGNMENT_ID;
import static io.cvmkeys.emulator.arm.VaultStageTemplateTest.IDENTITY_ID;
import static io.cvmkeys.emulator.arm.VaultStageTemplateTest.KEY_ID;
import static io.cvmkeys.emulator.arm.VaultStageTemplateTest.VAULT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhatIfCalculatorTest {

    private static final String STORAGE_ID =
            RESOURCE_GROUP_ID + "/providers/Microsoft.Storage/storageAccounts/stcvmlogs";

    private static FakeArmState deployed() {
        FakeArmState state = new FakeArmState();
        state.deploy(VaultStageTemplateTest.evaluate(state, "dev"));
        return state;
    }

    private static ObjectNode whatIf(FakeArmState state, String environment) {
        return WhatIfCalculator.compute(VaultStageTemplateTest.evaluate(state, environment), state);
    }

    private static JsonNode change(ObjectNode result, String resourceId) {
        for (JsonNode change : result.at("/properties/changes")) {
            if (change.get("resourceId").textValue().equalsIgnoreCase(resourceId)) {
                return change;
            }
        }
        throw new AssertionError("No change for " + resourceId + " in " + result.toPrettyString());
    }

    private static JsonNode delta(JsonNode change, String path) {
        for (JsonNode delta : change.path("delta")) {
            if (delta.get("path").textValue().equals(path)) {
                return delta;
            }
        }
        throw new AssertionError("No delta at " + path + " in " + change.toPrettyString());
    }

    private static List<String> changeTypes(ObjectNode result) {
        List<String> types = new ArrayList<>();
        result.at("/properties/changes").forEach(change -> types.add(change.get("changeType").textValue()));
        return types;
    }

    @Test
    void emptyStateCreatesEverything() {
        ObjectNode result = whatIf(new FakeArmState(), "dev");

        assertThat(result.get("status").textValue()).isEqualTo("Succeeded");
        assertThat(changeTypes(result)).hasSize(7).containsOnly("Create");
        JsonNode vault = change(result, VAULT_ID);
        assertThat(vault.has("before")).isFalse();
        assertThat(vault.has("delta")).isFalse();
        assertThat(vault.at("/after/id").textValue()).isEqualTo(VAULT_ID);
        assertThat(vault.at("/after/name").textValue()).isEqualTo("kv-cvm-dev");
        assertThat(vault.at("/after/type").textValue()).isEqualTo("Microsoft.KeyVault/vaults");
        assertThat(vault.at("/after/apiVersion").textValue()).isEqualTo("2023-07-01");
        assertThat(vault.at("/after/properties/softDeleteRetentionInDays").intValue()).isEqualTo(90);
        assertThat(change(result, KEY_ID).at("/after/name").textValue()).isEqualTo("cvm-key");
    }

    @Test
    void identicalStateIsNoChange() {
        FakeArmState state = deployed();
        assertThat(state.stored(VAULT_ID).at("/properties/vaultUri").isTextual()).isTrue();
        assertThat(state.stored(VAULT_ID).get("id").textValue()).isNotEqualTo(VAULT_ID).isEqualToIgnoringCase(VAULT_ID);

        ObjectNode result = whatIf(state, "dev");

        assertThat(changeTypes(result)).hasSize(7).containsOnly("NoChange");
        JsonNode key = change(result, KEY_ID);
        assertThat(key.has("delta")).isFalse();
        assertThat(key.at("/before/properties/keyUriWithVersion").isTextual()).isTrue();
        assertThat(key.at("/after/properties/keyUriWithVersion").isMissingNode()).isTrue();
    }

    @Test
    void changedTagIsModifyWithNoEffectNoise() {
        ObjectNode result = whatIf(deployed(), "prd");

        JsonNode vault = change(result, VAULT_ID);
        assertThat(vault.get("changeType").textValue()).isEqualTo("Modify");
        assertThat(delta(vault, "tags.environment")).isEqualTo(json(
                "{'path': 'tags.environment', 'propertyChangeType': 'Modify', 'before': 'dev', 'after': 'prd'}"));
        assertThat(delta(vault, "properties.provisioningState")).isEqualTo(json("{'path':"
                + " 'properties.provisioningState', 'propertyChangeType': 'NoEffect', 'before': 'Succeeded'}"));
        assertThat(delta(vault, "properties.vaultUri").get("propertyChangeType").textValue()).isEqualTo("NoEffect");
        assertThat(vault.get("delta")).hasSize(3);
        assertThat(change(result, KEY_ID).get("changeType").textValue()).isEqualTo("NoChange");
    }

    @Test
    void changedRetentionIsModify() {
        FakeArmState state = deployed();
        ((ObjectNode) state.stored(VAULT_ID).get("properties")).put("softDeleteRetentionInDays", 30);

        JsonNode vault = change(whatIf(state, "dev"), VAULT_ID);

        assertThat(vault.get("changeType").textValue()).isEqualTo("Modify");
        assertThat(delta(vault, "properties.softDeleteRetentionInDays")).isEqualTo(json("{'path':"
                + " 'properties.softDeleteRetentionInDays', 'propertyChangeType': 'Modify', 'before': 30, 'after': 90}"));
    }

    @Test
    void serverDefaultIsDeleteNoise() {
        FakeArmState state = deployed();
        ((ObjectNode) state.stored(VAULT_ID).get("properties")).put("enabledForDeployment", false);

        JsonNode vault = change(whatIf(state, "dev"), VAULT_ID);

        assertThat(vault.get("changeType").textValue()).isEqualTo("Modify");
        assertThat(delta(vault, "properties.enabledForDeployment")).isEqualTo(json("{'path':"
                + " 'properties.enabledForDeployment', 'propertyChangeType': 'Delete', 'before': false}"));
    }

    @Test
    void idDifferingOnlyInCaseIsModify() {
        FakeArmState state = deployed();
        ObjectNode sourceVault = (ObjectNode) state.stored(DES_ID).at("/properties/activeKey/sourceVault");
        sourceVault.put("id", VAULT_ID.toLowerCase());

        JsonNode des = change(whatIf(state, "dev"), DES_ID);

        assertThat(des.get("changeType").textValue()).isEqualTo("Modify");
        assertThat(delta(des, "properties.activeKey.sourceVault.id")).isEqualTo(json("{'path':"
                + " 'properties.activeKey.sourceVault.id', 'propertyChangeType': 'Modify',"
                + " 'before': '" + VAULT_ID.toLowerCase() + "', 'after': '" + VAULT_ID + "'}"));
    }

    @Test
    void identityMapReadOnlyLeafIsNoEffect() {
        FakeArmState state = deployed();
        state.stored(DES_ID).withObjectProperty("tags").put("environment", "old");

        JsonNode des = change(whatIf(state, "dev"), DES_ID);

        assertThat(delta(des, "identity.userAssignedIdentities." + IDENTITY_ID + ".principalId")
                .get("propertyChangeType").textValue()).isEqualTo("NoEffect");
        assertThat(delta(des, "tags.environment").get("propertyChangeType").textValue()).isEqualTo("Modify");
    }

    @Test
    void changedArrayElementIsArrayDelta() {
        FakeArmState state = deployed();
        ArrayNode keyOps = (ArrayNode) state.stored(KEY_ID).at("/properties/keyOps");
        keyOps.remove(1);
        keyOps.add("sign");
        keyOps.add("verify");

        JsonNode key = change(whatIf(state, "dev"), KEY_ID);

        assertThat(delta(key, "properties.keyOps")).isEqualTo(json("{'path': 'properties.keyOps',"
                + " 'propertyChangeType': 'Array', 'children': ["
                + "{'path': '1', 'propertyChangeType': 'Modify', 'before': 'sign', 'after': 'unwrapKey'},"
                + "{'path': '2', 'propertyChangeType': 'Delete', 'before': 'verify'}]}"));
    }

    @Test
    void changedObjectInArrayListsItsChildren() {
        FakeArmState state = deployed();
        ObjectNode trigger = (ObjectNode) state.stored(KEY_ID)
                .at("/properties/rotationPolicy/lifetimeActions/0/trigger");
        trigger.put("timeBeforeExpiry", "P60D");

        JsonNode key = change(whatIf(state, "dev"), KEY_ID);

        assertThat(delta(key, "properties.rotationPolicy.lifetimeActions")).isEqualTo(json("{'path':"
                + " 'properties.rotationPolicy.lifetimeActions', 'propertyChangeType': 'Array', 'children': ["
                + "{'path': '0', 'propertyChangeType': 'Modify', 'children': [{'path': 'trigger.timeBeforeExpiry',"
                + " 'propertyChangeType': 'Modify', 'before': 'P60D', 'after': 'P30D'}]}]}"));
    }

    @Test
    void referenceToChangingResourceStaysUnevaluated() {
        FakeArmState state = deployed();
        state.stored(IDENTITY_ID).withObjectProperty("tags").put("environment", "old");

        ObjectNode result = whatIf(state, "dev");

        assertThat(change(result, IDENTITY_ID).get("changeType").textValue()).isEqualTo("Modify");
        JsonNode assignment = change(result, IDENTITY_ASSIGNMENT_ID);
        assertThat(assignment.get("changeType").textValue()).isEqualTo("Modify");
        assertThat(delta(assignment, "properties.principalId")).isEqualTo(json("{'path': 'properties.principalId',"
                + " 'propertyChangeType': 'Modify', 'before': '" + FakeArmState.principalIdOf("id-cvm-des") + "',"
                + " 'after': '[reference(resourceId(`Microsoft.ManagedIdentity/userAssignedIdentities`,"
                + " parameters(`identityName`)), `2023-01-31`).principalId]'}"));
        assertThat(change(result, DES_ID).get("changeType").textValue())
                .as("the key does not change, so the DES's reference() to it is evaluated")
                .isEqualTo("NoChange");
    }

    @Test
    void resourcesOutsideTemplateAreIgnoredInIncrementalMode() {
        FakeArmState state = deployed();
        state.putRaw((ObjectNode) json("{'id': '" + STORAGE_ID + "', 'name': 'stcvmlogs',"
                + " 'type': 'Microsoft.Storage/storageAccounts', 'location': 'westeurope'}"));

        ObjectNode result = WhatIfCalculator.compute(
                VaultStageTemplateTest.evaluate(state, "dev"), state, state.ids(), DeploymentMode.INCREMENTAL);

        assertThat(changeTypes(result)).hasSize(8).doesNotContain("Delete");
        assertThat(change(result, STORAGE_ID).get("changeType").textValue()).isEqualTo("Ignore");
        assertThat(change(result, STORAGE_ID).at("/before/name").textValue()).isEqualTo("stcvmlogs");
    }

    @Test
    void resourcesOutsideTemplateAreDeletedInCompleteMode() {
        FakeArmState state = deployed();
        state.putRaw((ObjectNode) json("{'id': '" + STORAGE_ID + "', 'name': 'stcvmlogs',"
                + " 'type': 'Microsoft.Storage/storageAccounts'}"));

        ObjectNode result = WhatIfCalculator.compute(
                VaultStageTemplateTest.evaluate(state, "dev"), state, state.ids(), DeploymentMode.COMPLETE);

        assertThat(change(result, STORAGE_ID).get("changeType").textValue()).isEqualTo("Delete");
        assertThat(changeTypes(result)).filteredOn("Delete"::equals).hasSize(1);
    }
}
