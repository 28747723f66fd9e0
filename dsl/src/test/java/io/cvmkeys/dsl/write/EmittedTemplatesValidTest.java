package io.cvmkeys.dsl.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.SampleTemplates;
import io.cvmkeys.dsl.model.Template;
import io.cvmkeys.dsl.policy.PolicyEngine;
import io.cvmkeys.dsl.validate.ArmSchemaValidator;
import io.cvmkeys.dsl.validate.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the builders and the ARM writer emit must pass the official schemas and the policy rule pack. */
class EmittedTemplatesValidTest {

    private static final ArmSchemaValidator SCHEMAS = ArmSchemaValidator.fromSystemProperty();

    static Stream<Template> templates() {
        return Stream.of(SampleTemplates.vault(), SampleTemplates.diskEncryptionSet(), SampleTemplates.alerts());
    }

    @ParameterizedTest
    @MethodSource("templates")
    void emittedTemplatePassesArmSchemas(Template template) {
        JsonNode json = new ArmTemplateWriter().toJson(template);

        assertThat(SCHEMAS.validateTemplate(json)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void emittedTemplateHasNoPolicyErrors(Template template) {
        JsonNode json = new ArmTemplateWriter().toJson(template);

        assertThat(PolicyEngine.confidentialVmCmk().evaluate(json).findingsAtLeast(Severity.WARNING)).isEmpty();
    }
}
