package io.cvmkeys.engine.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.engine.EmulatedWhatIf;
import io.cvmkeys.engine.TestResources;
import io.cvmkeys.engine.whatif.ResourceChange;
import io.cvmkeys.engine.whatif.StageWhatIf;
import io.cvmkeys.engine.whatif.WhatIfPlan;
import io.cvmkeys.engine.whatif.WhatIfResults;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GatesTest {

    private static final String RG = "/subscriptions/6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14/resourceGroups/rg-avd-cmk-prd-weu-001";
    private static final String VAULT_ID = RG + "/providers/Microsoft.KeyVault/vaults/kv-avd-cmk-prd-weu-001";
    private static final String KEY_ID = VAULT_ID + "/keys/cmk-avd-prd-weu-001";
    private static final String DES_ID = RG + "/providers/Microsoft.Compute/diskEncryptionSets/des-avd-prd-cmk-weu-001";

    private final List<String> usageQueries = new ArrayList<>();
    private final FakeLookups lookups = new FakeLookups();

    @Test
    void deleteOfProtectedTypesBlocked() {
        GateReport report = evaluate("""
                {"resourceId": "%s", "changeType": "Delete", "before": {}},
                {"resourceId": "%s", "changeType": "Delete", "before": {}},
                {"resourceId": "%s/providers/Microsoft.Network/privateEndpoints/pe-old", "changeType": "Delete", "before": {}}
                """.formatted(VAULT_ID, DES_ID, RG));

        assertThat(report.findings()).extracting(Finding::ruleId, Finding::resource).containsExactly(
                org.assertj.core.groups.Tuple.tuple(GateRules.PROTECTED_DELETE, VAULT_ID),
                org.assertj.core.groups.Tuple.tuple(GateRules.PROTECTED_DELETE, DES_ID));
        assertThat(report.blocked()).isTrue();
    }

    @Test
    void purgeProtectionChangeBlocked() {
        GateReport report = evaluate("""
                {"resourceId": "%s", "changeType": "Modify", "before": {}, "after": {}, "delta": [
                  {"path": "properties.softDeleteRetentionInDays", "propertyChangeType": "Modify", "before": 90, "after": 30},
                  {"path": "tags.owner", "propertyChangeType": "Create", "after": "x"}]}
                """.formatted(VAULT_ID));

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo(GateRules.RETENTION_CHANGE);
            assertThat(finding.path()).isEqualTo("properties.softDeleteRetentionInDays");
            assertThat(finding.message()).contains("from 90 to 30");
            assertThat(finding.fix()).contains("back to 90");
        });
    }

    @Test
    void activeKeyChangeBlockedWhileVmRuns() {
        DiskEncryptionSetUsage usage = desId -> {
            usageQueries.add(desId);
            return List.of(new VirtualMachineUse(RG + "/providers/Microsoft.Compute/virtualMachines/avd-prd-0", "d0", "PowerState/running"),
                    new VirtualMachineUse(RG + "/providers/Microsoft.Compute/virtualMachines/avd-prd-1", "d1", "PowerState/deallocated"));
        };

        GateReport report = new Gates(usage, lookups).evaluate(null, plan(activeKeyChange()));

        assertThat(usageQueries).containsExactly(DES_ID);
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo(GateRules.ACTIVE_KEY_IN_USE);
            assertThat(finding.message()).contains("avd-prd-0 (running)").doesNotContain("avd-prd-1");
            assertThat(finding.fix()).contains("cvmkeys rotate");
        });
    }

    @Test
    void activeKeyChangeAllowedWhenDeallocated() {
        DiskEncryptionSetUsage usage = desId -> List.of(
                new VirtualMachineUse(RG + "/providers/Microsoft.Compute/virtualMachines/avd-prd-0", "d0", "PowerState/deallocated"));

        GateReport report = new Gates(usage, lookups).evaluate(null, plan(activeKeyChange()));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void softDeletedVaultCaught() {
        lookups.deletedVaults.put("westeurope/kv-avd-cmk-prd-weu-001", new PreflightLookups.DeletedVault(
                "/subscriptions/x/providers/Microsoft.KeyVault/locations/westeurope/deletedVaults/kv-avd-cmk-prd-weu-001",
                "kv-avd-cmk-prd-weu-001", "westeurope", "2026-11-30T10:00:00Z", "2027-02-28T10:00:00Z"));

        GateReport report = evaluate("""
                {"resourceId": "%s", "changeType": "Create", "after": {"location": "westeurope"}}
                """.formatted(VAULT_ID));

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo(GateRules.DELETED_VAULT);
            assertThat(finding.message()).contains("soft-deleted", "2027-02-28T10:00:00Z");
            assertThat(finding.fix()).contains("az keyvault recover --name kv-avd-cmk-prd-weu-001");
        });
    }

    @Test
    void secondSystemTopicCaught() {
        String existing = RG + "/providers/Microsoft.EventGrid/systemTopics/kv-topic-by-portal";
        lookups.topics.add(new PreflightLookups.ExistingSystemTopic(existing, "kv-topic-by-portal", VAULT_ID.toUpperCase()));

        GateReport report = evaluate("""
                {"resourceId": "%s/providers/Microsoft.EventGrid/systemTopics/evgt-new", "changeType": "Create",
                 "after": {"properties": {"source": "%s"}}}
                """.formatted(RG, VAULT_ID));

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo(GateRules.SYSTEM_TOPIC_EXISTS);
            assertThat(finding.fix()).contains("'kv-topic-by-portal'");
        });
    }

    @Test
    void roleAssignmentUnderOtherNameCaught() {
        lookups.assignments.add(new PreflightLookups.ExistingRoleAssignment(KEY_ID + "/providers/Microsoft.Authorization/roleAssignments/manual",
                "manual", "5C9A8E2D-1F3B-4A67-8D0E-B4C2A7F91E36",
                "/subscriptions/6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14/providers/Microsoft.Authorization/roleDefinitions/08bbd89e-9f13-488c-ac41-acfcb10c90ab"));

        GateReport report = evaluate("""
                {"resourceId": "%s/providers/Microsoft.Authorization/roleAssignments/generated", "changeType": "Create",
                 "after": {"properties": {"principalId": "5c9a8e2d-1f3b-4a67-8d0e-b4c2a7f91e36",
                   "roleDefinitionId": "/subscriptions/6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14/providers/Microsoft.Authorization/roleDefinitions/08bbd89e-9f13-488c-ac41-acfcb10c90ab"}}}
                """.formatted(KEY_ID));

        assertThat(lookups.scopesQueried).containsExactly(KEY_ID);
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo(GateRules.ROLE_ASSIGNMENT_EXISTS);
            assertThat(finding.message()).contains("'manual'", "RoleAssignmentExists");
        });
    }

    @Test
    void roleAssignmentWithReferencePrincipalNotLookedUp() {
        GateReport report = evaluate("""
                {"resourceId": "%s/providers/Microsoft.Authorization/roleAssignments/generated", "changeType": "Create",
                 "after": {"properties": {"principalId": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'x'), '2023-01-31').principalId]",
                   "roleDefinitionId": "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6"}}}
                """.formatted(KEY_ID));

        assertThat(lookups.scopesQueried).isEmpty();
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void identicalExistingKeySkipped() {
        Stack stack = TestResources.prdStack();
        ObjectNode fresh = EmulatedWhatIf.of(stack, "vault", resourceId -> Optional.empty());
        String keyId = keyChange(fresh).get("resourceId").asText();
        ObjectNode existingKey = ((ObjectNode) keyChange(fresh).get("after")).deepCopy();
        existingKey.with("properties").put("keyUriWithVersion", "https://kv-avd-cmk-prd-weu-001.vault.azure.net/keys/cmk-avd-prd-weu-001/0a1b");

        ObjectNode whatIf = EmulatedWhatIf.of(stack, "vault", id -> id.equalsIgnoreCase(keyId) ? Optional.of(existingKey) : Optional.empty());
        GateReport report = new Gates(desId -> List.of(), lookups).evaluate(null, plan(WhatIfResults.parse("test", whatIf)));

        assertThat(report.keysToSkip()).containsExactly(keyId);
        assertThat(report.findings()).extracting(Finding::ruleId).doesNotContain(GateRules.KEY_DIFFERS);
    }

    @Test
    void differentExistingKeyStops() {
        Stack stack = TestResources.prdStack();
        ObjectNode fresh = EmulatedWhatIf.of(stack, "vault", resourceId -> Optional.empty());
        String keyId = keyChange(fresh).get("resourceId").asText();
        ObjectNode existingKey = ((ObjectNode) keyChange(fresh).get("after")).deepCopy();
        existingKey.with("properties").put("keySize", 4096);

        ObjectNode whatIf = EmulatedWhatIf.of(stack, "vault", id -> id.equalsIgnoreCase(keyId) ? Optional.of(existingKey) : Optional.empty());
        GateReport report = new Gates(desId -> List.of(), lookups).evaluate(null, plan(WhatIfResults.parse("test", whatIf)));

        assertThat(report.keysToSkip()).isEmpty();
        assertThat(report.findings()).filteredOn(finding -> finding.ruleId().equals(GateRules.KEY_DIFFERS))
                .singleElement().satisfies(finding -> assertThat(finding.message()).contains("properties.keySize"));
    }

    private static JsonNode keyChange(ObjectNode whatIf) {
        for (JsonNode change : whatIf.path("properties").path("changes")) {
            if (change.path("resourceId").asText().contains("/keys/")
                    && !change.path("resourceId").asText().contains("roleAssignments")) {
                return change;
            }
        }
        throw new AssertionError("no key in " + whatIf);
    }

    private static List<ResourceChange> activeKeyChange() {
        return WhatIfResults.parse("test", TestResources.MAPPER.valueToTree(Map.of("properties", Map.of("changes", List.of(Map.of(
                "resourceId", DES_ID, "changeType", "Modify", "before", Map.of(), "after", Map.of(),
                "delta", List.of(Map.of("path", "properties.activeKey.keyUrl", "propertyChangeType", "Modify",
                        "before", "https://kv/keys/k/1", "after", "https://kv/keys/k/2"))))))));
    }

    private GateReport evaluate(String changesJson) {
        try {
            JsonNode body = TestResources.MAPPER.readTree("{\"properties\": {\"changes\": [" + changesJson + "]}}");
            return new Gates(desId -> List.of(), lookups).evaluate(null, plan(WhatIfResults.parse("test", body)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static WhatIfPlan plan(List<ResourceChange> changes) {
        return new WhatIfPlan("avd-cmk", "prd", List.of(new StageWhatIf("vault", "rg", "d", changes, List.of())));
    }

    private static final class FakeLookups implements PreflightLookups {
        final Map<String, DeletedVault> deletedVaults = new java.util.HashMap<>();
        final List<ExistingSystemTopic> topics = new ArrayList<>();
        final List<ExistingRoleAssignment> assignments = new ArrayList<>();
        final List<String> scopesQueried = new ArrayList<>();

        @Override
        public Optional<DeletedVault> deletedVault(String location, String vaultName) {
            return Optional.ofNullable(deletedVaults.get(location + "/" + vaultName));
        }

        @Override
        public List<ExistingSystemTopic> systemTopicsWithSource(String sourceId) {
            return topics.stream().filter(topic -> topic.source().equalsIgnoreCase(sourceId)).toList();
        }

        @Override
        public List<ExistingRoleAssignment> roleAssignmentsAt(String scope) {
            scopesQueried.add(scope);
            return assignments;
        }
    }
}
