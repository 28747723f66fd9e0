package io.cvmkeys.emulator.arm;

import static io.cvmkeys.emulator.arm.TestScopes.RESOURCE_GROUP_ID;
import static io.cvmkeys.emulator.arm.TestScopes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateEvaluatorTest {

    private static final String IDENTITIES = RESOURCE_GROUP_ID + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/";

    private static EvaluatedDeployment evaluate(String template) {
        return TemplateEvaluator.evaluate(json(template), null, TestScopes.CONTEXT, ResourceLookup.empty());
    }

    private static String identity(String name, String dependsOn) {
        return "{'type': 'Microsoft.ManagedIdentity/userAssignedIdentities', 'apiVersion': '2023-01-31',"
                + " 'name': '" + name + "', 'location': 'westeurope', 'dependsOn': [" + dependsOn + "]}";
    }

    private static List<String> names(EvaluatedDeployment deployment) {
        return deployment.resources().stream().map(EvaluatedResource::name).toList();
    }

    @Test
    void dependenciesComeFirst() {
        EvaluatedDeployment deployment = evaluate("{'resources': ["
                + identity("c", "'[resourceId(`Microsoft.ManagedIdentity/userAssignedIdentities`, `b`)]'") + ","
                + identity("a", "") + ","
                + identity("b", "'a'") + ","
                + identity("d", "") + "]}");

        assertThat(names(deployment)).containsExactly("a", "b", "c", "d");
        assertThat(deployment.resources().get(2).dependsOnIds()).containsExactly(IDENTITIES + "b");
        assertThat(deployment.resources().get(1).dependsOnIds()).containsExactly(IDENTITIES + "a");
    }

    @Test
    void dependsOnMatchesIdOrTypeAndName() {
        EvaluatedDeployment deployment = evaluate("{'resources': ["
                + identity("b", "'" + IDENTITIES.toUpperCase() + "A', 'Microsoft.ManagedIdentity/userAssignedIdentities/c'")
                + "," + identity("a", "") + "," + identity("c", "") + "]}");

        assertThat(names(deployment)).containsExactly("a", "c", "b");
        assertThat(deployment.resources().get(2).dependsOnIds()).containsExactly(IDENTITIES + "a", IDENTITIES + "c");
    }

    @Test
    void cycleReported() {
        assertThatThrownBy(() -> evaluate("{'resources': ["
                + identity("a", "'c'") + "," + identity("b", "'a'") + "," + identity("c", "'b'") + ","
                + identity("d", "") + "]}"))
                .isInstanceOf(ArmExpressionException.class)
                .hasMessage("Circular dependency detected on resource '" + IDENTITIES + "a': " + IDENTITIES + "a -> "
                        + IDENTITIES + "c -> " + IDENTITIES + "b -> " + IDENTITIES + "a. Remove one of the dependsOn"
                        + " entries in this cycle.");
    }

    @Test
    void selfDependencyReported() {
        assertThatThrownBy(() -> evaluate("{'resources': [" + identity("a", "'a'") + "]}"))
                .hasMessage("Circular dependency detected on resource '" + IDENTITIES + "a': it depends on itself.");
    }

    @Test
    void unknownDependencyReported() {
        assertThatThrownBy(() -> evaluate("{'resources': [" + identity("a", "'nope'") + "]}"))
                .hasMessage("The resource 'nope' in the dependsOn of '" + IDENTITIES + "a' is not defined in the"
                        + " template.");
    }

    @Test
    void falseConditionSkipsResourceAndItsDependencies() {
        EvaluatedDeployment deployment = evaluate("{'resources': ["
                + "{'condition': '[equals(1, 2)]', 'type': 'Microsoft.ManagedIdentity/userAssignedIdentities',"
                + " 'apiVersion': '2023-01-31', 'name': 'skipped'},"
                + identity("kept", "'skipped'") + "]}");

        assertThat(names(deployment)).containsExactly("kept");
        assertThat(deployment.resources().get(0).dependsOnIds()).isEmpty();
    }

    @Test
    void propertyCopyLoopBuildsArray() {
        EvaluatedDeployment deployment = evaluate("{'parameters': {'subnets': {'type': 'array',"
                + " 'defaultValue': ['web', 'data']}}, 'resources': [{"
                + "'type': 'Microsoft.Network/virtualNetworks', 'apiVersion': '2023-09-01', 'name': 'vnet',"
                + "'properties': {'addressSpace': {'addressPrefixes': ['10.0.0.0/16']}, 'copy': [{"
                + "  'name': 'subnets', 'count': '[length(parameters(`subnets`))]', 'input': {"
                + "    'name': '[parameters(`subnets`)[copyIndex(`subnets`)]]',"
                + "    'properties': {'addressPrefix': '[format(`10.0.{0}.0/24`, copyIndex(`subnets`, 1))]'}}}]}}]}");

        JsonNode properties = deployment.resources().get(0).body().get("properties");
        assertThat(properties.has("copy")).isFalse();
        assertThat(properties.get("subnets")).isEqualTo(json("["
                + "{'name': 'web', 'properties': {'addressPrefix': '10.0.1.0/24'}},"
                + "{'name': 'data', 'properties': {'addressPrefix': '10.0.2.0/24'}}]"));
        assertThat(properties.get("addressSpace")).isEqualTo(json("{'addressPrefixes': ['10.0.0.0/16']}"));
    }

    @Test
    void propertyCopyLoopWithZeroCount() {
        EvaluatedDeployment deployment = evaluate("{'resources': [{"
                + "'type': 'Microsoft.Network/virtualNetworks', 'apiVersion': '2023-09-01', 'name': 'vnet',"
                + "'properties': {'copy': [{'name': 'subnets', 'count': 0, 'input': {'name': 'x'}}]}}]}");

        assertThat(deployment.resources().get(0).body().at("/properties/subnets")).isEqualTo(json("[]"));
    }

    @Test
    void resourceCopyLoopMakesInstances() {
        EvaluatedDeployment deployment = evaluate("{'resources': ["
                + "{'type': 'Microsoft.ManagedIdentity/userAssignedIdentities', 'apiVersion': '2023-01-31',"
                + " 'name': '[format(`id-{0}`, copyIndex())]', 'copy': {'name': 'ids', 'count': 2},"
                + " 'tags': {'index': '[string(copyIndex(`ids`))]'}},"
                + identity("after", "'ids'") + "]}");

        assertThat(names(deployment)).containsExactly("id-0", "id-1", "after");
        assertThat(deployment.resources().get(1).body().at("/tags/index").textValue()).isEqualTo("1");
        assertThat(deployment.resources().get(2).dependsOnIds()).containsExactly(IDENTITIES + "id-0", IDENTITIES + "id-1");
    }

    @Test
    void childAndExtensionResourceIds() {
        EvaluatedDeployment deployment = evaluate("{'resources': ["
                + "{'type': 'Microsoft.KeyVault/vaults/keys', 'apiVersion': '2023-07-01', 'name': 'kv1/k1'},"
                + "{'type': 'Microsoft.Authorization/roleAssignments', 'apiVersion': '2022-04-01', 'name': 'ra1',"
                + " 'scope': 'Microsoft.KeyVault/vaults/kv1/keys/k1'},"
                + "{'type': 'Microsoft.Authorization/roleAssignments', 'apiVersion': '2022-04-01', 'name': 'ra2',"
                + " 'scope': '[resourceId(`Microsoft.KeyVault/vaults`, `kv1`)]'}]}");

        String key = RESOURCE_GROUP_ID + "/providers/Microsoft.KeyVault/vaults/kv1/keys/k1";
        String vault = RESOURCE_GROUP_ID + "/providers/Microsoft.KeyVault/vaults/kv1";
        assertThat(deployment.resources().get(0).id()).isEqualTo(key);
        assertThat(deployment.resources().get(0).scope()).isNull();
        assertThat(deployment.resources().get(1).id())
                .isEqualTo(key + "/providers/Microsoft.Authorization/roleAssignments/ra1");
        assertThat(deployment.resources().get(1).scope()).isEqualTo(key);
        assertThat(deployment.resources().get(2).id())
                .isEqualTo(vault + "/providers/Microsoft.Authorization/roleAssignments/ra2");
    }

    @Test
    void nameSegmentsMustMatchType() {
        assertThatThrownBy(() -> evaluate("{'resources': ["
                + "{'type': 'Microsoft.KeyVault/vaults/keys', 'apiVersion': '2023-07-01', 'name': 'k1'}]}"))
                .hasMessage("The resource name 'k1' does not match the resource type 'Microsoft.KeyVault/vaults/keys':"
                        + " a resource of this type needs 2 name segment(s) but 1 were given.");
    }

    @Test
    void duplicateResourceRejected() {
        assertThatThrownBy(() -> evaluate("{'resources': [" + identity("a", "") + "," + identity("A", "") + "]}"))
                .hasMessage("The resource '" + IDENTITIES + "A' is defined multiple times in the template. Give each"
                        + " resource a distinct name.");
    }

    @Test
    void unsupportedFunctionInPropertiesRejected() {
        assertThatThrownBy(() -> evaluate("{'resources': [{'type': 'Microsoft.ManagedIdentity/userAssignedIdentities',"
                + " 'apiVersion': '2023-01-31', 'name': 'a', 'tags': {'at': '[utcNow()]'}}]}"))
                .isInstanceOfSatisfying(ArmExpressionException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidTemplate"))
                .hasMessageStartingWith("The template function 'utcNow' is not supported by the cvmkeys emulator.");
    }

    @Test
    void symbolicNameResourcesRejected() {
        assertThatThrownBy(() -> evaluate("{'languageVersion': '2.0', 'resources': {'id': {}}}"))
                .hasMessageStartingWith("The template's 'resources' is an object of symbolic names");
    }

    @Test
    void nestedChildResourcesRejected() {
        assertThatThrownBy(() -> evaluate("{'resources': [{'type': 'Microsoft.KeyVault/vaults',"
                + " 'apiVersion': '2023-07-01', 'name': 'kv1', 'resources': []}]}"))
                .hasMessageStartingWith("The resource at index 0 nests child resources");
    }

    @Test
    void bodyKeepsBodyFieldsOnly() {
        EvaluatedDeployment deployment = evaluate("{'resources': [{'type': 'Microsoft.KeyVault/vaults',"
                + " 'apiVersion': '2023-07-01', 'name': 'kv1', 'location': '[resourceGroup().location]',"
                + " 'tags': {'a': 'b'}, 'comments': 'not sent', 'properties': {'tenantId': '[tenant().tenantId]'}}]}");

        assertThat(deployment.resources().get(0).body()).isEqualTo(json("{'location': 'westeurope',"
                + " 'tags': {'a': 'b'}, 'properties': {'tenantId': '" + TestScopes.TENANT + "'}}"));
    }

    @Test
    void outputsHonourConditionTypeAndLoops() {
        EvaluatedDeployment deployment = evaluate("{'resources': [], 'outputs': {"
                + "'count': {'type': 'int', 'value': '[length(createArray(1, 2))]'},"
                + "'hidden': {'type': 'string', 'condition': '[equals(1, 2)]', 'value': 'x'},"
                + "'secret': {'type': 'securestring', 'value': 's3cret'},"
                + "'names': {'type': 'array', 'copy': {'count': 2, 'input': '[format(`n{0}`, copyIndex())]'}}}}");

        JsonNode outputs = deployment.evaluateOutputs(ResourceLookup.empty());

        assertThat(outputs.get("count")).isEqualTo(json("{'type': 'Int', 'value': 2}"));
        assertThat(outputs.has("hidden")).isFalse();
        assertThat(outputs.get("secret")).isEqualTo(json("{'type': 'SecureString'}"));
        assertThat(outputs.get("names")).isEqualTo(json("{'type': 'Array', 'value': ['n0', 'n1']}"));
    }

    @Test
    void stepsEndAfterLastResource() {
        DeploymentSteps steps = evaluate("{'resources': [" + identity("a", "") + "]}").deploymentSteps();

        assertThat(steps.evaluateNext(ResourceLookup.empty()).name()).isEqualTo("a");
        assertThat(steps.hasNext()).isFalse();
        assertThatThrownBy(() -> steps.evaluateNext(ResourceLookup.empty()))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }
}
