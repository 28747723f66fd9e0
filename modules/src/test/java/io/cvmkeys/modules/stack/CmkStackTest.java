package io.cvmkeys.modules.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.stack.StackSynthesizer;
import io.cvmkeys.dsl.stack.Synthesis;
import io.cvmkeys.modules.SampleEnvironments;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.env.EnvironmentLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CmkStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Environment prd = new EnvironmentLoader(SampleEnvironments.TODAY).load(SampleEnvironments.PRD);

    @Test
    void stagesDeployVaultFirst() {
        Stack stack = CmkStack.build(prd);

        assertThat(stack.stages()).extracting(stage -> stage.name()).containsExactly("vault", "des", "alerts");
        assertThat(stack.stage("des").resourceGroup()).isEqualTo("rg-avd-prd-cmk");
        assertThat(stack.stage("alerts").resourceGroup()).isEqualTo("rg-avd-cmk-prd-weu-001");
    }

    @Test
    void desStageTakesVersionedKeyFromVaultStage() {
        Stack stack = CmkStack.build(prd);

        assertThat(stack.stage("des").inputs()).anySatisfy(input -> {
            assertThat(input.parameter()).isEqualTo("keyUriWithVersion");
            assertThat(input.fromStage()).isEqualTo("vault");
        });
    }

    @Test
    void synthesisRendersEveryFile() throws Exception {
        Synthesis synthesis = new StackSynthesizer(List.of()).synthesize(CmkStack.build(prd));

        assertThat(synthesis.files().keySet()).containsExactly(
                "vault.json", "vault.parameters.json", "vault.bicep", "vault.bicepparam",
                "des.json", "des.parameters.json", "des.bicep", "des.bicepparam",
                "alerts.json", "alerts.parameters.json", "alerts.bicep", "alerts.bicepparam",
                "main.bicep", "README.md");
        JsonNode vaultParameters = JSON.readTree(synthesis.files().get("vault.parameters.json"));
        assertThat(vaultParameters.at("/parameters/keyExpiry/value").asLong()).isEqualTo(1827619200L);
        assertThat(synthesis.files().get("alerts.bicepparam"))
                .contains("param webhookUri = az.getSecret('6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14', 'rg-avd-prd-ops', 'kv-avd-ops-prd-weu-001', 'cmk-expiry-webhook-uri')");
    }

    @Test
    void readmeSummarizesKeyExpiryAndReceivers() {
        String readme = new StackSynthesizer(List.of()).synthesize(CmkStack.build(prd)).files().get("README.md");

        assertThat(readme).contains("RSA-HSM 3072 bits");
        assertThat(readme).contains("the first version expires on 2027-12-01; the first KeyNearExpiry alert fires on 2027-11-01");
        assertThat(readme).contains("avd-platform@northwind-health.eu, soc-keymanagement@northwind-health.eu");
        assertThat(readme).contains("```mermaid\nflowchart LR");
        assertThat(readme).doesNotContain("cmk-expiry-webhook-uri");
    }

    @Test
    void synthesisIsByteIdenticalOnRerun() {
        Synthesis first = new StackSynthesizer(List.of()).synthesize(CmkStack.build(prd));
        Synthesis second = new StackSynthesizer(List.of()).synthesize(CmkStack.build(prd));

        assertThat(second.files()).isEqualTo(first.files());
    }

    @Test
    void encryptionUserCanBeScopedToVault() throws Exception {
        Environment vaultScoped = new Environment(prd.name(), prd.production(), prd.subscription(), prd.location(), prd.tags(),
                prd.resourceGroups(), prd.keyVault(),
                new Environment.KeySettings(prd.key().name(), prd.key().size(), prd.key().expiresOn(),
                        prd.key().rotationExpiryTime(), prd.key().notifyDaysBeforeExpiry(), null, "vault"),
                prd.identity(), prd.confidentialVmOrchestratorObjectId(), prd.diskEncryptionSet(), prd.hostPool(), prd.alerts());

        String vaultJson = new StackSynthesizer(List.of()).synthesize(CmkStack.build(vaultScoped)).files().get("vault.json");

        JsonNode assignment = JSON.readTree(vaultJson).get("resources").get(5);
        assertThat(assignment.get("scope").asText()).isEqualTo("[format('Microsoft.KeyVault/vaults/{0}', parameters('vaultName'))]");
    }
}
