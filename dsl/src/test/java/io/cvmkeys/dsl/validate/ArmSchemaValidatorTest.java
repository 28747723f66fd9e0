package io.cvmkeys.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArmSchemaValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ArmSchemaValidator validator;

    @BeforeAll
    static void createValidator() {
        validator = ArmSchemaValidator.fromSystemProperty();
    }

    @Test
    void validStackHasNoFindings() {
        List<Finding> findings = validator.validateTemplate(read("arm/valid-stack.json"));

        assertThat(findings).isEmpty();
    }

    @Test
    void validStackCoversEveryStackResourceType() {
        JsonNode template = read("arm/valid-stack.json");

        assertThat(template.path("resources").findValuesAsText("type")).contains(
                "Microsoft.KeyVault/vaults",
                "Microsoft.KeyVault/vaults/keys",
                "Microsoft.ManagedIdentity/userAssignedIdentities",
                "Microsoft.Network/privateEndpoints",
                "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
                "Microsoft.Authorization/roleAssignments",
                "Microsoft.Compute/diskEncryptionSets",
                "Microsoft.Insights/actionGroups",
                "Microsoft.Insights/diagnosticSettings",
                "Microsoft.EventGrid/systemTopics",
                "Microsoft.EventGrid/systemTopics/eventSubscriptions",
                "Microsoft.DesktopVirtualization/hostPools");
    }

    @Test
    void skuNameTypoGivesOneFocusedLine() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 0).withObjectProperty("properties").withObjectProperty("sku").put("name", "premuim");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.ruleId()).isEqualTo("ARM-SCHEMA");
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.resource()).isEqualTo("resources[0] Microsoft.KeyVault/vaults");
        assertThat(finding.path()).isEqualTo("$.resources[0].properties.sku.name");
        assertThat(finding.message()).isEqualTo("\"premuim\" is not one of [standard, premium]");
        assertThat(finding.toLine()).startsWith("error ARM-SCHEMA resources[0] Microsoft.KeyVault/vaults "
                + "$.resources[0].properties.sku.name: \"premuim\" is not one of [standard, premium]");
    }

    @Test
    void repeatedValidationGivesSameFindings() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 0).withObjectProperty("properties").withObjectProperty("sku").put("name", "premuim");

        List<Finding> first = validator.validateTemplate(template);
        List<Finding> second = validator.validateTemplate(template);

        assertThat(second).isEqualTo(first);
        assertThat(validator.validateTemplate(read("arm/valid-stack.json"))).isEmpty();
    }

    @Test
    void encryptionTypeTypoListsAllowedValues() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 4).withObjectProperty("properties").put("encryptionType", "ConfidentialVmEncryptedWithCustomerKeys");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).extracting(Finding::toLine).containsExactly(
                "error ARM-SCHEMA resources[4] Microsoft.Compute/diskEncryptionSets "
                        + "$.resources[4].properties.encryptionType: \"ConfidentialVmEncryptedWithCustomerKeys\" "
                        + "is not one of [EncryptionAtRestWithCustomerKey, EncryptionAtRestWithPlatformAndCustomerKeys, "
                        + "ConfidentialVmEncryptedWithCustomerKey] "
                        + "Fix: Use one of the allowed values, or an ARM expression that returns one.");
    }

    @Test
    void wrongTypeNamesFoundAndExpected() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 1).withObjectProperty("properties").put("keySize", "3072");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).extracting(Finding::path).containsExactly("$.resources[1].properties.keySize");
        assertThat(findings.get(0).message()).isEqualTo("\"3072\" has type string, expected integer");
        assertThat(findings.get(0).resource()).isEqualTo("resources[1] Microsoft.KeyVault/vaults/keys");
    }

    @Test
    void missingRequiredPropertyIsNamed() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 0).withObjectProperty("properties").withObjectProperty("sku").remove("family");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).extracting(Finding::path, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "$.resources[0].properties.sku", "required property \"family\" is missing"));
    }

    @Test
    void missingApiVersionIsAnError() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 2).remove("apiVersion");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).extracting(Finding::severity).containsOnly(Severity.ERROR);
        assertThat(findings).extracting(Finding::path).contains("$.resources[2].apiVersion");
    }

    @Test
    void literalChildNamePasses() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 1).put("name", "kv-avd-cmk-prd-weu-001/cvm-des-key");

        assertThat(validator.validateTemplate(template)).isEmpty();
    }

    @Test
    void literalChildNameChecksLastSegment() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 1).put("name", "kv1/key_1");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).extracting(Finding::message).containsExactly(
                "\"key_1\" (last segment of \"kv1/key_1\") does not match the pattern ^[a-zA-Z0-9-]{1,127}$");
        assertThat(findings.get(0).path()).isEqualTo("$.resources[1].name");
    }

    @Test
    void literalChildNameNeedsOneSegmentPerLevel() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 1).put("name", "cvm-des-key");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).extracting(Finding::message).containsExactly(
                "\"cvm-des-key\" has 1 name segment(s), but Microsoft.KeyVault/vaults/keys needs 2");
    }

    @Test
    void unknownDiscriminatorListsEveryKind() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 10).withObjectProperty("properties").withObjectProperty("destination").put("endpointType", "MonitorAlerts");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).path()).isEqualTo("$.resources[10].properties.destination.endpointType");
        assertThat(findings.get(0).message())
                .startsWith("\"MonitorAlerts\" is not one of [")
                .contains("MonitorAlert,", "WebHook", "EventHub", "AzureFunction");
    }

    @Test
    void wrongValueInsideUnionBranchIsFocused() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 10).withObjectProperty("properties").withObjectProperty("destination").withObjectProperty("properties").put("severity", "Sev9");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).extracting(Finding::path, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "$.resources[10].properties.destination.properties.severity",
                        "\"Sev9\" is not one of [Sev0, Sev1, Sev2, Sev3, Sev4]"));
    }

    @Test
    void expressionValuesAreNotChecked() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 0).withObjectProperty("properties").withObjectProperty("sku").put("name", "[parameters('skuName')]");
        resource(template, 1).withObjectProperty("properties").put("keySize", "[parameters('keySize')]");
        resource(template, 0).put("tags", "[parameters('tags')]");

        assertThat(validator.validateTemplate(template)).isEmpty();
    }

    @Test
    void propertyLoopPasses() {
        ObjectNode template = read("arm/valid-stack.json");
        usePropertyLoop(resource(template, 5));

        assertThat(validator.validateTemplate(template)).isEmpty();
    }

    @Test
    void propertyLoopInputIsValidated() {
        ObjectNode template = read("arm/valid-stack.json");
        ObjectNode input = usePropertyLoop(resource(template, 5));
        input.withObjectProperty("properties").put("groupIds", "vault");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).extracting(Finding::path, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(
                        "$.resources[5].properties.copy[0].input.properties.groupIds",
                        "\"vault\" has type string, expected array"));
    }

    @Test
    void unknownApiVersionIsNotValidatedWarning() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 0).put("apiVersion", "2019-09-01");
        resource(template, 0).withObjectProperty("properties").withObjectProperty("sku").put("name", "premuim");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(findings.get(0).message())
                .startsWith("not validated: no local ARM schema for Microsoft.KeyVault/vaults@2019-09-01");
    }

    @Test
    void resourceTypeMatchIsCaseInsensitive() {
        ObjectNode template = read("arm/valid-stack.json");
        resource(template, 0).put("type", "microsoft.keyvault/VAULTS");
        resource(template, 0).withObjectProperty("properties").withObjectProperty("sku").put("name", "premuim");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(findings.get(0).message()).startsWith("\"premuim\" is not one of");
    }

    @Test
    void symbolicNameLayoutIsValidated() {
        ObjectNode template = read("arm/valid-stack.json");
        ObjectNode vault = resource(template, 0).deepCopy();
        vault.withObjectProperty("properties").withObjectProperty("sku").put("name", "premuim");
        ObjectNode resources = template.putObject("resources");
        resources.set("vault", vault);
        resources.putObject("network").put("existing", true)
                .put("type", "Microsoft.Network/virtualNetworks").put("apiVersion", "2023-09-01").put("name", "vnet1");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).extracting(Finding::resource, Finding::path, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("resources['vault'] Microsoft.KeyVault/vaults",
                        "$.resources['vault'].properties.sku.name", "\"premuim\" is not one of [standard, premium]"));
    }

    @Test
    void templateRootIsValidated() {
        ObjectNode template = read("arm/valid-stack.json");
        template.put("contentVersion", "1.0");

        List<Finding> findings = validator.validateTemplate(template);

        assertThat(findings).extracting(Finding::resource, Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("", "$.contentVersion"));
        assertThat(findings.get(0).message()).startsWith("\"1.0\" does not match the pattern");
    }

    @Test
    void validParameterFilePasses() {
        assertThat(validator.validateParameters(read("arm/valid-stack.parameters.json"))).isEmpty();
    }

    @Test
    void parameterWithoutValueOrReferenceFails() {
        ObjectNode parameters = read("arm/valid-stack.parameters.json");
        ObjectNode vaultName = parameters.withObjectProperty("parameters").withObjectProperty("vaultName");
        vaultName.remove("value");
        vaultName.put("valeu", "kv1");

        List<Finding> findings = validator.validateParameters(parameters);

        assertThat(findings).extracting(Finding::toLine).containsExactlyInAnyOrder(
                "error ARM-SCHEMA $.parameters.vaultName: one of the properties [value, reference] is required "
                        + "Fix: Add exactly one of these properties.",
                "error ARM-SCHEMA $.parameters.vaultName: property \"valeu\" is not allowed "
                        + "Fix: Remove the property \"valeu\" or correct its spelling.");
    }

    @Test
    void parameterFileNeedsContentVersion() {
        ObjectNode parameters = read("arm/valid-stack.parameters.json");
        parameters.remove("contentVersion");

        List<Finding> findings = validator.validateParameters(parameters);

        assertThat(findings).extracting(Finding::message)
                .containsExactly("required property \"contentVersion\" is missing");
    }

    @Test
    void parameterFileMatchesTemplate() {
        List<Finding> findings = validator.validateParameters(
                read("arm/valid-stack.parameters.json"), read("arm/valid-stack.json"));

        assertThat(findings).extracting(Finding::message).containsExactlyInAnyOrder(
                "required parameter \"actionGroupName\" has no value and no default value",
                "required parameter \"hostPoolName\" has no value and no default value",
                "required parameter \"privateDnsZoneId\" has no value and no default value",
                "required parameter \"subnetId\" has no value and no default value",
                "required parameter \"systemTopicName\" has no value and no default value",
                "required parameter \"workspaceId\" has no value and no default value");
        assertThat(findings).extracting(Finding::ruleId).containsOnly("ARM-PARAMETERS");
    }

    @Test
    void parameterValuesAreCheckedAgainstDeclarations() {
        ObjectNode template = read("arm/valid-stack.json");
        ObjectNode parameters = read("arm/valid-stack.parameters.json");
        ObjectNode values = parameters.withObjectProperty("parameters");
        for (String name : List.of("actionGroupName", "hostPoolName", "privateDnsZoneId", "subnetId",
                "systemTopicName", "workspaceId")) {
            values.putObject(name).put("value", name + "-1");
        }
        values.putObject("VAULTNAME").put("value", "kv");
        values.remove("vaultName");
        values.putObject("keyName").put("value", 42);
        values.putObject("skuName").put("value", "premium");

        List<Finding> findings = validator.validateParameters(parameters, template);

        assertThat(findings).extracting(Finding::path, Finding::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("$.parameters.keyName.value",
                        "42 does not match the declared type string"),
                org.assertj.core.groups.Tuple.tuple("$.parameters.skuName",
                        "parameter \"skuName\" is not declared in the template"),
                org.assertj.core.groups.Tuple.tuple("$.parameters.VAULTNAME.value",
                        "length 2 is below minLength 3"));
    }

    @Test
    void nonObjectTemplateIsAnError() {
        List<Finding> findings = validator.validateTemplate(MAPPER.createArrayNode());

        assertThat(findings).extracting(Finding::message).containsExactly("the template is not a JSON object");
    }

    @Test
    void missingFolderNamesFolderAndSetting(@TempDir Path temp) {
        Path missing = temp.resolve("no-such-folder");

        assertThatThrownBy(() -> new ArmSchemaValidator(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ARM schema folder not found: " + missing)
                .hasMessageContaining("cvmkeys.armSchemas");
    }

    @Test
    void folderWithoutSchemasIsRejected(@TempDir Path temp) {
        assertThatThrownBy(() -> new ArmSchemaValidator(temp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not contain schemas/common/autogeneratedResources.json")
                .hasMessageContaining("cvmkeys.armSchemas");
    }

    @Test
    void schemaFolderIsTheConfiguredOne() {
        Path configured = Path.of(System.getProperty("cvmkeys.armSchemas")).toAbsolutePath().normalize();

        assertThat(validator.schemaFolder()).isEqualTo(configured);
    }

    /** Rewrites privateLinkServiceConnections as a property loop, as Bicep compiles [for ...], and returns its input. */
    private static ObjectNode usePropertyLoop(ObjectNode privateEndpoint) {
        ObjectNode properties = privateEndpoint.withObjectProperty("properties");
        JsonNode connection = properties.remove("privateLinkServiceConnections").get(0);
        ObjectNode loop = properties.putArray("copy").addObject()
                .put("name", "privateLinkServiceConnections")
                .put("count", "[length(parameters('groupIds'))]");
        ObjectNode input = loop.putObject("input");
        input.setAll((ObjectNode) connection);
        input.put("name", "[format('vault-{0}', copyIndex('privateLinkServiceConnections'))]");
        return input;
    }

    private static ObjectNode resource(ObjectNode template, int index) {
        return (ObjectNode) template.withArray("resources").get(index);
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = ArmSchemaValidatorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new AssertionError("Failed to read test resource " + resource, e);
        }
    }
}
