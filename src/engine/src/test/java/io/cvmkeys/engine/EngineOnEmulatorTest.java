package io.cvmkeys.engine;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.emulator.ArmEmulator;
import io.cvmkeys.emulator.ArmEmulatorOptions;
import io.cvmkeys.emulator.Fault;
import io.cvmkeys.emulator.Throttling;
import io.cvmkeys.engine.azure.AzureClients;
import io.cvmkeys.engine.azure.AzureTarget;
import io.cvmkeys.engine.gates.GateRules;
import io.cvmkeys.engine.whatif.ChangeType;
import io.cvmkeys.engine.whatif.ResourceChange;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.stack.CmkStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine against the ARM emulator on loopback HTTPS, through the real Azure SDK clients. */
class EngineOnEmulatorTest {

    private static final String SUBSCRIPTION = "6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14";
    private static final String VAULT_RG = "rg-avd-cmk-prd-weu-001";
    private static final String DES_RG = "rg-avd-prd-cmk";
    private static final String HOSTS_RG = "rg-avd-prd-hosts";
    private static final String DES_ID = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + DES_RG
            + "/providers/Microsoft.Compute/diskEncryptionSets/des-avd-prd-cmk-weu-001";
    private static final String KEY_ID = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + VAULT_RG
            + "/providers/Microsoft.KeyVault/vaults/kv-avd-cmk-prd-weu-001/keys/cmk-avd-prd-weu-001";

    static {
        // The SDK's blocking pollers wait in real time between polls; the emulator finishes operations at once.
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(delay -> Duration.ofMillis(1));
    }

    @TempDir
    Path project;

    private ArmEmulator emulator;
    private final List<String> lines = new ArrayList<>();
    private final Engine engine = new Engine(EngineOptions.defaults().withColour(false)
            .withEnvironmentVariables(name -> name.equals("CMK_WEBHOOK_URI") ? "https://hooks.example.test/cmk-expiry" : null));

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void whatIfShowsCreates() {
        start(options());

        EngineResult result = engine.whatIf(stack(environment()), target(), project, lines::add);

        assertThat(result.status()).as(result.message()).isEqualTo(EngineResult.Status.CHANGES_PENDING_APPROVAL);
        assertThat(result.plan().stages()).allSatisfy(stage -> assertThat(stage.changes()).isNotEmpty()
                .allSatisfy(change -> assertThat(change.changeType()).isEqualTo(ChangeType.CREATE)));
        assertThat(lines).anyMatch(line -> line.matches("Resource changes: \\d+ to create\\."));
    }

    @Test
    void deployThenRerunShowsNoChanges() throws IOException {
        start(options());

        EngineResult first = engine.deploy(stack(environment()), target(), true, project, lines::add);

        assertThat(first.status()).as(first.message()).isEqualTo(EngineResult.Status.DONE);
        JsonNode outputs = TestResources.MAPPER.readTree(project.resolve("generated/prd/outputs.json").toFile());
        assertThat(outputs.path("keyUriWithVersion").asText())
                .matches("https://kv-avd-cmk-prd-weu-001\\.vault\\.azure\\.net/keys/cmk-avd-prd-weu-001/[0-9a-f]{32}");
        assertThat(outputs.path("diskEncryptionSetId").asText()).containsIgnoringCase("/diskEncryptionSets/des-avd-prd-cmk-weu-001");

        // Any deployment PUT from now on fails, so a re-run that writes would show.
        emulator.faults().add(Fault.onOperation("Deployments_CreateOrUpdate").fail(409, "Conflict", "no write expected"));
        lines.clear();
        EngineResult second = engine.deploy(stack(environment()), target(), true, project, lines::add);

        assertThat(second.status()).as(second.message() + "\n" + String.join("\n", lines))
                .isEqualTo(EngineResult.Status.NO_CHANGES);
        assertThat(second.plan().realChangeCount()).isZero();
        assertThat(TestResources.MAPPER.readTree(project.resolve("generated/prd/outputs.json").toFile())).isEqualTo(outputs);
    }

    @Test
    void changedValueShowsModifyAndDeploys() {
        start(options());
        assertThat(engine.deploy(stack(environment()), target(), true, project, lines::add).status())
                .isEqualTo(EngineResult.Status.DONE);
        Stack changed = stack(TestResources.withAlerts(environment(), alerts -> TestResources.severity(alerts, "Sev3")));

        EngineResult plan = engine.whatIf(changed, target(), project, lines::add);

        assertThat(plan.status()).as(plan.message()).isEqualTo(EngineResult.Status.CHANGES_PENDING_APPROVAL);
        List<ResourceChange> real = plan.plan().stages().stream().flatMap(stage -> stage.changes().stream())
                .filter(ResourceChange::isRealChange).toList();
        assertThat(real).singleElement().satisfies(change -> {
            assertThat(change.changeType()).isEqualTo(ChangeType.MODIFY);
            assertThat(change.resourceId()).contains("/eventSubscriptions/");
        });

        EngineResult deployed = engine.deploy(changed, target(), true, project, lines::add);

        assertThat(deployed.status()).as(deployed.message()).isEqualTo(EngineResult.Status.DONE);
        assertThat(engine.whatIf(changed, target(), project, lines::add).status()).isEqualTo(EngineResult.Status.NO_CHANGES);
    }

    @Test
    void desKeyChangeBlockedWhileVmRuns() {
        start(options());
        assertThat(engine.deploy(stack(environment()), target(), true, project, lines::add).status())
                .isEqualTo(EngineResult.Status.DONE);
        resourceManager().resourceGroups().define(HOSTS_RG).withRegion("westeurope").create();
        String diskId = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + HOSTS_RG + "/providers/Microsoft.Compute/disks/avd-prd-0-os";
        put(diskId, "{\"location\":\"westeurope\",\"sku\":{\"name\":\"Premium_LRS\"},\"properties\":{\"creationData\":"
                + "{\"createOption\":\"Empty\"},\"diskSizeGB\":128,\"securityProfile\":{\"securityType\":"
                + "\"ConfidentialVM_DiskEncryptedWithCustomerKey\",\"secureVMDiskEncryptionSetId\":\"" + DES_ID + "\"}}}");
        put("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + HOSTS_RG + "/providers/Microsoft.Compute/virtualMachines/avd-prd-0",
                "{\"location\":\"westeurope\",\"properties\":{\"hardwareProfile\":{\"vmSize\":\"Standard_DC4as_v5\"},"
                        + "\"securityProfile\":{\"securityType\":\"ConfidentialVM\"},\"storageProfile\":{\"osDisk\":{\"name\":"
                        + "\"avd-prd-0-os\",\"createOption\":\"Attach\",\"managedDisk\":{\"id\":\"" + diskId + "\"}}}}}");
        String keyUrlBefore = desKeyUrl();
        assertThat(keyUrlBefore).startsWith("https://kv-avd-cmk-prd-weu-001.vault.azure.net/keys/cmk-avd-prd-weu-001/");
        // A new key version, as a data-plane rotation makes. A tag change redeploys the vault stage, whose output
        // then names the new version, so the DES stage would move to it while the VM runs.
        emulator.addKeyVersion(KEY_ID);
        Stack tagged = stack(TestResources.withTag(environment(), "costCenter", "cc-4711"));

        EngineResult result = engine.deploy(tagged, target(), true, project, lines::add);

        assertThat(result.status()).as(result.message() + "\n" + String.join("\n", lines)).isEqualTo(EngineResult.Status.FAILED);
        assertThat(result.message()).startsWith("stage des blocked by ");
        assertThat(desKeyUrl()).isEqualTo(keyUrlBefore);
        assertThat(result.findings()).extracting(Finding::ruleId).contains(GateRules.ACTIVE_KEY_IN_USE);
        assertThat(result.findings()).filteredOn(finding -> finding.ruleId().equals(GateRules.ACTIVE_KEY_IN_USE))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.message()).contains("avd-prd-0 (running)");
                    assertThat(finding.fix()).contains("cvmkeys rotate");
                });
    }

    @Test
    void softDeletedVaultCaughtBeforeAnyWrite() throws IOException {
        Path fixture = project.resolve("fixture.json");
        Files.writeString(fixture, "{\"subscriptionId\":\"" + SUBSCRIPTION + "\",\"resourceGroups\":[{\"name\":\"" + VAULT_RG
                + "\",\"location\":\"westeurope\"}],\"resources\":[{\"id\":\"/subscriptions/" + SUBSCRIPTION + "/resourceGroups/"
                + VAULT_RG + "/providers/Microsoft.KeyVault/vaults/kv-avd-cmk-prd-weu-001\",\"body\":{\"location\":"
                + "\"westeurope\",\"properties\":{\"tenantId\":\"" + ArmEmulatorOptions.DEFAULT_TENANT_ID + "\",\"sku\":"
                + "{\"family\":\"A\",\"name\":\"premium\"},\"enableSoftDelete\":true}},\"emulator\":{\"deleted\":true}}]}");
        start(options().fixture(fixture));
        emulator.faults().add(Fault.onOperation("Deployments_CreateOrUpdate").fail(409, "Conflict", "no write expected"));

        EngineResult result = engine.deploy(stack(environment()), target(), true, project, lines::add);

        assertThat(result.status()).as(result.message()).isEqualTo(EngineResult.Status.FAILED);
        assertThat(result.message()).startsWith("blocked by ");
        assertThat(result.findings()).extracting(Finding::ruleId).contains(GateRules.DELETED_VAULT);
    }

    @Test
    void secondSystemTopicCaught() {
        start(options());
        assertThat(engine.deploy(stack(environment()), target(), true, project, lines::add).status())
                .isEqualTo(EngineResult.Status.DONE);
        Stack renamed = stack(TestResources.withAlerts(environment(),
                alerts -> TestResources.systemTopicName(alerts, "evgt-kv-avd-cmk-prd-renamed")));

        EngineResult result = engine.deploy(renamed, target(), true, project, lines::add);

        assertThat(result.status()).as(result.message()).isEqualTo(EngineResult.Status.FAILED);
        assertThat(result.findings()).filteredOn(finding -> finding.ruleId().equals(GateRules.SYSTEM_TOPIC_EXISTS))
                .singleElement().satisfies(finding -> assertThat(finding.fix()).contains("'evgt-kv-avd-cmk-prd-weu-001-cmk'"));
    }

    @Test
    void identicalKeyPutSkipped() throws IOException {
        start(options());
        assertThat(engine.deploy(stack(environment()), target(), true, project, lines::add).status())
                .isEqualTo(EngineResult.Status.DONE);
        String keyUri = TestResources.MAPPER.readTree(project.resolve("generated/prd/outputs.json").toFile())
                .path("keyUriWithVersion").asText();
        lines.clear();

        EngineResult result = engine.deploy(stack(TestResources.withTag(environment(), "costCenter", "cc-4711")), target(),
                true, project, lines::add);

        assertThat(result.status()).as(result.message() + "\n" + String.join("\n", lines)).isEqualTo(EngineResult.Status.DONE);
        assertThat(lines).contains("Stage vault: the key exists exactly as defined; its PUT is skipped and its"
                + " keyUriWithVersion is read from the existing key");
        assertThat(result.outputs().path("keyUriWithVersion").asText()).isEqualTo(keyUri);
    }

    @Test
    void roleAssignmentUnderOtherNameCaught() {
        start(options());
        assertThat(engine.deploy(stack(environment()), target(), true, project, lines::add).status())
                .isEqualTo(EngineResult.Status.DONE);
        String orchestrator = environment().confidentialVmOrchestratorObjectId();
        JsonNode generated = AzureClients.connect(target()).rest()
                .list(KEY_ID + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01").stream()
                .filter(assignment -> assignment.path("properties").path("principalId").asText().equalsIgnoreCase(orchestrator))
                .findFirst().orElseThrow();
        send(HttpMethod.DELETE, generated.path("id").asText(), "2022-04-01", null);
        send(HttpMethod.PUT, KEY_ID + "/providers/Microsoft.Authorization/roleAssignments/0f6b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
                "2022-04-01", "{\"properties\":{\"roleDefinitionId\":\"" + generated.path("properties").path("roleDefinitionId").asText()
                        + "\",\"principalId\":\"" + orchestrator + "\",\"principalType\":\"ServicePrincipal\"}}");

        EngineResult result = engine.deploy(stack(environment()), target(), true, project, lines::add);

        assertThat(result.status()).as(result.message()).isEqualTo(EngineResult.Status.FAILED);
        assertThat(result.findings()).filteredOn(finding -> finding.ruleId().equals(GateRules.ROLE_ASSIGNMENT_EXISTS))
                .singleElement().satisfies(finding -> assertThat(finding.fix()).contains("0f6b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"));
    }

    @Test
    void failedStageReportedThenRerunSkipsDoneStage() {
        start(options());
        emulator.faults().add(Fault.onPath("PUT", ".*/deployments/cvmkeys-avd-cmk-prd-des")
                .failOperation("KeyVaultAccessForbidden", "Unable to access key vault 'kv-avd-cmk-prd-weu-001'."));

        EngineResult failed = engine.deploy(stack(environment()), target(), true, project, lines::add);

        assertThat(failed.status()).as(failed.message()).isEqualTo(EngineResult.Status.FAILED);
        assertThat(failed.message()).startsWith("stage des failed: KeyVaultAccessForbidden: Unable to access key vault"
                + " 'kv-avd-cmk-prd-weu-001'.");

        emulator.faults().clear();
        lines.clear();
        EngineResult resumed = engine.deploy(stack(environment()), target(), true, project, lines::add);

        assertThat(resumed.status()).as(resumed.message() + "\n" + String.join("\n", lines)).isEqualTo(EngineResult.Status.DONE);
        assertThat(lines).contains("Stage vault: no changes, deployment skipped");
        assertThat(resumed.message()).isEqualTo("deployed 2 of 3 stage(s)");
    }

    @Test
    void missingApprovalWritesNothing() {
        start(options());

        EngineResult result = engine.deploy(stack(environment()), target(), false, project, lines::add);

        assertThat(result.status()).isEqualTo(EngineResult.Status.CHANGES_PENDING_APPROVAL);
        assertThat(result.message()).matches("not deployed: \\d+ changes pending approval");
        assertThat(resourceManager().genericResources().listByResourceGroup(VAULT_RG).stream().count()).isZero();
        assertThat(project.resolve("target/cvmkeys/prd/plan.md")).exists();
    }

    @Test
    void throttledRequestsRetriedAfterRetryAfter() {
        // Few writes and reads per second, so a deployment meets 429s and the SDK waits out each Retry-After.
        start(options().throttling(new Throttling(true, 6, 3, 3, 2)));

        EngineResult result = engine.deploy(stack(environment()), target(), true, project, lines::add);

        assertThat(result.status()).as(result.message()).isEqualTo(EngineResult.Status.DONE);
    }

    @Test
    void longRunningWaitsReported() {
        // Operations take a second of real time and ask clients to poll again after a second.
        start(options().operationDuration(Duration.ofSeconds(1)).retryAfter(Duration.ofSeconds(1)));

        EngineResult result = engine.deploy(stack(environment()), target(), true, project, lines::add);

        assertThat(result.status()).as(result.message()).isEqualTo(EngineResult.Status.DONE);
        assertThat(lines).anyMatch(line -> line.startsWith("  waiting for deployment cvmkeys-avd-cmk-prd-vault: IN_PROGRESS"));
    }

    private void start(ArmEmulatorOptions options) {
        emulator = ArmEmulator.start(options);
        ResourceManager arm = resourceManager();
        for (String group : List.of(VAULT_RG, DES_RG)) {
            if (!arm.resourceGroups().contain(group)) {
                arm.resourceGroups().define(group).withRegion("westeurope").create();
            }
        }
    }

    private static ArmEmulatorOptions options() {
        return new ArmEmulatorOptions()
                .throttling(Throttling.disabled())
                .retryAfter(Duration.ZERO)
                .operationDuration(Duration.ZERO);
    }

    private AzureTarget target() {
        return AzureTarget.emulator(emulator.endpoint(), emulator.httpClient(), emulator.credential(), SUBSCRIPTION, null);
    }

    private ResourceManager resourceManager() {
        return ResourceManager.configure()
                .withHttpClient(emulator.httpClient())
                .authenticate(emulator.credential(), emulator.profile(SUBSCRIPTION))
                .withSubscription(SUBSCRIPTION);
    }

    private String desKeyUrl() {
        return resourceManager().genericResources().getById(DES_ID, "2025-01-02").properties() instanceof java.util.Map<?, ?> properties
                ? TestResources.MAPPER.valueToTree(properties).path("activeKey").path("keyUrl").asText()
                : "";
    }

    private void put(String id, String body) {
        send(HttpMethod.PUT, id, id.contains("/disks/") ? "2024-03-02" : "2024-07-01", body);
    }

    private void send(HttpMethod method, String id, String apiVersion, String body) {
        HttpPipeline pipeline = AzureClients.connect(target()).pipeline();
        HttpRequest request = new HttpRequest(method, emulator.endpoint() + id.substring(1) + "?api-version=" + apiVersion);
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json").setBody(body);
        }
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            assertThat(response.getStatusCode()).as("%s %s: %s", method, id, response.getBodyAsBinaryData()).isBetween(200, 204);
        }
    }

    private static Environment environment() {
        return TestResources.withAlerts(TestResources.prdEnvironment(),
                alerts -> TestResources.webhookFromVariable(alerts, "CMK_WEBHOOK_URI"));
    }

    private static Stack stack(Environment environment) {
        return CmkStack.build(environment);
    }
}
