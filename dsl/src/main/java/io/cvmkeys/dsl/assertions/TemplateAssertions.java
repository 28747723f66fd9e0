package io.cvmkeys.dsl.assertions;

import com.fasterxml.jackson.databind.JsonNode;

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
}
