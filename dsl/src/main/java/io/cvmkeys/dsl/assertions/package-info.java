/**
 * AssertJ assertions on ARM templates for users' unit tests: start with
 * {@link io.cvmkeys.dsl.assertions.TemplateAssertions#assertThat(com.fasterxml.jackson.databind.JsonNode)}, match
 * properties partially with {@link io.cvmkeys.dsl.assertions.Match}, and assert policy findings of
 * {@link io.cvmkeys.dsl.policy.PolicyEngine}.
 */
package io.cvmkeys.dsl.assertions;
