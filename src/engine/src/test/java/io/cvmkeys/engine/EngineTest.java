package io.cvmkeys.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.policy.PolicyCheck;
import io.cvmkeys.dsl.stack.CheckResult;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.dsl.stack.TemplateCheck;
import io.cvmkeys.dsl.validate.Severity;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.engine.azure.AzureTarget;
import io.cvmkeys.engine.azure.CredentialSource;
import io.cvmkeys.engine.gates.GateRules;
import io.cvmkeys.engine.gates.PreflightLookups;
import io.cvmkeys.engine.gates.VirtualMachineUse;
import io.cvmkeys.engine.whatif.ChangeType;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.stack.CmkStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EngineTest {

    private static final AzureTarget TARGET = AzureTarget.azure("sub-avd-prd", CredentialSource.AZURE_CLI, null);

    @TempDir
    Path project;

    private final InMemoryArm arm = new InMemoryArm();
    private final List<String> lines = new ArrayList<>();
    private final Stack stack = TestResources.prdStack();

    @Test
    void whatIfShowsCreatesForReferenceEnvironment() {
        EngineResult result = engine().whatIf(stack, TARGET, project, lines::add);

        assertThat(result.status()).isEqualTo(EngineResult.Status.CHANGES_PENDING_APPROVAL);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.plan().stages()).extracting(stage -> stage.stage()).containsExactly("vault", "des", "alerts");
        assertThat(result.plan().stages()).allSatisfy(stage -> assertThat(stage.changes())
                .isNotEmpty()
                .allSatisfy(change -> assertThat(change.changeType()).isEqualTo(ChangeType.CREATE)));
        assertThat(result.plan().stages().get(1).unknownInputs()).extracting(input -> input.parameter())
                .containsExactly("keyUriWithVersion", "identityId");
        assertThat(arm.puts()).isEmpty();
        assertThat(project.resolve("target/cvmkeys/prd/plan.json")).exists();
        assertThat(project.resolve("target/cvmkeys/prd/plan.md")).exists();
        assertThat(lines).anyMatch(line -> line.startsWith("Resource changes: ") && line.contains("to create"));
    }

    @Test
    void missingApprovalStopsAfterWhatIf() {
        EngineResult result = engine().deploy(stack, TARGET, false, project, lines::add);

        assertThat(result.status()).isEqualTo(EngineResult.Status.CHANGES_PENDING_APPROVAL);
        assertThat(result.message()).matches("not deployed: \\d+ changes pending approval");
        assertThat(arm.puts()).isEmpty();
        assertThat(project.resolve("generated/prd/outputs.json")).doesNotExist();
        assertThat(project.resolve("target/cvmkeys/prd/plan.json")).exists();
    }

    @Test
    void deployThenRerunChangesNothing() throws IOException {
        Path hostPool = project.resolve("hostpool.json");
        Files.writeString(hostPool, "{\"name\": \"hp-avd-prd-weu-001\", \"diskEncryptionSetId\": \"old\", \"maxSessions\": 8}\n");
        Engine engine = engine(EngineOptions.defaults().withColour(false).withHostPoolConfigurationFile(hostPool));

        EngineResult first = engine.deploy(stack, TARGET, true, project, lines::add);

        assertThat(first.status()).as(first.message()).isEqualTo(EngineResult.Status.DONE);
        assertThat(first.exitCode()).isZero();
        int putsAfterFirst = arm.puts().size();
        assertThat(putsAfterFirst).isGreaterThan(10);
        JsonNode outputs = TestResources.MAPPER.readTree(project.resolve("generated/prd/outputs.json").toFile());
        List<String> names = new ArrayList<>();
        outputs.fieldNames().forEachRemaining(names::add);
        assertThat(names).isSorted().contains("diskEncryptionSetId", "keyUriWithVersion", "vaultId", "systemTopicId");
        assertThat(outputs.path("keyUriWithVersion").asText()).startsWith("https://kv-avd-cmk-prd-weu-001.vault.azure.net/keys/");
        JsonNode hostPoolJson = TestResources.MAPPER.readTree(hostPool.toFile());
        assertThat(hostPoolJson.path("diskEncryptionSetId").asText()).isEqualTo(outputs.path("diskEncryptionSetId").asText())
                .endsWith("/diskEncryptionSets/des-avd-prd-cmk-weu-001");
        assertThat(hostPoolJson.path("maxSessions").asInt()).isEqualTo(8);

        lines.clear();
        EngineResult second = engine.deploy(stack, TARGET, false, project, lines::add);

        assertThat(second.status()).as(second.message()).isEqualTo(EngineResult.Status.NO_CHANGES);
        assertThat(second.plan().realChangeCount()).isZero();
        assertThat(arm.puts()).hasSize(putsAfterFirst);
        assertThat(lines).contains("Stage vault: no changes, deployment skipped", "Stage alerts: no changes, deployment skipped");
    }

    @Test
    void changedValueShowsModifyAndDeploys() {
        assertThat(engine().deploy(stack, TARGET, true, project, lines::add).status()).isEqualTo(EngineResult.Status.DONE);
        Stack changed = CmkStack.build(withSeverity(TestResources.prdEnvironment(), "Sev3"));

        EngineResult plan = engine().deploy(changed, TARGET, false, project, lines::add);

        assertThat(plan.status()).isEqualTo(EngineResult.Status.CHANGES_PENDING_APPROVAL);
        assertThat(plan.plan().realChangeCount()).isEqualTo(1);
        assertThat(plan.plan().stages().get(2).changes()).filteredOn(change -> change.isRealChange()).singleElement()
                .satisfies(change -> {
                    assertThat(change.changeType()).isEqualTo(ChangeType.MODIFY);
                    assertThat(change.changes()).extracting(delta -> delta.path())
                            .containsExactly("properties.destination.properties.severity");
                });

        int putsBefore = arm.puts().size();
        EngineResult deployed = engine().deploy(changed, TARGET, true, project, lines::add);

        assertThat(deployed.status()).as(deployed.message()).isEqualTo(EngineResult.Status.DONE);
        assertThat(deployed.message()).isEqualTo("deployed 1 of 3 stage(s)");
        assertThat(arm.puts().subList(putsBefore, arm.puts().size())).allMatch(id -> id.contains("rg-avd-cmk-prd-weu-001"));
    }

    @Test
    void laterStageInputsPendingWhenEarlierStageChanges() {
        assertThat(engine().deploy(stack, TARGET, true, project, lines::add).status()).isEqualTo(EngineResult.Status.DONE);
        Stack tagged = CmkStack.build(TestResources.withTag(TestResources.prdEnvironment(), "costCenter", "cc-4711"));

        EngineResult plan = engine().whatIf(tagged, TARGET, project, lines::add);

        assertThat(plan.plan().stages().get(0).hasRealChanges()).isTrue();
        assertThat(plan.plan().stages().get(1).pendingInputs()).extracting(input -> input.parameter())
                .containsExactly("keyUriWithVersion", "identityId");
        assertThat(plan.plan().stages().get(1).unknownInputs()).isEmpty();
        assertThat(lines).anyMatch(line -> line.startsWith("  May change when stage vault is deployed: parameter keyUriWithVersion"));
    }

    @Test
    void failureInSecondStageThenRerunResumes() {
        arm.failOn("Microsoft.Compute/diskEncryptionSets", "KeyVaultAccessForbidden",
                "Unable to access key vault resource 'kv-avd-cmk-prd-weu-001' to unwrap key.");

        EngineResult failed = engine().deploy(stack, TARGET, true, project, lines::add);

        assertThat(failed.status()).isEqualTo(EngineResult.Status.FAILED);
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.message()).startsWith("stage des failed: KeyVaultAccessForbidden: Unable to access key vault"
                + " resource 'kv-avd-cmk-prd-weu-001' to unwrap key.");
        assertThat(project.resolve("target/cvmkeys/prd/state.json")).content().contains("\"vault\"").doesNotContain("\"des\"");

        arm.stopFailing();
        int putsBefore = arm.puts().size();
        lines.clear();
        EngineResult resumed = engine().deploy(stack, TARGET, true, project, lines::add);

        assertThat(resumed.status()).as(resumed.message()).isEqualTo(EngineResult.Status.DONE);
        assertThat(lines).contains("Stage vault: no changes, deployment skipped");
        assertThat(arm.puts().subList(putsBefore, arm.puts().size())).noneMatch(id -> id.contains("Microsoft.KeyVault"));
        assertThat(resumed.message()).isEqualTo("deployed 2 of 3 stage(s)");
    }

    @Test
    void stateFileResumesWithoutDeploymentHistory() {
        assertThat(engine().deploy(stack, TARGET, true, project, lines::add).status()).isEqualTo(EngineResult.Status.DONE);
        arm.clearDeploymentHistory();
        int putsBefore = arm.puts().size();

        EngineResult rerun = engine().deploy(stack, TARGET, true, project, lines::add);

        assertThat(rerun.status()).as(rerun.message()).isEqualTo(EngineResult.Status.NO_CHANGES);
        assertThat(arm.puts()).hasSize(putsBefore);
    }

    @Test
    void policyErrorBlocksBeforeAnyWrite() {
        TemplateCheck failing = new TemplateCheck() {
            @Override
            public String name() {
                return "test rules";
            }

            @Override
            public CheckResult check(Stage stage, JsonNode armTemplate, JsonNode armParameters, String bicep) {
                return CheckResult.ran(name(), stage.name().equals("des")
                        ? List.of(new Finding("CVMKEYS-DES-001", Severity.ERROR, "diskEncryptionSet", "$.resources[1]",
                                "rotationToLatestKeyVersionEnabled is true.", "set it to false"))
                        : List.of());
            }
        };
        Engine engine = engine(EngineOptions.defaults().withColour(false).withChecks(List.of(failing)));

        EngineResult result = engine.deploy(stack, TARGET, true, project, lines::add);

        assertThat(result.status()).isEqualTo(EngineResult.Status.FAILED);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo(GateRules.POLICY);
            assertThat(finding.message()).isEqualTo("synthesis reported CVMKEYS-DES-001: rotationToLatestKeyVersionEnabled is true.");
            assertThat(finding.fix()).isEqualTo("set it to false");
        });
        assertThat(arm.puts()).isEmpty();
    }

    @Test
    void referenceStackPassesPolicyRules() {
        Engine engine = engine(EngineOptions.defaults().withColour(false).withChecks(List.of(PolicyCheck.confidentialVmCmk())));

        EngineResult result = engine.deploy(stack, TARGET, true, project, lines::add);

        assertThat(result.status()).as(result.message()).isEqualTo(EngineResult.Status.DONE);
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(GateRules.POLICY);
    }

    @Test
    void softDeletedVaultCaughtBeforeAnyWrite() {
        arm.addDeletedVault(new PreflightLookups.DeletedVault("/subscriptions/" + InMemoryArm.SUBSCRIPTION_ID
                + "/providers/Microsoft.KeyVault/locations/westeurope/deletedVaults/kv-avd-cmk-prd-weu-001",
                "kv-avd-cmk-prd-weu-001", "westeurope", "2026-11-30T10:00:00Z", "2027-02-28T10:00:00Z"));

        EngineResult result = engine().deploy(stack, TARGET, true, project, lines::add);

        assertThat(result.status()).isEqualTo(EngineResult.Status.FAILED);
        assertThat(result.findings()).extracting(Finding::ruleId).contains(GateRules.DELETED_VAULT);
        assertThat(arm.puts()).isEmpty();
    }

    @Test
    void desKeyChangeBlockedWhileVmRuns() {
        assertThat(engine().deploy(stack, TARGET, true, project, lines::add).status()).isEqualTo(EngineResult.Status.DONE);
        String desId = "/subscriptions/" + InMemoryArm.SUBSCRIPTION_ID
                + "/resourceGroups/rg-avd-prd-cmk/providers/Microsoft.Compute/diskEncryptionSets/des-avd-prd-cmk-weu-001";
        JsonNode des = arm.resource(desId).orElseThrow();
        arm.addVirtualMachine(new VirtualMachineUse("/subscriptions/" + InMemoryArm.SUBSCRIPTION_ID
                + "/resourceGroups/rg-avd-prd-hosts/providers/Microsoft.Compute/virtualMachines/avd-prd-0", "disk0",
                "PowerState/running"));
        // Someone pointed the DES at another key version by hand; the deployment would move it back.
        ((com.fasterxml.jackson.databind.node.ObjectNode) des.path("properties").path("activeKey"))
                .put("keyUrl", "https://kv-avd-cmk-prd-weu-001.vault.azure.net/keys/cmk-avd-prd-weu-001/ffff");
        arm.replace(des);
        int putsBefore = arm.puts().size();

        EngineResult result = engine().deploy(stack, TARGET, true, project, lines::add);

        assertThat(result.status()).isEqualTo(EngineResult.Status.FAILED);
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly(GateRules.ACTIVE_KEY_IN_USE);
        assertThat(result.findings().get(0).fix()).contains("cvmkeys rotate");
        assertThat(arm.puts()).hasSize(putsBefore);
    }

    @Test
    void failedWhatIfReportsArmCode() {
        Stack broken = CmkStack.build(withSeverity(TestResources.prdEnvironment(), "Sev9"));

        EngineResult result = engine().whatIf(broken, TARGET, project, lines::add);

        assertThat(result.status()).isEqualTo(EngineResult.Status.FAILED);
        assertThat(result.message()).startsWith("What-If of stage 'alerts' failed: InvalidTemplate: ");
    }

    @Test
    void missingEnvironmentVariableIsInvalidInput() {
        Environment environment = TestResources.prdEnvironment();
        Environment withEnvWebhook = TestResources.withAlerts(environment,
                alerts -> TestResources.webhookFromVariable(alerts, "CMK_WEBHOOK_URI"));
        Engine engine = engine(EngineOptions.defaults().withColour(false).withEnvironmentVariables(name -> null));

        EngineResult result = engine.whatIf(CmkStack.build(withEnvWebhook), TARGET, project, lines::add);

        assertThat(result.status()).isEqualTo(EngineResult.Status.INVALID_INPUT);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.message()).isEqualTo("Stage 'alerts' parameter 'webhookUri' is read from the environment"
                + " variable CMK_WEBHOOK_URI, which is not set. Set it in the shell or pipeline that deploys.");
    }

    private Engine engine() {
        return engine(EngineOptions.defaults().withColour(false));
    }

    private Engine engine(EngineOptions options) {
        return new Engine(options, target -> arm.connection(), Clock.fixed(Instant.parse("2026-12-04T20:00:00Z"), ZoneOffset.UTC));
    }

    private static Environment withSeverity(Environment environment, String severity) {
        return TestResources.withAlerts(environment, alerts -> TestResources.severity(alerts, severity));
    }
}
