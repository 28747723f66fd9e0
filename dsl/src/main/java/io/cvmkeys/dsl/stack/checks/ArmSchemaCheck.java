package io.cvmkeys.dsl.stack.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.stack.CheckResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.dsl.stack.StageInput;
import io.cvmkeys.dsl.write.ParameterValue;
import io.cvmkeys.dsl.stack.TemplateCheck;
import io.cvmkeys.dsl.validate.ArmSchemaValidator;
import io.cvmkeys.dsl.validate.Finding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates each stage's template and parameter file against the official ARM schemas in a local folder. Without a
 * folder the check reports itself not available, which never counts as passed.
 */
public final class ArmSchemaCheck implements TemplateCheck {

    public static final String NAME = "ARM schema validation";

    private final ArmSchemaValidator validator;
    private final String unavailableReason;

    private ArmSchemaCheck(ArmSchemaValidator validator, String unavailableReason) {
        this.validator = validator;
        this.unavailableReason = unavailableReason;
    }

    /**
     * @param schemaFolder the folder that contains {@code schemas/}, or null when none is configured
     */
    public static ArmSchemaCheck forFolder(Path schemaFolder) {
        if (schemaFolder == null) {
            return new ArmSchemaCheck(null, "no ARM schema folder is configured; set -Dcvmkeys.armSchemas=DIR,"
                    + " --arm-schemas DIR or CVMKEYS_ARM_SCHEMAS to the folder that contains schemas/");
        }
        if (!Files.isDirectory(schemaFolder.resolve("schemas"))) {
            return new ArmSchemaCheck(null, "the ARM schema folder " + schemaFolder.toAbsolutePath()
                    + " has no schemas/ folder; point cvmkeys.armSchemas at the folder that contains it");
        }
        return new ArmSchemaCheck(new ArmSchemaValidator(schemaFolder), null);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(Stage stage, JsonNode armTemplate, JsonNode armParameters, String bicep) {
        if (validator == null) {
            return CheckResult.notAvailable(NAME, unavailableReason);
        }
        List<Finding> findings = new ArrayList<>(validator.validateTemplate(armTemplate));
        findings.addAll(validator.validateParameters(withDeployTimePlaceholders(stage, armParameters), armTemplate));
        return CheckResult.ran(NAME, findings);
    }

    /**
     * Fills in the parameters whose values exist only at deployment (earlier stages' outputs, environment variables)
     * with a marked string, so the file is checked for everything else without reporting them as missing.
     */
    private static JsonNode withDeployTimePlaceholders(Stage stage, JsonNode armParameters) {
        ObjectNode copy = armParameters.deepCopy();
        ObjectNode parameters = copy.with("parameters");
        for (StageInput input : stage.inputs()) {
            parameters.putObject(input.parameter())
                    .put("value", "(output " + input.output() + " of stage " + input.fromStage() + ")");
        }
        stage.parameterValues().forEach((name, value) -> {
            if (value instanceof ParameterValue.EnvironmentVariable variable) {
                parameters.putObject(name).put("value", "(environment variable " + variable.name() + ")");
            }
        });
        return copy;
    }
}
