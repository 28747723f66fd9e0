package io.cvmkeys.emulator.arm;

import static io.cvmkeys.emulator.arm.TestScopes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateParametersTest {

    private static final JsonNode TEMPLATE = json("{"
            + "'parameters': {"
            + "  'vaultName': {'type': 'string', 'minLength': 3, 'maxLength': 24},"
            + "  'location': {'type': 'string', 'defaultValue': '[resourceGroup().location]'},"
            + "  'sku': {'type': 'string', 'allowedValues': ['standard', 'premium'], 'defaultValue': 'premium'},"
            + "  'retentionDays': {'type': 'int', 'minValue': 7, 'maxValue': 90, 'defaultValue': 90},"
            + "  'zones': {'type': 'array', 'allowedValues': ['1', '2', '3'], 'defaultValue': []},"
            + "  'purge': {'type': 'bool', 'defaultValue': true},"
            + "  'tags': {'type': 'object', 'defaultValue': {}},"
            + "  'keyName': {'type': 'string', 'defaultValue': '[concat(parameters(`vaultName`), `-key`)]'}"
            + "},"
            + "'resources': []}");

    private static EvaluatedDeployment evaluate(String parameterValues) {
        return TemplateEvaluator.evaluate(TEMPLATE, json(parameterValues), TestScopes.CONTEXT, ResourceLookup.empty());
    }

    private static JsonNode value(String parameterValues, String name) {
        TemplateScope scope = new TemplateScope(TEMPLATE, json(parameterValues), TestScopes.CONTEXT);
        scope.validateParameters();
        return scope.staticEvaluator().evaluateString("[parameters('" + name + "')]");
    }

    @Test
    void defaultsApplyIncludingExpressions() {
        String values = "{'vaultName': {'value': 'kv-cvm'}}";

        assertThat(value(values, "location").textValue()).isEqualTo("westeurope");
        assertThat(value(values, "keyName").textValue()).isEqualTo("kv-cvm-key");
        assertThat(value(values, "sku").textValue()).isEqualTo("premium");
        assertThat(value(values, "retentionDays").intValue()).isEqualTo(90);
    }

    @Test
    void suppliedValueWinsOverDefault() {
        assertThat(value("{'vaultName': {'value': 'kv-cvm'}, 'location': {'value': 'northeurope'}}", "location")
                .textValue()).isEqualTo("northeurope");
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("{}",
                        "The value for the template parameter 'vaultName' is not provided. Supply it in the"
                                + " deployment's parameters or give the parameter a defaultValue."),
                Arguments.of("{'vaultName': {'value': 'kv'}}",
                        "The provided value for the template parameter 'vaultName' is not valid. Length of the value"
                                + " should be greater than or equal to '3' but is '2'."),
                Arguments.of("{'vaultName': {'value': 'kv-with-a-name-that-is-too-long'}}",
                        "The provided value for the template parameter 'vaultName' is not valid. Length of the value"
                                + " should be less than or equal to '24' but is '31'."),
                Arguments.of("{'vaultName': {'value': 'kv-cvm'}, 'sku': {'value': 'basic'}}",
                        "The provided value for the template parameter 'sku' is not valid. The value 'basic' is not"
                                + " part of the allowed value(s): 'standard,premium'."),
                Arguments.of("{'vaultName': {'value': 'kv-cvm'}, 'zones': {'value': ['1', '4']}}",
                        "The provided value for the template parameter 'zones' is not valid. The value '4' is not"
                                + " part of the allowed value(s): '1,2,3'."),
                Arguments.of("{'vaultName': {'value': 'kv-cvm'}, 'retentionDays': {'value': 3}}",
                        "The provided value for the template parameter 'retentionDays' is not valid. Value should be"
                                + " greater than or equal to '7' but is '3'."),
                Arguments.of("{'vaultName': {'value': 'kv-cvm'}, 'retentionDays': {'value': 91}}",
                        "The provided value for the template parameter 'retentionDays' is not valid. Value should be"
                                + " less than or equal to '90' but is '91'."),
                Arguments.of("{'vaultName': {'value': 'kv-cvm'}, 'retentionDays': {'value': '30'}}",
                        "Template parameter 'retentionDays' was provided an invalid value. Expected a value of type"
                                + " 'Integer', but received a value of type 'String'."),
                Arguments.of("{'vaultName': {'value': 'kv-cvm'}, 'purge': {'value': 'yes'}}",
                        "Template parameter 'purge' was provided an invalid value. Expected a value of type"
                                + " 'Boolean', but received a value of type 'String'."),
                Arguments.of("{'vaultName': {'value': 'kv-cvm'}, 'tags': {'value': []}}",
                        "Template parameter 'tags' was provided an invalid value. Expected a value of type"
                                + " 'Object', but received a value of type 'Array'."),
                Arguments.of("{'vaultName': {'value': 'kv-cvm'}, 'extra': {'value': 1}}",
                        "The template parameters 'extra' in the parameters file are not valid; they are not present"
                                + " in the original template and can therefore not be provided at deployment time."),
                Arguments.of("{'vaultName': {'reference': {'keyVault': {'id': 'x'}, 'secretName': 's'}}}",
                        "The value for the template parameter 'vaultName' must be given as {\"value\": ...}"));
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void invalidValueRejected(String parameterValues, String expectedMessage) {
        assertThatThrownBy(() -> evaluate(parameterValues))
                .isInstanceOfSatisfying(ArmExpressionException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidTemplate"))
                .hasMessageStartingWith(expectedMessage);
    }

    @Test
    void invalidDefaultRejected() {
        JsonNode template = json("{'parameters': {'sku': {'type': 'string', 'allowedValues': ['a'],"
                + " 'defaultValue': 'b'}}, 'resources': []}");

        assertThatThrownBy(() -> TemplateEvaluator.evaluate(template, null, TestScopes.CONTEXT, ResourceLookup.empty()))
                .hasMessage("The provided value for the template parameter 'sku' is not valid. The value 'b' is not"
                        + " part of the allowed value(s): 'a'.");
    }

    @Test
    void unknownTypeRejected() {
        JsonNode template = json("{'parameters': {'p': {'type': 'float', 'defaultValue': 1}}, 'resources': []}");

        assertThatThrownBy(() -> TemplateEvaluator.evaluate(template, null, TestScopes.CONTEXT, ResourceLookup.empty()))
                .hasMessageStartingWith("The template parameter 'p' has type 'float', which is not valid.");
    }

    @Test
    void defaultCycleReported() {
        JsonNode template = json("{'parameters': {"
                + "'a': {'type': 'string', 'defaultValue': '[parameters(`b`)]'},"
                + "'b': {'type': 'string', 'defaultValue': '[parameters(`a`)]'}}, 'resources': []}");

        assertThatThrownBy(() -> TemplateEvaluator.evaluate(template, null, TestScopes.CONTEXT, ResourceLookup.empty()))
                .hasMessage("The default value of the template parameter 'a' depends on itself through other"
                        + " parameter defaults: a -> b -> a.");
    }

    @Test
    void secureStringAcceptsString() {
        JsonNode template = json("{'parameters': {'p': {'type': 'secureString'}}, 'resources': []}");

        EvaluatedDeployment deployment = TemplateEvaluator.evaluate(
                template, json("{'p': {'value': 's3cret'}}"), TestScopes.CONTEXT, ResourceLookup.empty());

        assertThat(deployment.resources()).isEmpty();
    }
}
