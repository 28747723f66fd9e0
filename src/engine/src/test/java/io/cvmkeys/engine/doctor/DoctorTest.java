package io.cvmkeys.engine.doctor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Each check against the emulator: the healthy stack has no findings, and each breakage yields exactly its own. */
class DoctorTest {

    private LiveStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void healthyStackHasNoFindings() {
        DoctorReport report = deploy(s -> { });

        assertThat(report.findings()).isEmpty();
        assertThat(report.status()).isEqualTo(DoctorStatus.HEALTHY);
        assertThat(report.subscriptionId()).isEqualTo(LiveStack.SUBSCRIPTION);
        assertThat(report.checkedAt()).isEqualTo(LiveStack.NOW);
    }

    @Test
    void missingVaultIsReportedAlone() {
        DoctorReport report = deploy(s -> { });
        stack.put(stack.ids.vault().replace("kv-avd-cmk-prd-weu-001", "kv-other"), stack.vault, LiveStack.KEY_VAULT_API);
        stack.delete(stack.ids.vault(), LiveStack.KEY_VAULT_API);

        report = stack.examine();

        Finding finding = onlyFinding(report, "DOCTOR-VAULT-001");
        assertThat(finding.message()).contains("soft-deleted");
        assertThat(finding.fix()).contains("az keyvault recover --name kv-avd-cmk-prd-weu-001");
        assertThat(finding.impact()).contains("Deallocated hosts will not start");
    }

    @Test
    void vaultWithoutPurgeProtection() {
        onlyFinding(deploy(s -> s.vault.with("properties").remove("enablePurgeProtection")), "DOCTOR-VAULT-002");
    }

    @Test
    void vaultWithoutSoftDelete() {
        onlyFinding(deploy(s -> s.vault.with("properties").put("enableSoftDelete", false)), "DOCTOR-VAULT-003");
    }

    @Test
    void vaultWithAccessPolicies() {
        onlyFinding(deploy(s -> s.vault.with("properties").put("enableRbacAuthorization", false)), "DOCTOR-VAULT-004");
    }

    @Test
    void vaultWithPublicNetworkAccess() {
        Finding finding = onlyFinding(deploy(s -> s.vault.with("properties").put("publicNetworkAccess", "Enabled")),
                "DOCTOR-VAULT-005");

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void missingKey() {
        DoctorReport report = deploy(s -> { });
        stack.delete(stack.ids.key(), LiveStack.KEY_VAULT_API);

        Finding finding = onlyFinding(stack.examine(), "DOCTOR-KEY-001");

        assertThat(finding.fix()).contains("az keyvault key recover").contains("Purge protection");
        assertThat(finding.impact()).contains("Running hosts keep working only until");
    }

    @Test
    void disabledKeyIsARevocation() {
        Finding finding = onlyFinding(deploy(s -> attributes(s).put("enabled", false)), "DOCTOR-KEY-002");

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.impact())
                .contains("Running hosts keep working only until the storage layer's cached key expires")
                .contains("Deallocated hosts will not start")
                .contains("new hosts on the Disk Encryption Set fail");
        assertThat(finding.fix()).contains("--enabled true");
    }

    @Test
    void keyWithoutExpiry() {
        onlyFinding(deploy(s -> attributes(s).remove("exp")), "DOCTOR-KEY-003");
    }

    @Test
    void keyNotExportable() {
        onlyFinding(deploy(s -> attributes(s).put("exportable", false)), "DOCTOR-KEY-010");
    }

    @Test
    void keyWithoutReleasePolicy() {
        onlyFinding(deploy(s -> s.key.with("properties").remove("release_policy")), "DOCTOR-KEY-011");
    }

    @Test
    void rotationPolicyWithoutNotify() {
        onlyFinding(deploy(s -> s.key.with("properties").remove("rotationPolicy")), "DOCTOR-KEY-007");
    }

    @Test
    void rotationPolicyThatRotates() {
        DoctorReport report = deploy(s -> lifetimeActions(s).addObject()
                .<ObjectNode>set("trigger", s.key.objectNode().put("timeAfterCreate", "P90D"))
                .putObject("action").put("type", "Rotate"));

        onlyFinding(report, "DOCTOR-KEY-008");
    }

    @Test
    void notifyTriggerOtherThanTheEnvironment() {
        Finding finding = onlyFinding(deploy(s -> ((ObjectNode) lifetimeActions(s).get(0).path("trigger"))
                .put("timeBeforeExpiry", "P14D")), "DOCTOR-KEY-009");

        assertThat(finding.message()).contains("'P14D'").contains("P30D");
    }

    @Test
    void notifyActionIsMatchedCaseInsensitively() {
        DoctorReport report = deploy(s -> ((ObjectNode) lifetimeActions(s).get(0).path("action")).put("type", "Notify"));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void diskEncryptionSetMissing() {
        DoctorReport report = deploy(s -> { });
        stack.delete(stack.vmId, LiveStack.COMPUTE_API);
        stack.delete(stack.osDiskId, LiveResources.DISK_API);
        stack.delete(stack.ids.diskEncryptionSet(), LiveResources.DISK_API);

        onlyFinding(stack.examine(), "DOCTOR-DES-001");
    }

    @Test
    void diskEncryptionSetForPlainDisks() {
        onlyFinding(deploy(s -> s.diskEncryptionSet.with("properties")
                .put("encryptionType", "EncryptionAtRestWithCustomerKey")), "DOCTOR-DES-002");
    }

    @Test
    void diskEncryptionSetOnAnotherKey() {
        onlyFinding(deploy(s -> activeKey(s).put("keyUrl",
                "https://kv-avd-cmk-prd-weu-001.vault.azure.net/keys/cmk-other/0123456789abcdef0123456789abcdef")),
                "DOCTOR-DES-004");
    }

    @Test
    void diskEncryptionSetOnMissingVersion() {
        Finding finding = onlyFinding(deploy(s -> activeKey(s).put("keyUrl",
                "https://kv-avd-cmk-prd-weu-001.vault.azure.net/keys/cmk-avd-prd-weu-001/0123456789abcdef0123456789abcdef")),
                "DOCTOR-DES-005");

        assertThat(finding.message()).contains("not found");
        assertThat(finding.impact()).contains("Deallocated hosts will not start");
    }

    @Test
    void versionlessKeyUrl() {
        deploy(s -> { });
        stack.rewriteReads(stack.ids.diskEncryptionSet(), set -> set.with("properties").with("activeKey")
                .put("keyUrl", "https://kv-avd-cmk-prd-weu-001.vault.azure.net/keys/cmk-avd-prd-weu-001"));

        Finding finding = onlyFinding(stack.examine(), "DOCTOR-DES-003");

        assertThat(finding.fix()).contains("keyUriWithVersion");
    }

    @Test
    void disabledOlderVersionIsARevocation() {
        deploy(s -> { });
        String oldVersionId = stack.ids.key() + "/versions/" + version(stack.keyUriWithVersion);
        stack.emulator().addKeyVersion(stack.ids.key());
        stack.rewriteReads(oldVersionId, version -> version.with("properties").with("attributes").put("enabled", false));

        Finding finding = onlyFinding(stack.examine(), "DOCTOR-DES-005");

        assertThat(finding.message()).contains(stack.keyUriWithVersion).contains("is disabled");
        assertThat(finding.impact()).contains("Deallocated hosts will not start");
        assertThat(finding.fix()).contains("--enabled true");
    }

    @Test
    void expiredOlderVersionIsReported() {
        deploy(s -> { });
        String oldVersionId = stack.ids.key() + "/versions/" + version(stack.keyUriWithVersion);
        stack.emulator().addKeyVersion(stack.ids.key());
        long yesterday = LiveStack.NOW.minusSeconds(86_400).getEpochSecond();
        stack.rewriteReads(oldVersionId, version -> version.with("properties").with("attributes").put("exp", yesterday));

        Finding finding = onlyFinding(stack.examine(), "DOCTOR-KEY-006");

        assertThat(finding.resourceId()).isEqualTo(oldVersionId);
        assertThat(finding.message()).startsWith("Key version " + stack.keyUriWithVersion + ", still active on Disk"
                + " Encryption Set 'des-avd-prd-cmk-weu-001', expired on 2027-05-31T09:00:00Z");
    }

    @Test
    void diskEncryptionSetWithAutomaticRotation() {
        onlyFinding(deploy(s -> s.diskEncryptionSet.with("properties").put("rotationToLatestKeyVersionEnabled", true)),
                "DOCTOR-DES-006");
    }

    @Test
    void unfinishedRotationLeavesPreviousKeys() {
        DoctorReport report = deploy(s -> { });
        String oldVersion = stack.keyUriWithVersion;
        String newVersion = stack.emulator().addKeyVersion(stack.ids.key());
        activeKey(stack).put("keyUrl", newVersion);
        stack.put(stack.ids.diskEncryptionSet(), stack.diskEncryptionSet, LiveResources.DISK_API);

        Finding finding = onlyFinding(stack.examine(), "DOCTOR-DES-007");

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains(oldVersion);
    }

    @Test
    void olderEnabledVersionIsHealthy() {
        deploy(s -> { });
        stack.emulator().addKeyVersion(stack.ids.key());

        assertThat(stack.examine().findings()).isEmpty();
    }

    @Test
    void removedEncryptionUserRoleIsARevocation() {
        deploy(s -> { });
        stack.delete(stack.encryptionUserAssignmentId, LiveResources.AUTHORIZATION_API);

        Finding finding = onlyFinding(stack.examine(), "DOCTOR-ROLE-001");

        assertThat(finding.message()).contains(stack.identityPrincipalId).contains(RoleAssignmentChecks.ENCRYPTION_USER);
        assertThat(finding.impact()).contains("Deallocated hosts will not start");
        assertThat(finding.fix()).contains("az role assignment create").contains(stack.ids.key());
    }

    @Test
    void encryptionUserRoleOnTheVaultCounts() {
        deploy(s -> s.encryptionUserRole = false);
        String id = stack.ids.vault() + "/providers/Microsoft.Authorization/roleAssignments/"
                + "3b5e2c1d-0000-4000-8000-000000000001";
        ObjectNode properties = stack.key.objectNode();
        properties.putObject("properties")
                .put("roleDefinitionId", "/subscriptions/" + LiveStack.SUBSCRIPTION
                        + "/providers/Microsoft.Authorization/roleDefinitions/" + RoleAssignmentChecks.ENCRYPTION_USER)
                .put("principalId", stack.identityPrincipalId)
                .put("principalType", "ServicePrincipal");
        stack.put(id, properties, LiveResources.AUTHORIZATION_API);

        assertThat(stack.examine().findings()).isEmpty();
    }

    @Test
    void missingReleaseUserRole() {
        Finding finding = onlyFinding(deploy(s -> s.releaseUserRole = false), "DOCTOR-ROLE-002");

        assertThat(finding.message()).contains("5c9a8e2d-1f3b-4a67-8d0e-b4c2a7f91e36");
        assertThat(finding.impact()).contains("deallocated hosts will not start");
    }

    @Test
    void hostThatIsNotAConfidentialVm() {
        onlyFinding(deploy(s -> s.virtualMachine.with("properties").with("securityProfile")
                .put("securityType", "TrustedLaunch")), "DOCTOR-HOST-001");
    }

    @Test
    void hostWithOsDiskOffTheSet() {
        Finding finding = onlyFinding(deploy(s -> s.virtualMachine.with("properties").with("storageProfile")
                .with("osDisk").with("managedDisk").with("securityProfile")
                .put("securityEncryptionType", "VMGuestStateOnly")), "DOCTOR-HOST-002");

        assertThat(finding.resourceId()).isEqualToIgnoringCase(stack.vmId);
    }

    @Test
    void missingEventSubscription() {
        deploy(s -> { });
        stack.delete(stack.ids.eventSubscription(), LiveResources.EVENT_GRID_API);

        onlyFinding(stack.examine(), "DOCTOR-ALERT-001");
    }

    @Test
    void eventSubscriptionWithoutKeyExpired() {
        Finding finding = onlyFinding(deploy(s -> {
            ArrayNode events = (ArrayNode) s.eventSubscription.path("properties").path("filter").path("includedEventTypes");
            events.remove(1);
        }), "DOCTOR-ALERT-002");

        assertThat(finding.message()).contains("Microsoft.KeyVault.KeyExpired");
    }

    @Test
    void eventSubscriptionWithEventGridSchema() {
        onlyFinding(deploy(s -> s.eventSubscription.with("properties").put("eventDeliverySchema", "EventGridSchema")),
                "DOCTOR-ALERT-003");
    }

    @Test
    void eventSubscriptionToAnotherActionGroup() {
        deploy(s -> { });
        ArrayNode actionGroups = (ArrayNode) stack.eventSubscription.path("properties").path("destination")
                .path("properties").path("actionGroups");
        actionGroups.removeAll().add(stack.ids.actionGroup().replace("ag-cmk-avd-expiry-prd", "ag-other"));
        stack.put(stack.ids.eventSubscription(), stack.eventSubscription, LiveResources.EVENT_GRID_API);

        Finding finding = onlyFinding(stack.examine(), "DOCTOR-ALERT-007");

        assertThat(finding.message()).contains("ag-other");
    }

    @Test
    void missingActionGroup() {
        deploy(s -> { });
        stack.delete(stack.ids.actionGroup(), LiveResources.MONITOR_API);

        onlyFinding(stack.examine(), "DOCTOR-ALERT-004");
    }

    @Test
    void disabledActionGroup() {
        onlyFinding(deploy(s -> s.actionGroup.with("properties").put("enabled", false)), "DOCTOR-ALERT-005");
    }

    @Test
    void placeholderReceiver() {
        Finding finding = onlyFinding(deploy(s -> ((ObjectNode) s.actionGroup.path("properties").path("emailReceivers")
                .get(0)).put("emailAddress", "ops@example.com")), "DOCTOR-ALERT-006");

        assertThat(finding.message()).contains("ops@example.com");
    }

    @Test
    void webhookReceiverUriIsNeverPrinted() {
        DoctorReport report = deploy(s -> {
            ObjectNode properties = s.actionGroup.with("properties");
            properties.putArray("emailReceivers");
            properties.putArray("webhookReceivers").addObject().put("name", "webhook")
                    .put("serviceUri", "https://hooks.northwind-health.eu/cmk?token=secret-token-value");
        });

        assertThat(report.findings()).isEmpty();
        assertThat(new DoctorJson().render(report)).doesNotContain("secret-token-value");
    }

    private DoctorReport deploy(Consumer<LiveStack> change) {
        stack = LiveStack.healthy().with(change).deploy();
        return stack.examine();
    }

    /** Asserts that {@code report} has one finding, with {@code id}, and returns it. */
    static Finding onlyFinding(DoctorReport report, String id) {
        assertThat(report.findings()).extracting(Finding::id).containsExactly(id);
        return report.findings().get(0);
    }

    private static String version(String keyUriWithVersion) {
        return keyUriWithVersion.substring(keyUriWithVersion.lastIndexOf('/') + 1);
    }

    private static ObjectNode attributes(LiveStack stack) {
        return stack.key.with("properties").with("attributes");
    }

    private static ArrayNode lifetimeActions(LiveStack stack) {
        return (ArrayNode) stack.key.path("properties").path("rotationPolicy").path("lifetimeActions");
    }

    private static ObjectNode activeKey(LiveStack stack) {
        return stack.diskEncryptionSet.with("properties").with("activeKey");
    }
}
