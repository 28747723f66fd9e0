package io.cvmkeys.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.model.Parameter;
import io.cvmkeys.dsl.stack.DeploymentNames;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.dsl.stack.StageInput;
import io.cvmkeys.dsl.write.ArmTemplateWriter;
import io.cvmkeys.dsl.write.ParameterValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds a stage's deployment {@code parameters} object: its own values, Key Vault secret references, environment
 * variables read now, and the outputs of earlier stages wired into its inputs. An output of a stage that is not
 * deployed yet is unknown: the parameter is left to its default, or, when it has none, ARM gets a marked placeholder.
 */
public final class StageParameters {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final UnaryOperator<String> environmentVariables;

    /** @param environmentVariables reads an environment variable, returning null when it is not set */
    public StageParameters(UnaryOperator<String> environmentVariables) {
        this.environmentVariables = environmentVariables;
    }

    /**
     * @param outputs the outputs known so far by stage name, in ARM's shape {@code {"name": {"value": ...}}}
     * @throws InvalidInputException when an environment variable a parameter reads is not set
     */
    public StageRequest build(Stack stack, Stage stage, Map<String, ObjectNode> outputs) {
        ObjectNode template = new ArmTemplateWriter().toJson(stage.template());
        ObjectNode parameters = NODES.objectNode();

        for (Map.Entry<String, ParameterValue> entry : stage.parameterValues().entrySet()) {
            parameters.set(entry.getKey(), parameter(stage, entry.getKey(), entry.getValue()));
        }

        List<UnknownInput> unknown = new ArrayList<>();
        for (StageInput input : stage.inputs()) {
            JsonNode value = outputs.getOrDefault(input.fromStage(), NODES.objectNode()).path(input.output()).get("value");
            if (value != null && !value.isNull()) {
                parameters.putObject(input.parameter()).set("value", value);
                continue;
            }
            Parameter declared = stage.template().parameters().get(input.parameter());
            if (declared.defaultValue() != null) {
                unknown.add(new UnknownInput(input.parameter(), input.fromStage(), input.output(), null));
            } else {
                // TODO: check that real ARM's What-If accepts the placeholder where a provider validates the value's
                // format, such as the DES keyUrl. Only the emulator has run it.
                String placeholder = UnknownInput.placeholderFor(input.fromStage(), input.output());
                parameters.putObject(input.parameter()).put("value", placeholder);
                unknown.add(new UnknownInput(input.parameter(), input.fromStage(), input.output(), placeholder));
            }
        }
        return new StageRequest(stage, DeploymentNames.of(stack, stage), template, parameters, unknown);
    }

    private ObjectNode parameter(Stage stage, String name, ParameterValue value) {
        ObjectNode parameter = NODES.objectNode();
        if (value instanceof ParameterValue.LiteralValue literal) {
            parameter.set("value", literal.value());
        } else if (value instanceof ParameterValue.KeyVaultSecret secret) {
            ObjectNode reference = parameter.putObject("reference");
            reference.putObject("keyVault").put("id", secret.vaultResourceId());
            reference.put("secretName", secret.secretName());
        } else if (value instanceof ParameterValue.EnvironmentVariable variable) {
            String text = environmentVariables.apply(variable.name());
            if (text == null || text.isEmpty()) {
                throw new InvalidInputException("Stage '" + stage.name() + "' parameter '" + name
                        + "' is read from the environment variable " + variable.name() + ", which is not set. Set it"
                        + " in the shell or pipeline that deploys.");
            }
            parameter.put("value", text);
        }
        return parameter;
    }
}
