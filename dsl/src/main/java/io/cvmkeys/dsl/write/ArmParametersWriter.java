package io.cvmkeys.dsl.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.model.Template;

import java.util.Map;

/**
 * Writes an ARM parameter file ({@code deploymentParameters.json}) for a template. Values are written in the
 * template's parameter order. An environment variable value cannot be expressed in this format, so it is left out
 * and the deploying tool supplies it.
 */
public final class ArmParametersWriter {

    public static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public String write(Template template, Map<String, ParameterValue> values) {
        return Json.pretty(toJson(template, values));
    }

    public ObjectNode toJson(Template template, Map<String, ParameterValue> values) {
        ParameterValues.checkKnown(template, values);
        ObjectNode json = NODES.objectNode();
        json.put("$schema", SCHEMA);
        json.put("contentVersion", "1.0.0.0");
        ObjectNode parameters = json.putObject("parameters");
        for (String name : template.parameters().keySet()) {
            ParameterValue value = values.get(name);
            if (value instanceof ParameterValue.LiteralValue literal) {
                parameters.putObject(name).set("value", literal.value());
            } else if (value instanceof ParameterValue.KeyVaultSecret secret) {
                ObjectNode reference = parameters.putObject(name).putObject("reference");
                reference.putObject("keyVault").put("id", secret.vaultResourceId());
                reference.put("secretName", secret.secretName());
            }
        }
        return json;
    }
}
