package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.cvmkeys.dsl.policy.TestTemplates.releasePolicyData;
import static io.cvmkeys.dsl.policy.TestTemplates.remove;
import static io.cvmkeys.dsl.policy.TestTemplates.set;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of the pack fires on a bad variant of the good template and stays silent on the good template.
 * Resource indexes in the good template: 0 vault, 1 key, 2 identity, 3 Encryption User role, 4 Release User role,
 * 5 disk encryption set, 6 action group, 7 system topic, 8 event subscription, 9 Confidential VM.
 */
class RulePackCasesTest {

    private static final String VAULT = "resources[0].properties.";
    private static final String KEY = "resources[1].properties.";
    private static final String DES = "resources[5].";
    private static final String GROUP = "resources[6].";
    private static final String SUBSCRIPTION = "resources[8].";
    private static final String VM = "resources[9].properties.";
    private static final String OS_DISK = VM + "storageProfile.osDisk.managedDisk.";

    record Case(String ruleId, Severity severity, String description, Consumer<ObjectNode> edit) {
        @Override
        public String toString() {
            return ruleId + " " + description;
        }
    }

    static List<Case> cases() {
        return List.of(
                error("CVMKEYS-KV-001", "standard SKU", t -> set(t, VAULT + "sku.name", "standard")),
                error("CVMKEYS-KV-001", "SKU missing", t -> remove(t, VAULT + "sku")),
                error("CVMKEYS-KV-002", "RBAC off", t -> set(t, VAULT + "enableRbacAuthorization", false)),
                error("CVMKEYS-KV-002", "RBAC missing", t -> remove(t, VAULT + "enableRbacAuthorization")),
                error("CVMKEYS-KV-003", "soft delete off", t -> set(t, VAULT + "enableSoftDelete", false)),
                error("CVMKEYS-KV-003", "retention 120 days", t -> set(t, VAULT + "softDeleteRetentionInDays", 120)),
                error("CVMKEYS-KV-003", "retention 5 days", t -> set(t, VAULT + "softDeleteRetentionInDays", 5)),
                error("CVMKEYS-KV-004", "public access on", t -> set(t, VAULT + "publicNetworkAccess", "Enabled")),
                error("CVMKEYS-KV-004", "public access missing", t -> remove(t, VAULT + "publicNetworkAccess")),
                error("CVMKEYS-KV-005", "ACL allows", t -> set(t, VAULT + "networkAcls.defaultAction", "Allow")),
                error("CVMKEYS-KV-005", "ACL missing", t -> remove(t, VAULT + "networkAcls")),
                error("CVMKEYS-KV-005", "no bypass", t -> set(t, VAULT + "networkAcls.bypass", "None")),
                error("CVMKEYS-KV-006", "purge protection false", t -> set(t, VAULT + "enablePurgeProtection", false)),
                error("CVMKEYS-KV-006", "purge protection missing", t -> remove(t, VAULT + "enablePurgeProtection")),
                error("CVMKEYS-KV-007", "disk encryption off", t -> set(t, VAULT + "enabledForDiskEncryption", false)),
                warning("CVMKEYS-KV-008", "retention 30 days", t -> set(t, VAULT + "softDeleteRetentionInDays", 30)),

                error("CVMKEYS-KEY-001", "software RSA", t -> set(t, KEY + "kty", "RSA")),
                error("CVMKEYS-KEY-001", "EC-HSM", t -> set(t, KEY + "kty", "EC-HSM")),
                error("CVMKEYS-KEY-002", "1024 bits", t -> set(t, KEY + "keySize", 1024)),
                error("CVMKEYS-KEY-002", "size not a number", t -> set(t, KEY + "keySize", "large")),
                warning("CVMKEYS-KEY-003", "2048 bits", t -> set(t, KEY + "keySize", 2048)),
                warning("CVMKEYS-KEY-003", "size missing", t -> remove(t, KEY + "keySize")),
                error("CVMKEYS-KEY-004", "encrypt only", t -> set(t, KEY + "keyOps", List.of("encrypt", "decrypt"))),
                error("CVMKEYS-KEY-004", "keyOps missing", t -> remove(t, KEY + "keyOps")),
                error("CVMKEYS-KEY-005", "not exportable", t -> set(t, KEY + "attributes.exportable", false)),
                error("CVMKEYS-KEY-005", "exportable missing", t -> remove(t, KEY + "attributes.exportable")),
                error("CVMKEYS-KEY-006", "no release policy", t -> remove(t, KEY + "release_policy")),
                error("CVMKEYS-KEY-006", "release policy without data", t -> remove(t, KEY + "release_policy.data")),
                error("CVMKEYS-KEY-007", "policy without compliance claim", t -> set(t, KEY + "release_policy.data",
                        releasePolicyData("{'version':'1.0.0','anyOf':[{'authority':'https://sharedweu.weu.attest.azure.net',"
                                + "'allOf':[{'claim':'x-ms-attestation-type','equals':'sevsnpvm'}]}]}"))),
                error("CVMKEYS-KEY-007", "policy not base64", t -> set(t, KEY + "release_policy.data", "not a policy!")),
                error("CVMKEYS-KEY-008", "policy pins SEV-SNP", t -> set(t, KEY + "release_policy.data",
                        releasePolicyData("{'version':'1.0.0','anyOf':[{'authority':'https://sharedweu.weu.attest.azure.net',"
                                + "'allOf':[{'claim':'x-ms-attestation-type','equals':'sevsnpvm'},"
                                + "{'claim':'x-ms-compliance-status','equals':'azure-compliant-cvm'}]}]}"))),
                warning("CVMKEYS-KEY-017", "policy as text/plain", t -> set(t, KEY + "release_policy.contentType", "text/plain")),
                error("CVMKEYS-KEY-001", "managed HSM software key", t -> {
                    set(t, "resources[1].type", "Microsoft.KeyVault/managedHSMs/keys");
                    set(t, KEY + "kty", "RSA");
                }),
                error("CVMKEYS-KEY-009", "no exp", t -> remove(t, KEY + "attributes.exp")),
                error("CVMKEYS-KEY-010", "exp from utcNow", t -> set(t, "parameters.keyExpiry.defaultValue",
                        "[dateTimeToEpoch(dateTimeAdd(utcNow(), 'P1Y'))]")),
                error("CVMKEYS-KEY-011", "no rotation policy", t -> remove(t, KEY + "rotationPolicy")),
                error("CVMKEYS-KEY-012", "rotate action", t -> set(t, KEY + "rotationPolicy.lifetimeActions[0].action.type", "rotate")),
                error("CVMKEYS-KEY-012", "Rotate action", t -> set(t, KEY + "rotationPolicy.lifetimeActions[0].action.type", "Rotate")),
                error("CVMKEYS-KEY-013", "expiry 20 days", t -> set(t, KEY + "rotationPolicy.attributes.expiryTime", "P20D")),
                error("CVMKEYS-KEY-013", "expiry missing", t -> remove(t, KEY + "rotationPolicy.attributes")),
                error("CVMKEYS-KEY-014", "no lifetime actions", t -> set(t, KEY + "rotationPolicy.lifetimeActions", List.of())),
                error("CVMKEYS-KEY-015", "notify 3 days before", t -> set(t,
                        KEY + "rotationPolicy.lifetimeActions[0].trigger.timeBeforeExpiry", "P3D")),
                error("CVMKEYS-KEY-015", "notify 2 days after creation", t -> {
                    set(t, KEY + "rotationPolicy.attributes.expiryTime", "P30D");
                    set(t, KEY + "rotationPolicy.lifetimeActions[0].trigger.timeBeforeExpiry", "P28D");
                }),
                error("CVMKEYS-KEY-015", "notify with timeAfterCreate", t -> set(t,
                        KEY + "rotationPolicy.lifetimeActions[0].trigger", Map.of("timeAfterCreate", "P300D"))),
                warning("CVMKEYS-KEY-016", "notify 14 days before", t -> set(t,
                        KEY + "rotationPolicy.lifetimeActions[0].trigger.timeBeforeExpiry", "P14D")),

                error("CVMKEYS-ROLE-001", "principalType missing", t -> remove(t, "resources[3].properties.principalType")),
                error("CVMKEYS-ROLE-001", "principalType User", t -> set(t, "resources[4].properties.principalType", "User")),
                error("CVMKEYS-ROLE-002", "no Encryption User", t -> set(t, "variables.encryptionUserRoleId",
                        "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '12338af0-0e69-4776-bea7-57ae8d297424')]")),
                error("CVMKEYS-ROLE-003", "no Release User", t -> remove(t, "resources[4]")),
                error("CVMKEYS-ROLE-004", "literal name", t -> set(t, "resources[3].name", "des-crypto-user")),
                error("CVMKEYS-ROLE-004", "newGuid name", t -> {
                    set(t, "parameters.assignmentName", Map.of("type", "string", "defaultValue", "[newGuid()]"));
                    set(t, "resources[3].name", "[parameters('assignmentName')]");
                }),

                error("CVMKEYS-DES-001", "at-rest type", t -> set(t, DES + "properties.encryptionType", "EncryptionAtRestWithCustomerKey")),
                error("CVMKEYS-DES-001", "type missing", t -> remove(t, DES + "properties.encryptionType")),
                error("CVMKEYS-DES-002", "reference keyUri", t -> set(t, DES + "properties.activeKey.keyUrl",
                        "[reference(variables('keyId'), '2023-07-01').keyUri]")),
                error("CVMKEYS-DES-002", "versionless literal", t -> set(t, DES + "properties.activeKey.keyUrl",
                        "https://kv-cmk-lint-weu-001.vault.azure.net/keys/cmk-lint-weu-001")),
                error("CVMKEYS-DES-002", "keyUrl missing", t -> remove(t, DES + "properties.activeKey.keyUrl")),
                error("CVMKEYS-DES-003", "auto rotation", t -> set(t, DES + "properties.rotationToLatestKeyVersionEnabled", true)),
                error("CVMKEYS-DES-004", "system identity", t -> set(t, DES + "identity.type", "SystemAssigned")),

                error("CVMKEYS-VM-001", "trusted launch VM on the set", t -> set(t, VM + "securityProfile.securityType", "TrustedLaunch")),
                error("CVMKEYS-VM-002", "guest state only", t -> set(t, OS_DISK + "securityProfile.securityEncryptionType", "VMGuestStateOnly")),
                error("CVMKEYS-VM-003", "set under managedDisk", t -> {
                    set(t, OS_DISK + "diskEncryptionSet", t.at("/resources/9/properties/storageProfile/osDisk/managedDisk/securityProfile/diskEncryptionSet"));
                    remove(t, OS_DISK + "securityProfile.diskEncryptionSet");
                }),
                error("CVMKEYS-VM-003", "no set on confidential VM", t -> remove(t, OS_DISK + "securityProfile.diskEncryptionSet")),
                error("CVMKEYS-VM-004", "secure boot off", t -> set(t, VM + "securityProfile.uefiSettings.secureBootEnabled", false)),
                error("CVMKEYS-VM-004", "vTPM missing", t -> remove(t, VM + "securityProfile.uefiSettings.vTpmEnabled")),
                error("CVMKEYS-VM-005", "encryption at host", t -> set(t, VM + "securityProfile.encryptionAtHost", true)),

                error("CVMKEYS-ALERT-001", "regional group", t -> set(t, GROUP + "location", "westeurope")),
                error("CVMKEYS-ALERT-002", "long short name", t -> set(t, GROUP + "properties.groupShortName", "CMK-Expiry-Alert")),
                error("CVMKEYS-ALERT-003", "example.com", t -> set(t, "parameters.alertEmail.defaultValue", "ops@example.com")),
                error("CVMKEYS-ALERT-003", "contoso subdomain", t -> set(t, "parameters.alertEmail.defaultValue", "ops@mail.contoso.com")),
                error("CVMKEYS-ALERT-003", "yourorg.com", t -> set(t, "parameters.alertEmail.defaultValue", "keys@YourOrg.com")),
                error("CVMKEYS-ALERT-003", "empty address", t -> set(t, "parameters.alertEmail.defaultValue", "")),
                error("CVMKEYS-ALERT-003", "not an address", t -> set(t, "parameters.alertEmail.defaultValue", "key rotation team")),
                warning("CVMKEYS-ALERT-004", "no common schema", t -> set(t,
                        GROUP + "properties.emailReceivers[0].useCommonAlertSchema", false)),
                error("CVMKEYS-ALERT-005", "literal webhook", t -> set(t,
                        GROUP + "properties.webhookReceivers[0].serviceUri", "https://hooks.invalid/services/T0/B0/secret-token")),
                error("CVMKEYS-ALERT-005", "string parameter with default", t -> set(t, "parameters.webhookUri",
                        Map.of("type", "string", "defaultValue", "https://hooks.invalid/services/T0/B0/secret-token"))),
                error("CVMKEYS-ALERT-005", "webhook from variable", t -> {
                    set(t, "variables.hook", "https://hooks.invalid/services/T0/B0/secret-token");
                    set(t, GROUP + "properties.webhookReceivers[0].serviceUri", "[variables('hook')]");
                }),
                warning("CVMKEYS-ALERT-006", "string parameter", t -> set(t, "parameters.webhookUri.type", "string")),

                error("CVMKEYS-ALERT-010", "storage topic", t -> set(t, "resources[7].properties.topicType",
                        "Microsoft.Storage.StorageAccounts")),
                error("CVMKEYS-ALERT-011", "Event Grid schema", t -> set(t, SUBSCRIPTION + "properties.eventDeliverySchema", "EventGridSchema")),
                error("CVMKEYS-ALERT-011", "schema missing", t -> remove(t, SUBSCRIPTION + "properties.eventDeliverySchema")),
                error("CVMKEYS-ALERT-012", "Sev5", t -> set(t, SUBSCRIPTION + "properties.destination.properties.severity", "Sev5")),
                error("CVMKEYS-ALERT-012", "severity missing", t -> remove(t, SUBSCRIPTION + "properties.destination.properties.severity")),
                error("CVMKEYS-ALERT-013", "no action group", t -> set(t,
                        SUBSCRIPTION + "properties.destination.properties.actionGroups", List.of())),
                error("CVMKEYS-ALERT-014", "old API version", t -> set(t, SUBSCRIPTION + "apiVersion", "2022-06-15")),
                error("CVMKEYS-ALERT-015", "AzureMonitorAlert", t -> set(t,
                        SUBSCRIPTION + "properties.destination.endpointType", "AzureMonitorAlert")),
                error("CVMKEYS-ALERT-016", "only near expiry", t -> set(t, SUBSCRIPTION + "properties.filter.includedEventTypes",
                        List.of("Microsoft.KeyVault.KeyNearExpiry"))),
                error("CVMKEYS-ALERT-016", "no filter", t -> remove(t, SUBSCRIPTION + "properties.filter")),

                error("CVMKEYS-ALERT-017", "second topic on the vault", t -> {
                    ObjectNode copy = t.withArray("resources").get(7).deepCopy();
                    copy.put("name", "evgt-second");
                    t.withArray("resources").add(copy);
                }),

                error("CVMKEYS-PARAM-001", "secure default", t -> set(t, "parameters.webhookUri.defaultValue",
                        "https://hooks.invalid/services/T0/B0/secret-token")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleFiresOnBadVariant(Case testCase) {
        ObjectNode template = TestTemplates.good();
        testCase.edit().accept(template);

        PolicyReport report = PolicyEngine.confidentialVmCmk().evaluate(template);

        List<Finding> matching = report.findings().stream()
                .filter(finding -> finding.ruleId().equals(testCase.ruleId()) && finding.severity() == testCase.severity())
                .toList();
        assertThat(matching).as("%s findings in%n%s", testCase.ruleId(), report.toText()).isNotEmpty();
        assertThat(matching.get(0).fix()).isNotBlank();
        assertThat(matching.get(0).path()).startsWith("$.");
    }

    @Test
    void goodTemplateSilentAtWarningLevel() {
        PolicyReport report = PolicyEngine.confidentialVmCmk().evaluate(TestTemplates.good());

        assertThat(report.findingsAtLeast(Severity.WARNING)).as(report.toText()).isEmpty();
        assertThat(report.passes()).isTrue();
    }

    @Test
    void goodTemplateHasNoFindingsAtAll() {
        // Every value the rules read is a literal or resolves from a default, so nothing is left unchecked.
        PolicyReport report = PolicyEngine.confidentialVmCmk().evaluate(TestTemplates.good());

        assertThat(report.findings()).as(report.toText()).isEmpty();
        assertThat(report.suppressed()).isEmpty();
    }

    @Test
    void everyRuleHasACase() {
        Set<String> tested = cases().stream().map(Case::ruleId).collect(Collectors.toSet());
        Set<String> declared = RulePack.confidentialVmCmk().descriptors().stream()
                .map(RuleDescriptor::id).collect(Collectors.toSet());

        assertThat(tested).containsExactlyInAnyOrderElementsOf(declared);
    }

    private static Case error(String ruleId, String description, Consumer<ObjectNode> edit) {
        return new Case(ruleId, Severity.ERROR, description, edit);
    }

    private static Case warning(String ruleId, String description, Consumer<ObjectNode> edit) {
        return new Case(ruleId, Severity.WARNING, description, edit);
    }
}
