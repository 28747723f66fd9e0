package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cvmkeys.dsl.policy.TestTemplates.json;
import static io.cvmkeys.dsl.policy.TestTemplates.set;
import static org.assertj.core.api.Assertions.assertThat;

class ExpressionResolutionTest {

    private static final String SKU = "resources[0].properties.sku.name";

    @Test
    void parameterWithoutValueIsInfoNotError() {
        ObjectNode template = TestTemplates.good();
        set(template, "parameters.skuName", Map.of("type", "string"));
        set(template, SKU, "[parameters('skuName')]");

        List<Finding> findings = findings(template, PolicyEngine.confidentialVmCmk());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CVMKEYS-KV-001");
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.message()).contains("[parameters('skuName')]").contains("only known at deployment time");
        });
    }

    @Test
    void suppliedParameterValueIsChecked() {
        ObjectNode template = TestTemplates.good();
        set(template, "parameters.skuName", Map.of("type", "string", "defaultValue", "premium"));
        set(template, SKU, "[parameters('skuName')]");
        PolicyEngine engine = PolicyEngine.confidentialVmCmk()
                .withParameterValues(ParameterValues.of(Map.of("skuName", "standard")));

        List<Finding> findings = findings(template, engine);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CVMKEYS-KV-001");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message()).contains("properties.sku.name is 'standard'");
        });
    }

    @Test
    void defaultValueIsUsedWithoutSuppliedValue() {
        ObjectNode template = TestTemplates.good();
        set(template, "parameters.skuName", Map.of("type", "string", "defaultValue", "premium"));
        set(template, SKU, "[parameters('skuName')]");

        assertThat(findings(template, PolicyEngine.confidentialVmCmk())).isEmpty();
    }

    @Test
    void parametersFileValueWinsOverDefault() {
        ObjectNode template = TestTemplates.good();
        set(template, "parameters.retention", Map.of("type", "int", "defaultValue", 90));
        set(template, "resources[0].properties.softDeleteRetentionInDays", "[parameters('retention')]");
        ParameterValues values = ParameterValues.fromParametersFile(json(
                "{'parameters': {'retention': {'value': 3}, 'webhookUri': {'reference': {'secretName': 'hook'}}}}"));

        List<Finding> findings = findings(template, PolicyEngine.confidentialVmCmk().withParameterValues(values));

        assertThat(findings).extracting(Finding::ruleId).containsExactly("CVMKEYS-KV-003");
        assertThat(values.isSuppliedButUnknown("webhookUri")).isTrue();
    }

    @Test
    void keyVaultReferenceHidesDefault() {
        ObjectNode template = TestTemplates.good();
        set(template, "parameters.skuName", Map.of("type", "string", "defaultValue", "standard"));
        set(template, SKU, "[parameters('skuName')]");
        ParameterValues values = ParameterValues.fromParametersFile(json(
                "{'parameters': {'skuName': {'reference': {'secretName': 'sku'}}}}"));

        List<Finding> findings = findings(template, PolicyEngine.confidentialVmCmk().withParameterValues(values));

        assertThat(findings).singleElement().extracting(Finding::severity).isEqualTo(Severity.INFO);
    }

    @Test
    void variableIsResolved() {
        ObjectNode template = TestTemplates.good();
        set(template, "variables.keyType", "RSA");
        set(template, "resources[1].properties.kty", "[variables('keyType')]");

        assertThat(findings(template, PolicyEngine.confidentialVmCmk())).extracting(Finding::ruleId)
                .containsExactly("CVMKEYS-KEY-001");
    }

    @Test
    void variableObjectPropertyIsResolved() {
        ObjectNode template = TestTemplates.good();
        set(template, "variables.vaultSettings", Map.of("purge", false));
        set(template, "resources[0].properties.enablePurgeProtection", "[variables('vaultSettings').purge]");

        assertThat(findings(template, PolicyEngine.confidentialVmCmk())).extracting(Finding::ruleId)
                .containsExactly("CVMKEYS-KV-006");
    }

    @Test
    void wholePropertiesFromVariable() {
        ObjectNode template = TestTemplates.good();
        set(template, "variables.vaultProperties", template.at("/resources/0/properties").deepCopy());
        set(template, "variables.vaultProperties.publicNetworkAccess", "Enabled");
        set(template, "resources[0].properties", "[variables('vaultProperties')]");

        assertThat(findings(template, PolicyEngine.confidentialVmCmk())).extracting(Finding::ruleId)
                .containsExactly("CVMKEYS-KV-004");
    }

    @Test
    void escapedBracketIsLiteral() {
        ObjectNode template = TestTemplates.good();
        set(template, SKU, "[[premium]");

        List<Finding> findings = findings(template, PolicyEngine.confidentialVmCmk());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message()).contains("'[premium]'");
        });
    }

    @Test
    void otherFunctionIsNotChecked() {
        ObjectNode template = TestTemplates.good();
        set(template, "resources[1].properties.kty", "[if(equals(parameters('location'), 'westeurope'), 'RSA-HSM', 'RSA')]");

        assertThat(findings(template, PolicyEngine.confidentialVmCmk())).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CVMKEYS-KEY-001");
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
        });
    }

    @Test
    void propertyLoopIsNotCheckedButNoted() {
        ObjectNode template = TestTemplates.good();
        ObjectNode properties = (ObjectNode) template.at("/resources/6/properties");
        properties.remove("emailReceivers");
        properties.remove("webhookReceivers");
        set(template, "parameters.emails", Map.of("type", "array", "defaultValue", List.of("ops@example.com")));
        set(template, "resources[6].properties.copy", List.of(Map.of("name", "emailReceivers",
                "count", "[length(parameters('emails'))]",
                "input", Map.of("name", "[format('mail-{0}', copyIndex('emailReceivers'))]",
                        "emailAddress", "[parameters('emails')[copyIndex('emailReceivers')]]",
                        "useCommonAlertSchema", true))));

        List<Finding> findings = findings(template, PolicyEngine.confidentialVmCmk());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CVMKEYS-ALERT-003");
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.message()).contains("copy loop 'emailReceivers'");
        });
    }

    @Test
    void innerScopeNestedDeploymentIsLinted() {
        ObjectNode outer = (ObjectNode) json("{'$schema': 'x', 'contentVersion': '1.0.0.0',"
                + " 'parameters': {'vaultSku': {'type': 'string', 'defaultValue': 'standard'}}, 'resources': []}");
        ObjectNode inner = (ObjectNode) json("{'parameters': {'sku': {'type': 'string', 'defaultValue': 'premium'}}, 'resources': []}");
        ObjectNode vault = TestTemplates.good().withArray("resources").get(0).deepCopy();
        vault.with("properties").with("sku").put("name", "[parameters('sku')]");
        inner.withArray("resources").add(vault);
        ObjectNode deployment = outer.withArray("resources").addObject();
        deployment.put("type", "Microsoft.Resources/deployments").put("apiVersion", "2022-09-01").put("name", "vault");
        ObjectNode properties = deployment.putObject("properties");
        properties.putObject("expressionEvaluationOptions").put("scope", "inner");
        properties.putObject("parameters").putObject("sku").put("value", "[parameters('vaultSku')]");
        properties.set("template", inner);

        List<Finding> findings = findings(outer, PolicyEngine.confidentialVmCmk());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CVMKEYS-KV-001");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.path()).isEqualTo("$.resources[0].properties.template.resources[0].properties.sku.name");
        });
    }

    @Test
    void outerScopeNestedDeploymentUsesRootParameters() {
        ObjectNode template = TestTemplates.good();
        ObjectNode vault = (ObjectNode) template.withArray("resources").remove(0);
        vault.with("properties").put("publicNetworkAccess", "[parameters('access')]");
        set(template, "parameters.access", Map.of("type", "string", "defaultValue", "Enabled"));
        set(template, "parameters.token", Map.of("type", "secureString", "defaultValue", "not-empty"));
        ObjectNode deployment = template.withArray("resources").addObject();
        deployment.put("type", "Microsoft.Resources/deployments").put("apiVersion", "2022-09-01").put("name", "vault");
        deployment.putObject("properties").putObject("template").putArray("resources").add(vault);

        List<Finding> findings = findings(template, PolicyEngine.confidentialVmCmk());

        assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("CVMKEYS-KV-004", "CVMKEYS-PARAM-001");
        assertThat(findings).extracting(Finding::path).contains("$.resources[9].properties.template.resources[0].properties.publicNetworkAccess");
    }

    @Test
    void resolverFollowsParameterChains() {
        ObjectNode template = TestTemplates.MAPPER.createObjectNode();
        set(template, "parameters.a", Map.of("type", "string", "defaultValue", "[parameters('b')]"));
        set(template, "parameters.b", Map.of("type", "string", "defaultValue", "[variables('c')]"));
        set(template, "variables.c", "premium");
        ExpressionResolver resolver = new ExpressionResolver(template, ParameterValues.empty());

        ResolvedValue value = resolver.resolve(TextNode.valueOf("[parameters('A')]"));

        assertThat(value.isKnown()).isTrue();
        assertThat(value.asText()).isEqualTo("premium");
    }

    @Test
    void selfReferenceStopsAsExpression() {
        ObjectNode template = TestTemplates.MAPPER.createObjectNode();
        set(template, "variables.loop", "[variables('loop')]");
        ExpressionResolver resolver = new ExpressionResolver(template, ParameterValues.empty());

        assertThat(resolver.resolve(TextNode.valueOf("[variables('loop')]")).isExpression()).isTrue();
    }

    private static List<Finding> findings(ObjectNode template, PolicyEngine engine) {
        return engine.evaluate(template).findings();
    }
}
