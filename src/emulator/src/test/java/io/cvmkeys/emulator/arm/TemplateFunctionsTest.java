package io.cvmkeys.emulator.arm;

import static io.cvmkeys.emulator.arm.TestScopes.RESOURCE_GROUP_ID;
import static io.cvmkeys.emulator.arm.TestScopes.SUBSCRIPTION;
import static io.cvmkeys.emulator.arm.TestScopes.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateFunctionsTest {

    private static final String VAULT_ID = RESOURCE_GROUP_ID + "/providers/Microsoft.KeyVault/vaults/kv1";

    private static final JsonNode TEMPLATE = TestScopes.json("{"
            + "'parameters': {"
            + "  'name': {'type': 'string', 'defaultValue': 'kv-cvm'},"
            + "  'count': {'type': 'int', 'defaultValue': 3},"
            + "  'flag': {'type': 'bool', 'defaultValue': true},"
            + "  'list': {'type': 'array', 'defaultValue': ['a', 'b', 'c']},"
            + "  'obj': {'type': 'object', 'defaultValue': {'a': 1, 'b': {'c': 'd'}}}"
            + "},"
            + "'variables': {"
            + "  'chained': '[concat(variables(`prefix`), `-x`)]',"
            + "  'prefix': '[concat(`pre-`, parameters(`name`))]',"
            + "  'copy': [{'name': 'disks', 'count': 2, 'input': {'lun': '[copyIndex(`disks`, 1)]'}}]"
            + "}}");

    private static ExpressionEvaluator evaluator() {
        TemplateScope scope = new TemplateScope(TEMPLATE, null, TestScopes.CONTEXT);
        ObjectNode vault = (ObjectNode) TestScopes.json(
                "{'id': '" + VAULT_ID + "', 'name': 'kv1', 'properties': {'vaultUri': 'https://kv1.vault.azure.net/'}}");
        ResourceLookup lookup = id -> id.equalsIgnoreCase(VAULT_ID) ? Optional.of(vault) : Optional.empty();
        return scope.evaluator(TemplateReferences.forDeployment(TestScopes.CONTEXT, lookup, java.util.List.of()));
    }

    private static JsonNode evaluate(String expression) {
        return evaluator().evaluateString(expression);
    }

    static Stream<Arguments> stringResults() {
        return Stream.of(
                Arguments.of("[parameters('name')]", "kv-cvm"),
                Arguments.of("[PARAMETERS('Name')]", "kv-cvm"),
                Arguments.of("[variables('chained')]", "pre-kv-cvm-x"),
                Arguments.of("[format('{0}/{1}', 'a', 'b')]", "a/b"),
                Arguments.of("[format('{{{0}}}', 1)]", "{1}"),
                Arguments.of("[format('{0,4}|{1,-3}|', 'ab', 'c')]", "  ab|c  |"),
                Arguments.of("[format('{0}-{0}', true())]", "True-True"),
                Arguments.of("[concat('a', 1, 'b')]", "a1b"),
                Arguments.of("[concat('it''s', ' ok')]", "it's ok"),
                Arguments.of("[resourceId('Microsoft.KeyVault/vaults', 'kv1')]", VAULT_ID),
                Arguments.of("[resourceId('rg2', 'Microsoft.KeyVault/vaults', 'kv1')]",
                        "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg2/providers/Microsoft.KeyVault/vaults/kv1"),
                Arguments.of("[resourceId('sub2', 'rg2', 'Microsoft.KeyVault/vaults/keys', 'kv1', 'k1')]",
                        "/subscriptions/sub2/resourceGroups/rg2/providers/Microsoft.KeyVault/vaults/kv1/keys/k1"),
                Arguments.of("[resourceId('Microsoft.KeyVault/vaults/keys', 'kv1', 'k1')]", VAULT_ID + "/keys/k1"),
                Arguments.of("[resourceId('Microsoft.KeyVault/vaults/keys', 'kv1/k1')]", VAULT_ID + "/keys/k1"),
                Arguments.of("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'r1')]",
                        "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Authorization/roleDefinitions/r1"),
                Arguments.of("[subscriptionResourceId('sub2', 'Microsoft.Authorization/roleDefinitions', 'r1')]",
                        "/subscriptions/sub2/providers/Microsoft.Authorization/roleDefinitions/r1"),
                Arguments.of("[tenantResourceId('Microsoft.Authorization/policyDefinitions', 'p1')]",
                        "/providers/Microsoft.Authorization/policyDefinitions/p1"),
                Arguments.of("[extensionResourceId(resourceId('Microsoft.KeyVault/vaults', 'kv1'),"
                        + " 'Microsoft.Authorization/roleAssignments', 'ra1')]",
                        VAULT_ID + "/providers/Microsoft.Authorization/roleAssignments/ra1"),
                Arguments.of("[reference(resourceId('Microsoft.KeyVault/vaults', 'kv1'), '2023-07-01').vaultUri]",
                        "https://kv1.vault.azure.net/"),
                Arguments.of("[reference(resourceId('Microsoft.KeyVault/vaults', 'kv1'), '2023-07-01', 'Full')"
                        + ".properties.vaultUri]", "https://kv1.vault.azure.net/"),
                Arguments.of("[reference(resourceId('Microsoft.KeyVault/vaults', 'kv1'), '2023-07-01', 'Full')"
                        + ".apiVersion]", "2023-07-01"),
                Arguments.of("[tenant().tenantId]", TENANT),
                Arguments.of("[subscription().subscriptionId]", SUBSCRIPTION),
                Arguments.of("[subscription().id]", "/subscriptions/" + SUBSCRIPTION),
                Arguments.of("[resourceGroup().location]", "westeurope"),
                Arguments.of("[resourceGroup().name]", "rg-cvm"),
                Arguments.of("[resourceGroup().id]", RESOURCE_GROUP_ID),
                Arguments.of("[deployment().name]", "deploy-1"),
                Arguments.of("[if(equals(1, 1), 'yes', 'no')]", "yes"),
                Arguments.of("[if(false(), parameters('missing'), 'lazy')]", "lazy"),
                Arguments.of("[toLower('AbC')]", "abc"),
                Arguments.of("[toUpper('AbC')]", "ABC"),
                Arguments.of("[first(parameters('list'))]", "a"),
                Arguments.of("[last('xyz')]", "z"),
                Arguments.of("[first('xyz')]", "x"),
                Arguments.of("[last(split('a/b/c', '/'))]", "c"),
                Arguments.of("[replace('a-b-c', '-', '')]", "abc"),
                Arguments.of("[string(1)]", "1"),
                Arguments.of("[string(true())]", "True"),
                Arguments.of("[string(createObject('a', 1))]", "{\"a\":1}"),
                Arguments.of("[base64('hello')]", "aGVsbG8="),
                Arguments.of("[parameters('obj').b.c]", "d"),
                Arguments.of("[parameters('obj').B.C]", "d"),
                Arguments.of("[parameters('obj')['b']['c']]", "d"),
                Arguments.of("[parameters('list')[1]]", "b"),
                Arguments.of("[guid('a', 'b')]", "2d796349-8c7e-55ec-9624-54ece82ed031"),
                Arguments.of("[uniqueString('hello', 'world')]", "a7wkljktk6wne"),
                Arguments.of("[[not an expression]", "[not an expression]"),
                Arguments.of("plain text", "plain text"));
    }

    @ParameterizedTest
    @MethodSource("stringResults")
    void stringResult(String expression, String expected) {
        JsonNode value = evaluate(expression);

        assertThat(value.isTextual()).as("%s is a string", expression).isTrue();
        assertThat(value.textValue()).isEqualTo(expected);
    }

    static Stream<Arguments> valueResults() {
        return Stream.of(
                Arguments.of("[parameters('count')]", "3"),
                Arguments.of("[parameters('flag')]", "true"),
                Arguments.of("[variables('disks')]", "[{\"lun\":1},{\"lun\":2}]"),
                Arguments.of("[concat(createArray(1, 2), createArray(3))]", "[1,2,3]"),
                Arguments.of("[empty('')]", "true"),
                Arguments.of("[empty(createArray())]", "true"),
                Arguments.of("[empty(createObject())]", "true"),
                Arguments.of("[empty(null())]", "true"),
                Arguments.of("[empty('x')]", "false"),
                Arguments.of("[length('abc')]", "3"),
                Arguments.of("[length(parameters('list'))]", "3"),
                Arguments.of("[length(parameters('obj'))]", "2"),
                Arguments.of("[not(false())]", "true"),
                Arguments.of("[and(true(), false())]", "false"),
                Arguments.of("[and(true(), true(), true())]", "true"),
                Arguments.of("[and(false(), parameters('missing'))]", "false"),
                Arguments.of("[or(false(), true())]", "true"),
                Arguments.of("[or(true(), parameters('missing'))]", "true"),
                Arguments.of("[or(false(), false())]", "false"),
                Arguments.of("[equals('a', 'A')]", "false"),
                Arguments.of("[equals(3, parameters('count'))]", "true"),
                Arguments.of("[equals(parameters('obj'), json('{\"b\":{\"c\":\"d\"},\"a\":1}'))]", "true"),
                Arguments.of("[createObject('a', 1, 'b', 'x')]", "{\"a\":1,\"b\":\"x\"}"),
                Arguments.of("[createArray('a', 1, -2)]", "[\"a\",1,-2]"),
                Arguments.of("[union(createObject('a', 1, 'n', createObject('x', 1)),"
                        + " createObject('b', 2, 'n', createObject('y', 2)))]",
                        "{\"a\":1,\"n\":{\"x\":1,\"y\":2},\"b\":2}"),
                Arguments.of("[union(createObject('a', 1), createObject('a', 2))]", "{\"a\":2}"),
                Arguments.of("[union(createArray(1, 2), createArray(2, 3))]", "[1,2,3]"),
                Arguments.of("[contains('abc', 'b')]", "true"),
                Arguments.of("[contains('abc', 'B')]", "false"),
                Arguments.of("[contains(parameters('list'), 'c')]", "true"),
                Arguments.of("[contains(parameters('list'), 'z')]", "false"),
                Arguments.of("[contains(parameters('obj'), 'A')]", "true"),
                Arguments.of("[split('a,b;c', createArray(',', ';'))]", "[\"a\",\"b\",\"c\"]"),
                Arguments.of("[split('a//b', '/')]", "[\"a\",\"\",\"b\"]"),
                Arguments.of("[int('42')]", "42"),
                Arguments.of("[int(7)]", "7"),
                Arguments.of("[bool('TRUE')]", "true"),
                Arguments.of("[bool(0)]", "false"),
                Arguments.of("[json('[1, 2]')]", "[1,2]"),
                Arguments.of("[json('null')]", "null"),
                Arguments.of("[true()]", "true"),
                Arguments.of("[false()]", "false"),
                Arguments.of("[null()]", "null"),
                Arguments.of("[first(createArray())]", "null"),
                Arguments.of("[-5]", "-5"));
    }

    @ParameterizedTest
    @MethodSource("valueResults")
    void valueResult(String expression, String expectedJson) {
        JsonNode value = evaluate(expression);

        assertThat(ArmValues.jsonEquals(value, TestScopes.rawJson(expectedJson)))
                .as("%s evaluates to %s but was %s", expression, expectedJson, value)
                .isTrue();
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("[foo('x')]", "The template function 'foo' is not supported by the cvmkeys emulator"),
                Arguments.of("[utcNow()]", "The template function 'utcNow' is not supported by the cvmkeys emulator"),
                Arguments.of("[parameters('obj').missing]",
                        "The language expression property 'missing' doesn't exist, available properties are 'a, b'."),
                Arguments.of("[parameters('list')[5]]", "index '5' is out of bounds for an array of length 3"),
                Arguments.of("[parameters('missing')]", "The template parameter 'missing' is not found."),
                Arguments.of("[variables('missing')]", "The template variable 'missing' is not found."),
                Arguments.of("[resourceId('Microsoft.KeyVault/vaults/keys', 'kv1')]",
                        "needs 2 name segment(s) but 1 were given"),
                Arguments.of("[resourceId('a', 'b', 'c', 'Microsoft.KeyVault/vaults', 'kv1')]",
                        "no argument is a resource type"),
                Arguments.of("[copyIndex()]", "The template function 'copyIndex' is not expected at this location"),
                Arguments.of("[format('{0:N2}', 1)]", "uses a format string, which the cvmkeys emulator does not"),
                Arguments.of("[format('{1}', 'a')]", "refers to argument 1 but only 1 value(s) follow"),
                Arguments.of("[format('{0', 'a')]", "without a closing '}'"),
                Arguments.of("[not('x')]",
                        "Unable to evaluate template language function 'not': argument 1 must be of type 'Boolean'"
                                + " but is of type 'String'."),
                Arguments.of("[if(1, 'a', 'b')]", "argument 1 must be of type 'Boolean' but is of type 'Integer'"),
                Arguments.of("[toLower(1)]", "argument 1 must be of type 'String' but is of type 'Integer'"),
                Arguments.of("[concat('a', createArray(1))]", "concat joins either strings and integers"),
                Arguments.of("[createObject('a')]", "expects pairs of property name and value"),
                Arguments.of("[int('x')]", "the string 'x' is not an integer"),
                Arguments.of("[json('{')]", "the string is not valid JSON"),
                Arguments.of("[guid()]", "expects at least 1 argument(s) but was given 0"),
                Arguments.of("[reference(resourceId('Microsoft.KeyVault/vaults', 'nope'), '2023-07-01')]",
                        "The Resource 'Microsoft.KeyVault/vaults/nope' under resource group 'rg-cvm' was not found."),
                Arguments.of("[reference('nope', '2023-07-01')]",
                        "neither a resource id nor the name of a resource in the template"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void errorMessage(String expression, String expectedMessagePart) {
        assertThatThrownBy(() -> evaluate(expression))
                .isInstanceOf(ArmExpressionException.class)
                .hasMessageContaining(expectedMessagePart);
    }

    @Test
    void missingResourceUsesResourceNotFoundCode() {
        assertThatThrownBy(() -> evaluate("[reference(resourceId('Microsoft.KeyVault/vaults', 'x'), '2023-07-01')]"))
                .isInstanceOfSatisfying(ArmExpressionException.class,
                        e -> assertThat(e.code()).isEqualTo("ResourceNotFound"));
    }

    @Test
    void referenceRejectedInVariables() {
        JsonNode template = TestScopes.json("{'variables': {'v': '[reference(`kv1`).vaultUri]'}}");
        TemplateScope scope = new TemplateScope(template, null, TestScopes.CONTEXT);

        assertThatThrownBy(() -> scope.staticEvaluator().evaluateString("[variables('v')]"))
                .hasMessage("The template function 'reference' is not expected at this location: it is valid only"
                        + " in resource properties and outputs.");
    }

    @Test
    void variableCycleReported() {
        JsonNode template = TestScopes.json("{'variables': {'a': '[variables(`b`)]', 'b': '[variables(`a`)]'}}");
        TemplateScope scope = new TemplateScope(template, null, TestScopes.CONTEXT);

        assertThatThrownBy(() -> scope.staticEvaluator().evaluateString("[variables('a')]"))
                .hasMessage("The template variable 'a' depends on itself: a -> b -> a.");
    }

    @Test
    void copyIndexWithNameAndOffset() {
        ExpressionEvaluator outer = evaluator().withCopyIndex("outer", 2).withCopyIndex("inner", 5);

        assertThat(outer.evaluateString("[copyIndex()]").intValue()).isEqualTo(5);
        assertThat(outer.evaluateString("[copyIndex(1)]").intValue()).isEqualTo(6);
        assertThat(outer.evaluateString("[copyIndex('outer')]").intValue()).isEqualTo(2);
        assertThat(outer.evaluateString("[copyIndex('OUTER', 10)]").intValue()).isEqualTo(12);
        assertThatThrownBy(() -> outer.evaluateString("[copyIndex('other')]"))
                .hasMessageContaining("refers to the copy loop 'other', which does not enclose this value");
    }

    @Test
    void objectKeysAreEvaluated() {
        JsonNode value = evaluator().evaluateValue(
                TestScopes.json("{'identity': {'[resourceId(`Microsoft.KeyVault/vaults`, `kv1`)]': {}}}"));

        assertThat(value.path("identity").has(VAULT_ID)).isTrue();
    }
}
