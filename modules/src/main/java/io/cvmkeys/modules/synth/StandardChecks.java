package io.cvmkeys.modules.synth;

import io.cvmkeys.dsl.policy.PolicyCheck;
import io.cvmkeys.dsl.stack.TemplateCheck;
import io.cvmkeys.dsl.stack.checks.ArmSchemaCheck;
import io.cvmkeys.dsl.stack.checks.BicepCliCheck;
import io.cvmkeys.dsl.validate.BicepCli;

import java.nio.file.Path;
import java.util.List;

/** The checks the CLI and the Maven plugin run on every synthesized stage: ARM schemas, policy rules, Bicep CLI. */
public final class StandardChecks {

    /** Environment variable naming the ARM schema folder when no option or property does. */
    public static final String ARM_SCHEMAS_VARIABLE = "CVMKEYS_ARM_SCHEMAS";

    private StandardChecks() {
    }

    /**
     * @param armSchemas the ARM schema folder (the one that contains {@code schemas/}), or null to use
     *                   {@value #ARM_SCHEMAS_VARIABLE}; without either, schema validation reports not available
     * @param bicep      path of the Bicep CLI, or null to look for {@code bicep} and {@code az} on PATH
     */
    public static List<TemplateCheck> create(Path armSchemas, Path bicep) {
        Path schemas = armSchemas;
        if (schemas == null && System.getenv(ARM_SCHEMAS_VARIABLE) != null) {
            schemas = Path.of(System.getenv(ARM_SCHEMAS_VARIABLE));
        }
        return List.of(
                ArmSchemaCheck.forFolder(schemas),
                PolicyCheck.confidentialVmCmk(),
                new BicepCliCheck(BicepCli.locate(bicep, BicepCli.DEFAULT_TIMEOUT)));
    }
}
