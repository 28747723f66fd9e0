package io.cvmkeys.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BicepBuildComparisonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String EMITTED = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "metadata": { "_generator": { "name": "cvmkeys", "version": "0.1.0" } },
              "parameters": {
                "vaultName": { "type": "string" },
                "alertEmail": { "type": "secureString" }
              },
              "resources": [
                { "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "[parameters('vaultName')]",
                  "location": "[resourceGroup().location]",
                  "properties": { "sku": { "family": "A", "name": "premium" }, "tenantId": "[tenant().tenantId]" } },
                { "type": "Microsoft.KeyVault/vaults/keys", "apiVersion": "2023-07-01",
                  "name": "[format('{0}/{1}', parameters('vaultName'), 'des-key')]",
                  "properties": { "kty": "RSA-HSM", "keySize": 3072 },
                  "dependsOn": [ "[resourceId('Microsoft.KeyVault/vaults', parameters('vaultName'))]" ] }
              ],
              "outputs": { "vaultId": { "type": "string", "value": "[resourceId('Microsoft.KeyVault/vaults', parameters('vaultName'))]" } }
            }
            """;

    /** What {@code bicep build} writes for the same model when it uses symbolic names. */
    private static final String BUILT_SYMBOLIC = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "languageVersion": "2.0",
              "contentVersion": "1.0.0.0",
              "metadata": { "_generator": { "name": "bicep", "version": "0.30.23.60470", "templateHash": "1" } },
              "parameters": {
                "vaultName": { "type": "string" },
                "alertEmail": { "type": "securestring" }
              },
              "resources": {
                "rg": { "existing": true, "type": "Microsoft.Resources/resourceGroups", "apiVersion": "2022-09-01", "name": "x" },
                "key": { "type": "Microsoft.KeyVault/vaults/keys", "apiVersion": "2023-07-01",
                  "name": "[format('{0}/{1}', parameters('vaultName'), 'des-key')]",
                  "properties": { "kty": "RSA-HSM", "keySize": 3072 },
                  "dependsOn": [ "vault" ] },
                "vault": { "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "[parameters('vaultName')]",
                  "location": "[resourceGroup().location]",
                  "properties": { "sku": { "family": "A", "name": "premium" }, "tenantId": "[tenant().tenantId]" } }
              },
              "outputs": { "vaultId": { "type": "string", "value": "[resourceId('Microsoft.KeyVault/vaults', parameters('vaultName'))]" } }
            }
            """;

    @Test
    void sameModelInOtherLayoutMatches() throws Exception {
        List<Finding> findings = BicepBuildComparison.compare(MAPPER.readTree(BUILT_SYMBOLIC), MAPPER.readTree(EMITTED));

        assertThat(findings).isEmpty();
    }

    @Test
    void changedPropertyIsReportedWithPath() throws Exception {
        ObjectNode built = (ObjectNode) MAPPER.readTree(BUILT_SYMBOLIC);
        built.withObjectProperty("resources").withObjectProperty("key").withObjectProperty("properties").put("keySize", 2048);

        List<Finding> findings = BicepBuildComparison.compare(built, MAPPER.readTree(EMITTED));

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.ruleId()).isEqualTo("BICEP-CROSSCHECK");
        assertThat(finding.resource())
                .isEqualTo("Microsoft.KeyVault/vaults/keys '[format('{0}/{1}', parameters('vaultName'), 'des-key')]'");
        assertThat(finding.path()).isEqualTo("$.properties.keySize");
        assertThat(finding.message()).isEqualTo("Bicep build has 2048, cvmkeys ARM has 3072");
    }

    @Test
    void missingResourceIsReported() throws Exception {
        ObjectNode built = (ObjectNode) MAPPER.readTree(BUILT_SYMBOLIC);
        built.withObjectProperty("resources").remove("key");

        List<Finding> findings = BicepBuildComparison.compare(built, MAPPER.readTree(EMITTED));

        assertThat(findings).extracting(Finding::message)
                .containsExactly("the resource is only in the cvmkeys ARM output, not in the Bicep build output");
    }

    @Test
    void apiVersionDifferenceIsReported() throws Exception {
        ObjectNode emitted = (ObjectNode) MAPPER.readTree(EMITTED);
        ((ObjectNode) emitted.withArray("resources").get(0)).put("apiVersion", "2022-07-01");

        List<Finding> findings = BicepBuildComparison.compare(MAPPER.readTree(BUILT_SYMBOLIC), emitted);

        assertThat(findings).extracting(Finding::path, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.apiVersion",
                        "Bicep build has \"2023-07-01\", cvmkeys ARM has \"2022-07-01\""));
    }

    @Test
    void parameterAndOutputDifferencesAreReported() throws Exception {
        ObjectNode emitted = (ObjectNode) MAPPER.readTree(EMITTED);
        emitted.withObjectProperty("parameters").withObjectProperty("vaultName").put("type", "int");
        emitted.withObjectProperty("outputs").remove("vaultId");

        List<Finding> findings = BicepBuildComparison.compare(MAPPER.readTree(BUILT_SYMBOLIC), emitted);

        assertThat(findings).extracting(Finding::path)
                .containsExactly("$.parameters.vaultName.type", "$.outputs.vaultId");
    }

    @Test
    void arrayLayoutOnBothSidesMatches() throws Exception {
        JsonNode emitted = MAPPER.readTree(EMITTED);

        assertThat(BicepBuildComparison.compare(emitted, emitted.deepCopy())).isEmpty();
    }
}
