package io.cvmkeys.dsl.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.model.Template;
import io.cvmkeys.dsl.policy.ParameterValues;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.dsl.write.ArmParametersWriter;
import io.cvmkeys.dsl.write.ArmTemplateWriter;

/**
 * Entry point of the AssertJ assertions for ARM templates, for users' unit tests.
 *
 * <pre>{@code
 * import static io.cvmkeys.dsl.assertions.TemplateAssertions.assertThat;
 *
 * assertThat(template)
 *         .hasResourceCount("Microsoft.KeyVault/vaults", 1)
 *         .hasResourceProperties("Microsoft.KeyVault/vaults", Map.of("enablePurgeProtection", true))
 *         .passesPolicy();
 * }</pre>
 */
public final class TemplateAssertions {

    private TemplateAssertions() {
    }

    /** Starts assertions on an ARM template (the JSON object with {@code resources}). */
    public static TemplateAssert assertThat(JsonNode armTemplate) {
        return new TemplateAssert(armTemplate);
    }

    /** Starts assertions on a model template, as the ARM writer emits it. */
    public static TemplateAssert assertThat(Template template) {
        return new TemplateAssert(new ArmTemplateWriter().toJson(template));
    }

    /**
     * Starts assertions on a stage's template as deployed: policy rules see the stage's parameter values, so
     * parameterized properties are checked too.
     */
    public static TemplateAssert assertThat(Stage stage) {
        JsonNode parameters = new ArmParametersWriter().toJson(stage.template(), stage.parameterValues());
        return assertThat(stage.template()).withParameterValues(ParameterValues.fromParametersFile(parameters));
    }
}
