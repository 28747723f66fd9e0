package io.cvmkeys.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterFileCheckTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String TEMPLATE = """
            { "parameters": {
                "skuName": { "type": "string", "allowedValues": ["standard", "premium"], "defaultValue": "premium" },
                "retentionDays": { "type": "int", "minValue": 7, "maxValue": 90 },
                "purgeProtection": { "type": "bool" },
                "alertEmail": { "type": "securestring" }
            } }
            """;

    @Test
    void valuesWithinLimitsPass() throws Exception {
        List<Finding> findings = check("""
                { "parameters": {
                    "skuName": { "value": "premium" },
                    "retentionDays": { "value": 90 },
                    "purgeProtection": { "value": true },
                    "alertEmail": { "reference": { "keyVault": { "id": "/subscriptions/x" }, "secretName": "mail" } }
                } }
                """);

        assertThat(findings).isEmpty();
    }

    @Test
    void valuesOutsideLimitsFail() throws Exception {
        List<Finding> findings = check("""
                { "parameters": {
                    "skuName": { "value": "premuim" },
                    "retentionDays": { "value": 91 },
                    "purgeProtection": { "value": "true" },
                    "alertEmail": { "value": "ops@example.org" }
                } }
                """);

        assertThat(findings).extracting(Finding::path, Finding::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("$.parameters.skuName.value",
                        "\"premuim\" is not one of the allowed values [\"standard\",\"premium\"]"),
                org.assertj.core.groups.Tuple.tuple("$.parameters.retentionDays.value", "91 is above maxValue 90"),
                org.assertj.core.groups.Tuple.tuple("$.parameters.purgeProtection.value",
                        "\"true\" does not match the declared type bool"));
    }

    @Test
    void retentionBelowMinValueFails() throws Exception {
        List<Finding> findings = check("""
                { "parameters": {
                    "retentionDays": { "value": 6 },
                    "purgeProtection": { "value": true },
                    "alertEmail": { "value": "ops@example.org" }
                } }
                """);

        assertThat(findings).extracting(Finding::message).containsExactly("6 is below minValue 7");
    }

    private static List<Finding> check(String parameterFile) throws Exception {
        JsonNode template = MAPPER.readTree(TEMPLATE);
        return ParameterFileCheck.check(MAPPER.readTree(parameterFile), template);
    }
}
